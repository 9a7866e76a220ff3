// SPDX-License-Identifier: GPL-3.0-or-later
#include "training/TrainingModule.h"

#include <dlfcn.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <mutex>

#include "training/TrainingModuleAbi.h"

#ifndef NF_TRAINING_MODULE_RELDIR
#define NF_TRAINING_MODULE_RELDIR "../lib/noteforge"
#endif
#ifndef NF_TRAINING_MODULE_DIR
#define NF_TRAINING_MODULE_DIR "/usr/lib/noteforge"
#endif

namespace nf {

namespace fs = std::filesystem;

namespace {

constexpr const char* kFileName = "libnoteforge-training.so";

std::mutex gLoadMutex;
std::unique_ptr<TrainingModule> gModule;  // set once under gLoadMutex, never reset: the library stays loaded
std::vector<std::string> gRefusals;       // under gLoadMutex: what load() passed over before gModule
std::atomic<bool> gLoaded{false};

// Opens one candidate; an empty result with `why` set when it is there but unusable.
std::unique_ptr<TrainingModule> open(const std::string& path, std::string& why) {
    // RTLD_LOCAL: LibTorch's symbols and the module's own copy of the engine stay out of the program's namespace.
    void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (!handle) {
        const char* e = dlerror();
        why = e ? e : (path + ": cannot be loaded");
        return nullptr;
    }
    auto get = reinterpret_cast<nf_training_module_get_fn>(dlsym(handle, NF_TRAINING_MODULE_ENTRY));
    const nf_training_module* table = get ? get() : nullptr;
    if (!table) {
        why = path + ": not a NoteForge training module (no " NF_TRAINING_MODULE_ENTRY ")";
        dlclose(handle);
        return nullptr;
    }
    if (table->abi_version != NF_TRAINING_ABI_VERSION || table->struct_size < sizeof(nf_training_module)) {
        why = path + ": training module interface " + std::to_string(table->abi_version) + " (NoteForge " +
              (table->noteforge_version ? table->noteforge_version : "?") + "), this NoteForge needs interface " +
              std::to_string(NF_TRAINING_ABI_VERSION) + ": install the noteforge-training that matches it";
        dlclose(handle);
        return nullptr;
    }
    return std::make_unique<TrainingModule>(table, path);
}

}  // namespace

std::string TrainingModule::userModulePath() {
    // XDG Base Directory: $XDG_DATA_HOME when set and absolute, else ~/.local/share.
    fs::path base;
    if (const char* xdg = std::getenv("XDG_DATA_HOME"); xdg && *xdg == '/') base = xdg;
    else if (const char* home = std::getenv("HOME"); home && *home) base = fs::path(home) / ".local" / "share";
    else return {};
    return (base / "noteforge" / "training" / kFileName).string();
}

std::vector<std::string> TrainingModule::searchPaths() {
    std::vector<std::string> paths;
    const auto add = [&paths](std::string path) {
        if (!path.empty() && std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(std::move(path));
    };
    if (const char* env = std::getenv("NF_TRAINING_MODULE"); env && *env) add(env);
    add(userModulePath());
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec && !exe.empty())
        add((exe.parent_path() / NF_TRAINING_MODULE_RELDIR / kFileName).lexically_normal().string());
    add((fs::path(NF_TRAINING_MODULE_DIR) / kFileName).string());
    return paths;
}

std::vector<std::string> TrainingModule::refusals() {
    std::lock_guard lock(gLoadMutex);
    return gModule ? gRefusals : std::vector<std::string>{};
}

std::string TrainingModule::locate() {
    for (const std::string& path : searchPaths()) {
        std::error_code ec;
        if (fs::is_regular_file(path, ec)) return path;
    }
    return {};
}

const TrainingModule& TrainingModule::load() {
    std::lock_guard lock(gLoadMutex);
    if (gModule) return *gModule;
    std::vector<std::string> refused;
    for (const std::string& path : searchPaths()) {
        std::error_code ec;
        if (!fs::exists(path, ec)) continue;
        std::string why;
        if (auto module = open(path, why)) {
            gModule = std::move(module);
            gRefusals = std::move(refused);
            gLoaded.store(true);
            return *gModule;
        }
        refused.push_back(std::move(why));
    }
    if (!refused.empty()) {
        std::string reasons;
        for (const std::string& why : refused) reasons += (reasons.empty() ? "" : "; ") + why;
        throw TrainingModuleUnavailable("the training module cannot be loaded: " + reasons);
    }
    std::string looked;
    for (const std::string& path : searchPaths()) looked += (looked.empty() ? "" : ", ") + path;
    throw TrainingModuleUnavailable(
        "training needs the NoteForge training module, which is not installed (apt install noteforge-training; "
        "looked for " + looked + ")");
}

bool TrainingModule::loaded() { return gLoaded.load(); }

std::string TrainingModule::noteforgeVersion() const {
    return table_->noteforge_version ? table_->noteforge_version : "";
}
std::string TrainingModule::torchVersion() const { return table_->torch_version ? table_->torch_version : ""; }
std::string TrainingModule::buildInfo() const { return table_->build_info ? table_->build_info : ""; }
bool TrainingModule::cudaAvailable() const { return table_->cuda_available && table_->cuda_available() != 0; }

TrainingModule::Origin TrainingModule::origin() const {
    if (const char* env = std::getenv("NF_TRAINING_MODULE"); env && path_ == env) return Origin::Environment;
    if (path_ == userModulePath()) return Origin::User;
    return Origin::Packaged;
}

std::string TrainingModule::describe() const {
    return path_ + " (LibTorch " + torchVersion() + ", NoteForge " + noteforgeVersion() + ", CUDA GPU: " +
           (cudaAvailable() ? "yes" : "none") + ")";
}

}  // namespace nf
