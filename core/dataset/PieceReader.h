// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <string>
#include <vector>

#include "dataset/Dataset.h"
#include "smf/MidiFileReader.h"

namespace nf {

// Reads a MIDI file, also when it is wrapped in a RIFF "RMID" container (the SMF reader wants bare MThd data).
// Throws MusicError naming the file and, where it applies, the byte offset.
MidiReadResult readMidiAnyFile(const std::string& path);

// Reads one file of a known format into pieces: one Piece per MIDI file, one per ABC tune that parsed.
// Fills `status` (ok/error/warnings/counts); never throws for a bad file.
std::vector<Piece> readPieces(const std::string& path, MusicFormat format, FileStatus& status);

}  // namespace nf
