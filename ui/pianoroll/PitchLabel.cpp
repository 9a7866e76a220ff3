// SPDX-License-Identifier: GPL-3.0-or-later
#include "pianoroll/PitchLabel.h"

#include "music/PitchNames.h"

namespace nf {

QString pitchLabel(int midiPitch) {
    QString name = QString::fromStdString(pitchName(midiPitch));
    if (name.size() > 1 && name[1] == '-') name[1] = QChar(0x266D);  // music21's flat
    return name;
}

}  // namespace nf
