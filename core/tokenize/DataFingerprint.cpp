// SPDX-License-Identifier: GPL-3.0-or-later
#include "tokenize/DataFingerprint.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include "tokenize/Fnv1a.h"

namespace fs = std::filesystem;

namespace nf {

namespace {

void hashFile(Fnv1a& h, const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot be read");
    std::vector<char> buffer(1 << 16);
    std::uint64_t total = 0;
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        const auto got = static_cast<std::size_t>(in.gcount());
        h.add(buffer.data(), got);
        total += got;
    }
    h.add(&total, sizeof total);
}

bool hidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

}  // namespace

std::string dataFingerprint(const std::string& path) {
    std::error_code ec;
    const fs::path root(path);
    const auto status = fs::status(root, ec);
    if (ec || !fs::exists(status)) throw std::runtime_error(path + ": no such file or folder");
    Fnv1a h;
    if (fs::is_regular_file(status)) {
        h.add(root.filename().string());
        hashFile(h, root);
        return h.hex();
    }
    std::vector<fs::path> files;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) throw std::runtime_error(path + ": cannot be listed: " + ec.message());
    for (; it != end; it.increment(ec)) {
        if (ec) throw std::runtime_error(path + ": cannot be listed: " + ec.message());
        if (hidden(it->path())) {
            if (it->is_directory()) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file()) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        h.add(fs::relative(f, root).generic_string());
        hashFile(h, f);
    }
    return h.hex();
}

}  // namespace nf
