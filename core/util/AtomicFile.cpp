// SPDX-License-Identifier: GPL-3.0-or-later
#include "util/AtomicFile.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <string>

namespace nf {

namespace {
std::runtime_error ioError(const std::string& path, const char* what, int err) {
    return std::runtime_error(path + ": " + what + ": " + std::strerror(err));
}
}  // namespace

void writeFileAtomically(const std::string& path, std::span<const std::uint8_t> bytes) {
    std::string tmpl = path + ".tmp-XXXXXX";
    const int fd = ::mkstemp(tmpl.data());
    if (fd < 0) throw ioError(path, "cannot create a temporary file beside it", errno);
    const std::string tmp = tmpl;
    auto fail = [&](const char* what) {
        const int err = errno;
        ::close(fd);
        ::unlink(tmp.c_str());
        throw ioError(path, what, err);
    };
    std::size_t written = 0;
    while (written < bytes.size()) {
        const ssize_t n = ::write(fd, bytes.data() + written, bytes.size() - written);
        if (n < 0) {
            if (errno == EINTR) continue;
            fail("cannot write");
        }
        written += static_cast<std::size_t>(n);
    }
    // mkstemp creates 0600; models and MIDI files are meant to be shared with other programs (a DAW, another
    // user), so give the file the usual 0644 rather than reading the process umask, which is not thread-safe.
    ::fchmod(fd, 0644);
    if (::fsync(fd) != 0) fail("cannot flush to disk");
    if (::close(fd) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw ioError(path, "cannot close", err);
    }
    if (::rename(tmp.c_str(), path.c_str()) != 0) {
        const int err = errno;
        ::unlink(tmp.c_str());
        throw ioError(path, "cannot replace", err);
    }
}

void writeFileAtomically(const std::string& path, const std::string& text) {
    writeFileAtomically(path, std::span<const std::uint8_t>(reinterpret_cast<const std::uint8_t*>(text.data()),
                                                            text.size()));
}

}  // namespace nf
