// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QObject>

#include <vector>

namespace nf {

class StudioContext;

// A part of the studio that plugs into the window through the StudioContext: the sound engine, the Training and
// Generation panels, the Welcome guide, or a new panel. Each registers itself with NF_STUDIO_MODULE in its own .cpp
// and the window creates every registered one, so adding a part touches no file of the window. Which parts exist
// is decided by the build (CMake compiles ui/sound/ only with audio), not by #ifdefs in the window.
class StudioModule : public QObject {
    Q_OBJECT
public:
    // Modules are children of the window (found with findChild<T*>()).
    StudioModule(StudioContext& context, QObject* window);

    StudioContext& context() const { return context_; }
    // After the window put back its saved layout: a part that shows itself on first start decides here.
    virtual void layoutRestored() {}

private:
    StudioContext& context_;
};

// The registered modules, made in order (lower first: the sound engine before the panels that play through it;
// panels tab in that order).
class StudioModuleRegistry {
public:
    // Returns the module, or null to leave it out of this window.
    using Factory = StudioModule* (*)(StudioContext& context, QObject* window);
    // Called by NF_STUDIO_MODULE at static initialisation; returns true so the macro can keep the result.
    static bool add(int order, const char* name, Factory make);
    static std::vector<StudioModule*> createAll(StudioContext& context, QObject* window);
    static std::vector<const char*> names();
};

}  // namespace nf

// In a module's .cpp: NF_STUDIO_MODULE(StudioTraining, 20). The type needs a (StudioContext&, QObject*) constructor.
// noteforge_ui is linked whole (WHOLE_ARCHIVE, see ui/CMakeLists.txt) so these registrations are never dropped.
#define NF_STUDIO_MODULE(Type, order)                                                                          \
    namespace {                                                                                                \
    [[maybe_unused]] const bool nfRegistered##Type = ::nf::StudioModuleRegistry::add(                          \
        order, #Type, [](::nf::StudioContext& c, QObject* w) -> ::nf::StudioModule* { return new Type(c, w); }); \
    }
