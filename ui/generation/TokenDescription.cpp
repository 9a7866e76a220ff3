// SPDX-License-Identifier: GPL-3.0-or-later
#include "generation/TokenDescription.h"

#include <QObject>

#include "document/NoteInsight.h"
#include "pianoroll/PitchLabel.h"
#include "tokenize/EventTokenizer.h"
#include "tokenize/TokenizerSettings.h"

namespace nf {

namespace {
// Beats are often fractions (0.5, 1.5), which tr()'s %n plurals cannot count: one beat, else beats.
QString beats(double b) {
    return b == 1.0 ? QObject::tr("1 beat") : QObject::tr("%1 beats").arg(QString::number(b, 'g', 3));
}
}  // namespace

TokenDescription TokenDescription::of(const std::string& token) {
    static const TokenizerSettings defaults;
    static const EventTokenizer events{defaults};
    TokenDescription d;
    d.text = QString::fromStdString(token);
    if (const int p = pitchOfToken(token); p >= 0) {
        d.pitch = p;
        d.text = pitchLabel(p);
    } else if (auto bin = eventTokenNumber(token, "VEL_"); bin && *bin >= 0 && *bin < defaults.velocityBins) {
        d.velocity = events.binVelocity(*bin);
        d.text = QObject::tr("velocity %1").arg(*d.velocity);
    } else if (auto off = eventTokenNumber(token, "OFF_"); off && *off >= 0 && *off <= 127) {
        d.text = QObject::tr("end %1 here").arg(pitchLabel(*off));
    } else if (auto steps = eventTokenNumber(token, "SHIFT_"); steps && *steps > 0) {
        d.text = QObject::tr("wait %1").arg(beats(double(*steps) / defaults.stepsPerBeat));
    } else if (auto track = eventTokenNumber(token, "TRK_"); track && *track >= 0) {
        d.text = QObject::tr("go to track %1").arg(*track + 1);
    } else if (token == "END") {
        d.text = QObject::tr("end the piece");
    }
    return d;
}

QString TokenDescription::ofNote(const Note& note, Tick ticksPerBeat) {
    return QObject::tr("%1 for %2, velocity %3")
        .arg(pitchLabel(note.pitch))
        .arg(beats(ticksPerBeat > 0 ? double(note.duration) / ticksPerBeat : 0))
        .arg(note.velocity);
}

}  // namespace nf
