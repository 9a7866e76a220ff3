// SPDX-License-Identifier: GPL-3.0-or-later
// "Run on" lists the hosts of the user's ssh configuration: named hosts only (no patterns), Include followed,
// each once; a missing file lists none.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "remote/SshHosts.h"

namespace nf {
namespace {

TEST(SshHosts, NamedHostsInOrderWithIncludes) {
    const auto dir = std::filesystem::temp_directory_path() / ("nf-ssh-" + std::to_string(getpid()));
    std::filesystem::create_directories(dir / "conf.d");
    std::ofstream(dir / "config") << "# my machines\n"
                                     "Host gpu-box  lab\n  HostName 10.0.0.5\n  User me\n"
                                     "host *.example.org !bad\n"
                                     "Include " << (dir / "conf.d").string() << "/*.conf\n"
                                     "Host=\"cloud one\"\n"
                                     "Host lab\n"
                                     "Match host x\n"
                                     "  Host after-match\n";
    std::ofstream(dir / "conf.d/a.conf") << "Host uni-cluster\n";
    std::ofstream(dir / "conf.d/b.conf") << "HOST h?st other\nHost = spaced\n";
    EXPECT_EQ(sshConfigHosts((dir / "config").string()),
              (std::vector<std::string>{"gpu-box", "lab", "uni-cluster", "other", "spaced", "cloud one", "after-match"}));
    EXPECT_TRUE(sshConfigHosts((dir / "missing").string()).empty());
    std::filesystem::remove_all(dir);
}

TEST(SshHosts, TheEnvironmentNamesAnotherConfiguration) {
    setenv("NF_SSH_CONFIG", "/tmp/some-config", 1);
    EXPECT_EQ(defaultSshConfigPath(), "/tmp/some-config");
    unsetenv("NF_SSH_CONFIG");
    EXPECT_TRUE(defaultSshConfigPath().ends_with("/.ssh/config"));
}

}  // namespace
}  // namespace nf
