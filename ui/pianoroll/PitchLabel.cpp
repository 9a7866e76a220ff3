// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/PitchLabel.h"

#include "music/PitchNames.h"

namespace nf {

QString pitchLabel(int midiPitch) {
    QString name = QString::fromStdString(pitchName(midiPitch));
    // music21's flat (E-, B-: the only flats pitchName spells); "C-1" is octave -1, not a flat.
    const int pc = ((midiPitch % 12) + 12) % 12;
    if ((pc == 3 || pc == 10) && name.size() > 1 && name[1] == '-') name[1] = QChar(0x266D);
    return name;
}

}  // namespace nf
