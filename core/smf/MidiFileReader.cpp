// SPDX-License-Identifier: GPL-3.0-or-later
#include "smf/MidiFileReader.h"

#include <sys/stat.h>
#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>

#include "smf/SmfCursor.h"
#include "smf/SmfTrackDecoder.h"

namespace nf {

namespace {

using smf::SmfChannelPart;
using smf::SmfDecodedTrack;

struct Division {
    int ppq = 0;
    int smpteMicrosPerQuarter = 0;  // > 0: SMPTE division, converted to this fixed tempo
};

// SMPTE division counts ticks per frame at a frame rate instead of ticks per quarter. A fixed tempo makes the
// seconds come out right: with ppq = fps * ticksPerFrame, one "quarter" lasts one second. 29.97 drop-frame
// (written -29) runs at 30000/1001 frames per second, so its second-long quarter becomes 1.001 s.
Division readDivision(std::uint16_t raw, const std::string& file) {
    if ((raw & 0x8000) == 0) {
        if (raw == 0) throw MusicError::atByte(file, 12, "time division is 0 ticks per quarter note");
        return {raw, 0};
    }
    const int fps = -static_cast<int>(static_cast<std::int8_t>(raw >> 8));
    const int ticksPerFrame = raw & 0xFF;
    if (fps != 24 && fps != 25 && fps != 29 && fps != 30)
        throw MusicError::atByte(file, 12, "SMPTE time division with " + std::to_string(fps) +
                                               " frames per second (24, 25, 29 or 30 expected)");
    if (ticksPerFrame == 0) throw MusicError::atByte(file, 12, "SMPTE time division with 0 ticks per frame");
    if (fps == 29) return {30 * ticksPerFrame, 1'001'000};
    return {fps * ticksPerFrame, 1'000'000};
}

bool isChunkIdByte(std::uint8_t b) { return b >= 0x20 && b < 0x7F; }

bool hasMTrk(std::span<const std::uint8_t> bytes, std::size_t pos) {
    return pos + 4 <= bytes.size() && std::memcmp(bytes.data() + pos, "MTrk", 4) == 0;
}

void warn(std::vector<MusicWarning>& w, const std::string& file, std::size_t at, const std::string& message) {
    w.push_back({MusicError::atByte(file, static_cast<std::int64_t>(at), message).what()});
}

Track makeTrack(const SmfDecodedTrack& decoded, SmfChannelPart& part, int channel) {
    Track t;
    t.name = decoded.name;
    t.channel = channel;
    t.program = part.program;
    t.bank = part.bankMsb * 128 + part.bankLsb;
    t.isDrum = channel == 9;
    t.notes = std::move(part.notes);
    t.controls = std::move(part.controls);
    return t;
}

// One Track per channel with notes or controls. Lyrics belong to the first of them; a track that holds only
// lyrics (a karaoke "Words" track) still gives a Track, on the first channel it mentions, so they are not lost.
// Returns the number of Tracks added.
std::size_t addTracks(Score& score, SmfDecodedTrack& decoded) {
    const std::size_t before = score.tracks.size();
    for (int c = 0; c < 16; ++c) {
        SmfChannelPart& part = decoded.channels[static_cast<std::size_t>(c)];
        if (!part.notes.empty() || !part.controls.empty()) score.tracks.push_back(makeTrack(decoded, part, c));
    }
    if (!decoded.lyrics.empty()) {
        if (score.tracks.size() == before) {
            const int c = std::max(0, decoded.firstChannel);
            score.tracks.push_back(makeTrack(decoded, decoded.channels[static_cast<std::size_t>(c)], c));
        }
        score.tracks[before].lyrics = std::move(decoded.lyrics);
    }
    return score.tracks.size() - before;
}

// Several meter or key changes at one tick (often one per track): the last one read is the one in force.
template <class T>
void sortKeepingLastPerTick(std::vector<T>& v) {
    std::stable_sort(v.begin(), v.end(), [](const T& a, const T& b) { return a.tick < b.tick; });
    std::vector<T> unique;
    unique.reserve(v.size());
    for (const auto& e : v) {
        if (!unique.empty() && unique.back().tick == e.tick) unique.back() = e;
        else unique.push_back(e);
    }
    v = std::move(unique);
}

struct Header {
    int format = 1;
    int declaredTracks = 0;
    Division division;
    std::size_t end = 0;  // offset of the first chunk after MThd
};

Header readHeader(std::span<const std::uint8_t> bytes, const std::string& name) {
    if (bytes.size() > kMaxMidiFileBytes)
        throw MusicError(name, "file too large for a MIDI file (" + std::to_string(bytes.size()) + " bytes, at most " +
                                   std::to_string(kMaxMidiFileBytes) + ")");
    if (bytes.empty()) throw MusicError(name, "empty file");
    if (bytes.size() < 4 || std::memcmp(bytes.data(), "MThd", 4) != 0)
        throw MusicError::atByte(name, 0, "not a Standard MIDI File (no MThd header)");
    smf::SmfCursor in(bytes.data(), 4, bytes.size(), name);
    const std::uint32_t length = in.u32();
    if (length < 6) throw MusicError::atByte(name, 4, "MThd header length " + std::to_string(length) + " < 6");
    Header h;
    h.format = in.u16();
    h.declaredTracks = in.u16();
    const std::uint16_t rawDivision = in.u16();
    if (h.format == 2) throw MusicError::atByte(name, 8, "SMF format 2 (independent sequences) is not supported");
    if (h.format > 2) throw MusicError::atByte(name, 8, "unknown SMF format " + std::to_string(h.format));
    h.division = readDivision(rawDivision, name);
    if (length > 6) in.skip(std::min<std::size_t>(length - 6, in.remaining()), "");
    h.end = in.pos();
    return h;
}

// What walking the chunks found, beyond the Tracks it added to the score.
struct ChunkWalk {
    std::size_t trackChunks = 0;
    bool firstTrackIsConductor = false;
    std::string firstTrackName;
    std::optional<MusicError> firstError;  // the first bad data that ended a track
};

// Reads every chunk from `pos` on: MTrk chunks are decoded into Tracks, unknown chunks skipped, lengths that lie
// detected, and bytes that are no chunk at all skipped up to the next "MTrk".
ChunkWalk readChunks(std::span<const std::uint8_t> bytes, std::size_t pos, smf::SmfReadContext& ctx, Score& score) {
    const std::string& name = ctx.file;
    auto& warnings = ctx.warnings;
    ChunkWalk walk;
    auto decoder = std::make_unique<smf::SmfTrackDecoder>(ctx);  // holds 16 KB of note queues: not on the stack
    while (bytes.size() - pos >= 8) {
        const std::uint8_t* id = bytes.data() + pos;
        const bool isTrack = hasMTrk(bytes, pos);
        if (!isTrack && !std::all_of(id, id + 4, isChunkIdByte)) {
            // Not a chunk header: a previous chunk length lied short. Resynchronise on the next track chunk.
            static constexpr std::uint8_t kTrackId[4] = {'M', 'T', 'r', 'k'};
            const std::uint8_t* found = std::search(id + 1, bytes.data() + bytes.size(), kTrackId, kTrackId + 4);
            const std::size_t next = static_cast<std::size_t>(found - bytes.data());
            warn(warnings, name, pos,
                 next < bytes.size() ? std::to_string(next - pos) + " bytes that are not a chunk skipped"
                                     : std::to_string(bytes.size() - pos) + " bytes of trailing garbage ignored");
            pos = next;
            continue;
        }
        smf::SmfCursor header(bytes.data(), pos + 4, bytes.size(), name);
        const std::size_t length = header.u32();
        const std::size_t begin = pos + 8;
        std::size_t end = begin + length;
        if (length > bytes.size() - begin) {
            warn(warnings, name, pos + 4,
                 "chunk length " + std::to_string(length) + " runs past the end of the file (" +
                     std::to_string(bytes.size() - begin) + " bytes left): file truncated?");
            end = bytes.size();
        }
        if (!isTrack) {  // unknown chunk types are skipped, as the standard asks
            pos = end;
            continue;
        }
        SmfDecodedTrack decoded = decoder->decode(bytes.data(), begin, end);
        if (decoded.broken && !walk.firstError)
            walk.firstError = MusicError::atByte(name, decoded.errorByte, decoded.errorMessage);
        std::size_t nextPos = end;
        if (decoded.sawEndOfTrack && decoded.endPos < end) {
            if (hasMTrk(bytes, decoded.endPos)) {
                warn(warnings, name, pos + 4, "track chunk length is too long: the next track starts after End of Track");
                nextPos = decoded.endPos;
            } else {
                warn(warnings, name, decoded.endPos,
                     std::to_string(end - decoded.endPos) + " bytes after End of Track ignored");
            }
        }
        const std::size_t added = addTracks(score, decoded);
        if (walk.trackChunks++ == 0) {
            walk.firstTrackIsConductor = added == 0;
            walk.firstTrackName = decoded.name;
        }
        pos = nextPos;
    }
    if (pos < bytes.size()) warn(warnings, name, pos, std::to_string(bytes.size() - pos) + " trailing bytes ignored");
    return walk;
}

bool hasKarExtension(const std::string& name) {
    if (name.size() < 4) return false;
    std::string ext = name.substr(name.size() - 4);
    for (auto& ch : ext) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    return ext == ".kar";
}

}  // namespace

MidiReadResult readMidiBytes(std::span<const std::uint8_t> bytes, const std::string& name) {
    const Header header = readHeader(bytes, name);
    MidiReadResult result;
    result.format = header.format;
    auto& warnings = result.warnings;
    smf::SmfConductor conductor;
    smf::SmfReadContext ctx{name, warnings, conductor};
    ctx.ignoreTempo = header.division.smpteMicrosPerQuarter > 0;
    ctx.karaoke = hasKarExtension(name);
    ctx.eventBudget = kMaxMidiEvents;

    Score& score = result.score;
    score = Score(header.division.ppq);
    const ChunkWalk walk = readChunks(bytes, header.end, ctx, score);
    if (walk.trackChunks == 0)
        throw MusicError::atByte(name, static_cast<std::int64_t>(header.end), "no MTrk track chunk");
    if (header.format == 0 && walk.trackChunks > 1)
        warn(warnings, name, 8, "format 0 file with " + std::to_string(walk.trackChunks) + " tracks: read as format 1");
    if (walk.trackChunks != static_cast<std::size_t>(header.declaredTracks))
        warn(warnings, name, 10,
             "header declares " + std::to_string(header.declaredTracks) + " track(s), file has " +
                 std::to_string(walk.trackChunks));
    // Bad data with nothing sound before it: the file is not usable, say why instead of loading an empty score.
    if (walk.firstError && score.noteCount() == 0) throw *walk.firstError;

    if (ctx.ignoreTempo) score.setTempoChanges({{0, header.division.smpteMicrosPerQuarter}});
    else score.setTempoChanges(std::move(conductor.tempos));
    sortKeepingLastPerTick(conductor.timeSignatures);
    sortKeepingLastPerTick(conductor.keySignatures);
    score.timeSignatures = std::move(conductor.timeSignatures);
    score.keySignatures = std::move(conductor.keySignatures);
    // The title: the name of the conductor track (how writers, ours included, store it), or of the only track of
    // a format-0 file.
    if (walk.firstTrackIsConductor || header.format == 0) score.title = walk.firstTrackName;
    // Ids are not stored in SMF. Numbering notes 1.. in (track, start, pitch) order makes them a function of the
    // file's content, so writing a Score read from a file and reading it back gives identical ids.
    // Controls and lyrics are already in time order; notes are in note-on order, which is by start but not by
    // pitch within a chord. This is Score::normalize()'s order, sorting only the tracks that need it.
    auto byStartThenPitch = [](const Note& a, const Note& b) {
        return a.start != b.start ? a.start < b.start : a.pitch < b.pitch;
    };
    for (auto& t : score.tracks)
        if (!std::is_sorted(t.notes.begin(), t.notes.end(), byStartThenPitch))
            std::stable_sort(t.notes.begin(), t.notes.end(), byStartThenPitch);
    score.assignMissingIds();
    return result;
}

MidiReadResult readMidiFile(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw MusicError(path, std::string("cannot open: ") + std::strerror(errno));
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) throw MusicError(path, "not a regular file");
    const auto size = static_cast<std::size_t>(st.st_size);
    // Checked before reading a byte: a 100 MB "MIDI file" is refused without being loaded.
    if (size > kMaxMidiFileBytes)
        throw MusicError(path, "file too large for a MIDI file (" + std::to_string(size) + " bytes, at most " +
                                   std::to_string(kMaxMidiFileBytes) + ")");
    std::vector<std::uint8_t> bytes(size);
    std::size_t got = 0;
    while (got < size) {
        const ssize_t n = ::read(fd, bytes.data() + got, size - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) throw MusicError(path, std::string("cannot read: ") + std::strerror(errno));
        if (n == 0) break;  // the file shrank while being read
        got += static_cast<std::size_t>(n);
    }
    bytes.resize(got);
    return readMidiBytes(bytes, path);
}

}  // namespace nf
