// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QWidget;

namespace nf {

// File > Export Audio's save dialog: the file name and format, plus the one level choice. Ticked (the default),
// the loudest moment is raised to -1 dBFS; unticked, the file has playback's level, which at FluidSynth's gain
// peaks 20 dB or more below full scale for a melody with chords (a file a DAW would have to raise, with 16-bit
// WAV's resolution lost on the way). The choice is remembered.
class AudioExportDialog {
public:
    struct Choice {
        QString path;  // empty when the user cancelled
        bool normalize = true;
    };
    static Choice ask(QWidget* parent, const QString& start, const QString& filter);
    // The level choice the dialog starts with: the last one made, ticked before any.
    static bool rememberedNormalize();
};

}  // namespace nf
