// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

namespace nf {

// Routes FluidSynth's log so its error text can end up in NoteForge's one-line messages ("no audio device: ...")
// instead of scrolling past on stderr. Idempotent; called by Synth.
void installFluidLogHandler();

// While alive, FluidSynth messages logged on the constructing thread are collected here instead of printed.
// Messages from other threads (the audio thread included) go to FluidSynth's default handler untouched, so the
// handler itself neither locks nor allocates there.
class FluidLogCapture {
public:
    FluidLogCapture();
    ~FluidLogCapture();
    FluidLogCapture(const FluidLogCapture&) = delete;
    FluidLogCapture& operator=(const FluidLogCapture&) = delete;

    const std::vector<std::string>& errors() const { return errors_; }    // panic/error/warning level
    std::string lastError() const { return errors_.empty() ? std::string{} : errors_.back(); }
    void add(int level, const char* message);

private:
    FluidLogCapture* previous_;
    std::vector<std::string> errors_;
};

}  // namespace nf
