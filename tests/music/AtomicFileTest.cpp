// SPDX-License-Identifier: GPL-3.0-or-later
// writeFileAtomically, which every model, checkpoint, project and exported file goes through: the new bytes
// replace the old all at once, and a write that fails part-way (the disk fills up) leaves the old file as it was,
// no temporary file behind, and a one-line error that names the file.
#include <gtest/gtest.h>
#include <sys/resource.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "util/AtomicFile.h"

namespace fs = std::filesystem;

namespace {

class AtomicFile : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("nf-atomic-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string read(const fs::path& p) const {
        std::ifstream in(p, std::ios::binary);
        return {std::istreambuf_iterator<char>(in), {}};
    }
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(dir_)) names.push_back(e.path().filename().string());
        return names;
    }
    fs::path dir_;
};

// Files may not grow past `bytes` while it lives: the kernel then refuses writes (EFBIG) the way a full disk
// does (ENOSPC), part-way through a file. SIGXFSZ, which would end the process, is ignored meanwhile.
class FileSizeLimit {
public:
    explicit FileSizeLimit(rlim_t bytes) {
        ::getrlimit(RLIMIT_FSIZE, &saved_);
        previous_ = std::signal(SIGXFSZ, SIG_IGN);
        rlimit limit = saved_;
        limit.rlim_cur = bytes;
        ok_ = ::setrlimit(RLIMIT_FSIZE, &limit) == 0;
    }
    ~FileSizeLimit() {
        ::setrlimit(RLIMIT_FSIZE, &saved_);
        std::signal(SIGXFSZ, previous_);
    }
    bool ok() const { return ok_; }

private:
    rlimit saved_{};
    void (*previous_)(int) = nullptr;
    bool ok_ = false;
};

}  // namespace

TEST_F(AtomicFile, ReplacesTheWholeFileAndLeavesNothingElse) {
    const fs::path target = dir_ / "model.nfm";
    nf::writeFileAtomically(target.string(), std::string("first version"));
    nf::writeFileAtomically(target.string(), std::string("second"));
    EXPECT_EQ(read(target), "second");
    EXPECT_EQ(entries(), std::vector<std::string>{"model.nfm"});
    EXPECT_EQ(fs::status(target).permissions() & fs::perms::all,
              fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read | fs::perms::others_read);
}

TEST_F(AtomicFile, AWriteThatRunsOutOfSpaceKeepsTheOldFile) {
    const fs::path target = dir_ / "project.nfp";
    nf::writeFileAtomically(target.string(), std::string("the musician's saved work"));
    const std::string big(256 * 1024, 'x');
    std::string error;
    {
        FileSizeLimit limit(4096);
        ASSERT_TRUE(limit.ok());
        try {
            nf::writeFileAtomically(target.string(), big);
        } catch (const std::runtime_error& e) {
            error = e.what();
        }
    }
    ASSERT_FALSE(error.empty()) << "a write past the limit reported success";
    EXPECT_EQ(error.rfind(target.string() + ": cannot write: ", 0), 0u) << error;
    EXPECT_EQ(error.find('\n'), std::string::npos) << error;
    EXPECT_EQ(read(target), "the musician's saved work");
    EXPECT_EQ(entries(), std::vector<std::string>{"project.nfp"});  // the temporary file is gone
}

TEST_F(AtomicFile, AFolderThatCannotBeWrittenIsReportedByName) {
    const fs::path target = dir_ / "no-such-folder" / "out.mid";
    try {
        nf::writeFileAtomically(target.string(), std::string("x"));
        FAIL() << "wrote into a missing folder";
    } catch (const std::runtime_error& e) {
        EXPECT_EQ(std::string(e.what()).rfind(target.string() + ": ", 0), 0u) << e.what();
    }
    EXPECT_FALSE(fs::exists(target));
}
