// SPDX-License-Identifier: GPL-3.0-or-later
#include "project/MidiBase64.h"

#include <QByteArray>

#include <span>
#include <stdexcept>

#include "smf/MidiFileReader.h"
#include "smf/MidiFileWriter.h"

namespace nf {

QString midiBase64(const Score& score) {
    const std::vector<std::uint8_t> midi = writeMidiBytes(score);
    return QString::fromLatin1(
        QByteArray(reinterpret_cast<const char*>(midi.data()), static_cast<qsizetype>(midi.size())).toBase64());
}

Score scoreFromMidiBase64(const QString& text, const std::string& where) {
    const QByteArray bytes = QByteArray::fromBase64(text.toLatin1());
    if (bytes.isEmpty()) throw std::runtime_error(where + ": no music");
    const auto* data = reinterpret_cast<const std::uint8_t*>(bytes.constData());
    Score score = readMidiBytes(std::span<const std::uint8_t>(data, static_cast<std::size_t>(bytes.size())), where).score;
    score.assignMissingIds();
    score.normalize();
    return score;
}

}  // namespace nf
