// SPDX-License-Identifier: GPL-3.0-or-later
#include <algorithm>
#include <filesystem>
#include <mutex>
#include <thread>

#include "dataset/Dataset.h"
#include "dataset/MusicFormat.h"
#include "dataset/PieceReader.h"

namespace nf {

namespace fs = std::filesystem;

namespace {

bool isHidden(const fs::path& p) {
    const std::string name = p.filename().string();
    return !name.empty() && name[0] == '.';
}

}  // namespace

// Every regular file under `root` (not inside hidden folders), sorted by path. Unreadable folders are skipped
// rather than aborting the whole scan.
std::vector<std::string> listDataFiles(const std::string& root) {
    std::vector<std::string> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec);
    for (; !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
        if (isHidden(it->path())) {
            if (it->is_directory(ec)) it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file(ec)) files.push_back(it->path().string());
    }
    std::sort(files.begin(), files.end());
    return files;
}

namespace {

struct FileResult {
    FileStatus status;
    std::vector<Piece> pieces;
    bool done = false;
};

FileResult loadOneFile(const std::string& path, bool insideFolder) {
    FileResult r;
    const MusicFormat format = detectMusicFormat(path);
    if (format == MusicFormat::Unknown && insideFolder) {
        r.status.file = path;
        r.status.skipped = true;
        r.status.error = path + ": skipped: not a MIDI or ABC file";
    } else {
        r.pieces = readPieces(path, format, r.status);
    }
    r.done = true;
    return r;
}

}  // namespace

Dataset loadDataset(const std::string& path, const std::function<void(const LoadProgress&)>& onProgress,
                    const std::atomic<bool>* cancel) {
    Dataset dataset;
    dataset.root = path;
    std::error_code ec;
    const bool folder = fs::is_directory(path, ec);
    std::vector<std::string> paths;
    if (folder) {
        paths = listDataFiles(path);
    } else {
        paths.push_back(path);
    }
    if (!folder && !fs::is_regular_file(path, ec)) {
        // Missing, or a FIFO/device that would block or never end when read.
        FileStatus bad;
        bad.file = path;
        bad.error = path + (fs::exists(path, ec) ? ": not a regular file or folder" : ": no such file or folder");
        dataset.files.push_back(std::move(bad));
        return dataset;
    }

    std::vector<FileResult> results(paths.size());
    std::atomic<std::size_t> next{0};
    std::mutex progressMutex;
    std::size_t done = 0;
    auto worker = [&] {
        for (;;) {
            if (cancel && cancel->load()) return;
            const std::size_t i = next.fetch_add(1);
            if (i >= paths.size()) return;
            results[i] = loadOneFile(paths[i], folder);
            std::lock_guard lock(progressMutex);
            ++done;
            if (onProgress) onProgress(LoadProgress{done, paths.size(), paths[i]});
        }
    };
    const std::size_t threads =
        std::min<std::size_t>(paths.size(), std::max(1u, std::thread::hardware_concurrency()));
    if (threads <= 1) {
        worker();
    } else {
        std::vector<std::jthread> pool;
        pool.reserve(threads);
        for (std::size_t t = 0; t < threads; ++t) pool.emplace_back(worker);
    }

    // Merge in path order, whatever order the threads finished in.
    for (auto& r : results) {
        if (!r.done) {
            dataset.cancelled = true;
            continue;
        }
        dataset.files.push_back(std::move(r.status));
        for (auto& p : r.pieces) dataset.pieces.push_back(std::move(p));
    }
    return dataset;
}

Dataset loadDataFiles(const std::vector<std::string>& paths) {
    Dataset dataset;
    for (const auto& path : paths) {
        FileResult r = loadOneFile(path, true);
        dataset.files.push_back(std::move(r.status));
        for (auto& p : r.pieces) dataset.pieces.push_back(std::move(p));
    }
    return dataset;
}

}  // namespace nf
