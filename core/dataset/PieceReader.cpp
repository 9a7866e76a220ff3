// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataset/PieceReader.h"

#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "abc/AbcReader.h"
#include "music/MusicError.h"

namespace nf {

namespace {

std::uint32_t le32(const std::uint8_t* p) {
    return std::uint32_t(p[0]) | std::uint32_t(p[1]) << 8 | std::uint32_t(p[2]) << 16 | std::uint32_t(p[3]) << 24;
}

std::vector<std::uint8_t> readAll(const std::string& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) throw MusicError(path, "cannot read: " + ec.message());
    if (size > kMaxMidiFileBytes)
        throw MusicError(path, "file too large (" + std::to_string(size) + " bytes, limit " +
                                   std::to_string(kMaxMidiFileBytes) + ")");
    std::ifstream in(path, std::ios::binary);
    if (!in) throw MusicError(path, "cannot open: " + std::string(std::strerror(errno)));
    std::vector<std::uint8_t> bytes(static_cast<std::size_t>(size));
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    return bytes;
}

// RMID = RIFF container whose "data" chunk is a whole SMF. Returns the offset and size of that chunk.
std::span<const std::uint8_t> unwrapRmid(std::span<const std::uint8_t> bytes, const std::string& path) {
    std::size_t pos = 12;
    while (pos + 8 <= bytes.size()) {
        const std::uint32_t length = le32(bytes.data() + pos + 4);
        if (std::memcmp(bytes.data() + pos, "data", 4) == 0) {
            const std::size_t available = bytes.size() - (pos + 8);
            return bytes.subspan(pos + 8, std::min<std::size_t>(length, available));
        }
        pos += 8 + std::size_t(length) + (length & 1u);  // RIFF chunks are padded to even sizes
    }
    throw MusicError::atByte(path, static_cast<std::int64_t>(std::min(pos, bytes.size())),
                             "RIFF RMID file without a \"data\" chunk");
}

std::string fileStem(const std::string& path) { return std::filesystem::path(path).stem().string(); }

void readMidiPieces(const std::string& path, FileStatus& status, std::vector<Piece>& out) {
    MidiReadResult result = readMidiAnyFile(path);
    for (auto& w : result.warnings) status.warnings.push_back(std::move(w.text));
    Piece piece;
    piece.file = path;
    piece.title = result.score.title.empty() ? fileStem(path) : result.score.title;
    piece.score = std::move(result.score);
    status.pieces = 1;
    status.tracks = static_cast<int>(piece.score.tracks.size());
    status.notes = piece.score.noteCount();
    status.seconds = piece.score.durationSeconds();
    out.push_back(std::move(piece));
    status.ok = true;
}

void readAbcPieces(const std::string& path, FileStatus& status, std::vector<Piece>& out) {
    std::vector<AbcTune> tunes = readAbcFile(path);
    std::string firstError;
    for (auto& tune : tunes) {
        for (auto& w : tune.warnings) status.warnings.push_back(std::move(w.text));
        if (!tune.score) {
            ++status.failedTunes;
            const std::string error =
                tune.error ? tune.error->what()
                           : MusicError::atLine(path, tune.firstLine, "tune X:" + std::to_string(tune.number) +
                                                                         " did not parse")
                                 .what();
            if (firstError.empty()) firstError = error;
            status.warnings.push_back(error);
            status.tuneErrors.push_back(error);
            continue;
        }
        Piece piece;
        piece.file = path;
        piece.tuneNumber = tune.number;
        piece.title = tune.title.empty() ? tune.score->title : tune.title;
        piece.abcText = std::move(tune.text);
        piece.score = std::move(*tune.score);
        status.tracks += static_cast<int>(piece.score.tracks.size());
        status.notes += piece.score.noteCount();
        status.seconds += piece.score.durationSeconds();
        ++status.pieces;
        out.push_back(std::move(piece));
    }
    if (status.pieces > 0) {
        status.ok = true;
    } else if (tunes.empty()) {
        status.error = MusicError::atLine(path, 1, "no ABC tune found (no X: field)").what();
    } else {
        status.error = firstError;
    }
}

}  // namespace

MidiReadResult readMidiAnyFile(const std::string& path) {
    const std::vector<std::uint8_t> bytes = readAll(path);
    std::span<const std::uint8_t> data(bytes);
    if (bytes.size() >= 12 && std::memcmp(bytes.data(), "RIFF", 4) == 0 && std::memcmp(bytes.data() + 8, "RMID", 4) == 0)
        data = unwrapRmid(data, path);
    return readMidiBytes(data, path);
}

std::vector<Piece> readPieces(const std::string& path, MusicFormat format, FileStatus& status) {
    std::vector<Piece> pieces;
    status.file = path;
    status.format = format;
    try {
        if (format == MusicFormat::Midi) {
            readMidiPieces(path, status, pieces);
        } else if (format == MusicFormat::Abc) {
            readAbcPieces(path, status, pieces);
        } else {
            status.error = path + ": not a MIDI or ABC file";
        }
    } catch (const std::exception& e) {
        // MusicError is already "FILE:...: msg"; anything else (bad_alloc, filesystem) gets the file name added.
        if (dynamic_cast<const MusicError*>(&e)) {
            status.error = e.what();
        } else {
            status.error = path + ": " + e.what();
        }
        pieces.clear();
        status.ok = false;
    }
    return pieces;
}

}  // namespace nf
