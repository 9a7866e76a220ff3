// SPDX-License-Identifier: GPL-3.0-or-later
#include "studio/StudioModule.h"

#include <algorithm>
#include <string_view>

namespace nf {

namespace {
struct Entry {
    int order;
    const char* name;
    StudioModuleRegistry::Factory make;
};

// A function-local static: registrations run during static initialisation, in no defined order across files.
std::vector<Entry>& entries() {
    static std::vector<Entry> list;
    return list;
}

std::vector<Entry> sorted() {
    std::vector<Entry> list = entries();
    std::stable_sort(list.begin(), list.end(), [](const Entry& a, const Entry& b) {
        return a.order != b.order ? a.order < b.order : std::string_view(a.name) < std::string_view(b.name);
    });
    return list;
}
}  // namespace

StudioModule::StudioModule(StudioContext& context, QObject* window) : QObject(window), context_(context) {}

bool StudioModuleRegistry::add(int order, const char* name, Factory make) {
    entries().push_back({order, name, make});
    return true;
}

std::vector<StudioModule*> StudioModuleRegistry::createAll(StudioContext& context, QObject* window) {
    std::vector<StudioModule*> made;
    for (const Entry& e : sorted())
        if (StudioModule* m = e.make(context, window)) made.push_back(m);  // a factory may decline (tests do)
    return made;
}

std::vector<const char*> StudioModuleRegistry::names() {
    std::vector<const char*> out;
    for (const Entry& e : sorted()) out.push_back(e.name);
    return out;
}

}  // namespace nf
