// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "studio/StudioModule.h"

namespace nf {

class MidiRecordController;

// Records a phrase from a MIDI keyboard into the editor when a part asks (the Generation panel's Record Phrase),
// heard through the synth while it is played; the phrase is then selected, ready for Generate to continue it.
// Part of the sound side: a build without audio has a StudioWithoutSound that says why instead.
class StudioPhraseRecorder : public StudioModule {
    Q_OBJECT
public:
    StudioPhraseRecorder(StudioContext& context, QObject* window);

    void record();
    // The record-from-keyboard controller, made on the first record() (tests).
    MidiRecordController* recorder() const { return recorder_; }

private:
    void recording(const QString& port);

    MidiRecordController* recorder_ = nullptr;  // made on first use: opening MIDI may start a JACK client
};

}  // namespace nf
