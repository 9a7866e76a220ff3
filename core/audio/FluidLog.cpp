// SPDX-License-Identifier: GPL-3.0-or-later
#include "audio/FluidLog.h"

#include <fluidsynth.h>

#include <mutex>

namespace nf {

namespace {

thread_local FluidLogCapture* t_capture = nullptr;

void onFluidLog(int level, const char* message, void* data) {
    if (FluidLogCapture* c = t_capture) {
        c->add(level, message);
        return;
    }
    if (level >= FLUID_INFO) return;  // chatter such as "jack sample rate mismatch, adjusting"
    fluid_default_log_function(level, message, data);
}

}  // namespace

void installFluidLogHandler() {
    static std::once_flag once;
    std::call_once(once, [] {
        for (int level : {FLUID_PANIC, FLUID_ERR, FLUID_WARN, FLUID_INFO, FLUID_DBG})
            fluid_set_log_function(level, onFluidLog, nullptr);
    });
}

FluidLogCapture::FluidLogCapture() : previous_(t_capture) {
    installFluidLogHandler();
    t_capture = this;
}

FluidLogCapture::~FluidLogCapture() { t_capture = previous_; }

void FluidLogCapture::add(int level, const char* message) {
    if (level <= FLUID_WARN && message) errors_.emplace_back(message);
}

}  // namespace nf
