// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/BlasInfo.h"

#include <dlfcn.h>

#include <fstream>
#include <set>
#include <vector>

namespace nf {

namespace {
bool looksLikeBlas(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const std::string file = slash == std::string::npos ? path : path.substr(slash + 1);
    for (const char* key : {"blas", "mkl_rt", "mkl_core", "libblis", "accelerate"})
        if (file.find(key) != std::string::npos) return true;
    return false;
}
}  // namespace

std::string loadedBlasLibrary() {
    std::ifstream maps("/proc/self/maps");
    std::vector<std::string> found;
    std::set<std::string> seen;
    std::string line;
    while (std::getline(maps, line)) {
        const auto slash = line.find('/');
        if (slash == std::string::npos) continue;
        const std::string path = line.substr(slash);
        if (looksLikeBlas(path) && seen.insert(path).second) found.push_back(path);
    }
    std::string out;
    for (const auto& p : found) {
        if (!out.empty()) out.append(" + ");
        out.append(p);
    }
    if (out.empty()) out = "unknown";
    using ConfigFn = char* (*)();
    if (auto fn = reinterpret_cast<ConfigFn>(dlsym(RTLD_DEFAULT, "openblas_get_config"))) out.append(" (").append(fn()).append(")");  // the text starts with "OpenBLAS"
    return out;
}

void setBlasThreads(int threads) {
    using SetFn = void (*)(int);
    if (auto fn = reinterpret_cast<SetFn>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"))) fn(threads);
}

}  // namespace nf
