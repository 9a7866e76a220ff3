// SPDX-License-Identifier: GPL-3.0-or-later
#include "dataset/MusicFormat.h"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <fstream>

namespace nf {

namespace {

// Enough to see a MIDI header or an ABC file's first header lines past a comment block.
constexpr std::size_t kHeadBytes = 8192;

bool isAbcHeaderField(char c) {
    // The information fields that open or fill an ABC tune header.
    return std::string_view("XTMLKQCRSNZWPOABDFGHIU").find(c) != std::string_view::npos;
}

std::string lowerExtension(const std::string& path) {
    std::string ext = std::filesystem::path(path).extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    return ext;
}

}  // namespace

MusicFormat detectFormatFromContent(std::string_view head) {
    if (head.starts_with("MThd")) return MusicFormat::Midi;
    if (head.size() >= 12 && head.starts_with("RIFF") && head.substr(8, 4) == "RMID") return MusicFormat::Midi;
    // A text file: binary data (NUL bytes) is never ABC, even when its bytes happen to spell "X:".
    if (head.find('\0') != std::string_view::npos) return MusicFormat::Unknown;
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);  // UTF-8 byte order mark
    if (head.starts_with("%abc")) return MusicFormat::Abc;
    int fields = 0;
    std::size_t pos = 0;
    while (pos < head.size()) {
        std::size_t end = head.find('\n', pos);
        if (end == std::string_view::npos) end = head.size();
        std::string_view line = head.substr(pos, end - pos);
        pos = end + 1;
        if (line.size() >= 2 && line[1] == ':' && isAbcHeaderField(line[0])) {
            if (line[0] == 'X') return MusicFormat::Abc;
            // Three header fields look like a tune header even without X: (fragments cut from a collection)
            if (++fields >= 3) return MusicFormat::Abc;
        }
    }
    return MusicFormat::Unknown;
}

MusicFormat detectFormatFromExtension(const std::string& path) {
    const std::string ext = lowerExtension(path);
    if (ext == ".mid" || ext == ".midi" || ext == ".kar" || ext == ".smf" || ext == ".rmi") return MusicFormat::Midi;
    if (ext == ".abc") return MusicFormat::Abc;
    return MusicFormat::Unknown;
}

const char* musicFormatName(MusicFormat format) {
    switch (format) {
        case MusicFormat::Midi: return "MIDI";
        case MusicFormat::Abc: return "ABC";
        case MusicFormat::Unknown: break;
    }
    return "unknown";
}

MusicFormat detectMusicFormat(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (in) {
        std::string head(kHeadBytes, '\0');
        in.read(head.data(), static_cast<std::streamsize>(head.size()));
        head.resize(static_cast<std::size_t>(in.gcount()));
        const MusicFormat byContent = detectFormatFromContent(head);
        if (byContent != MusicFormat::Unknown) return byContent;
    }
    return detectFormatFromExtension(path);
}

}  // namespace nf
