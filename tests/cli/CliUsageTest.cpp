// SPDX-License-Identifier: GPL-3.0-or-later
// Exit codes and the one-line error format that every subcommand shares.
#include <gtest/gtest.h>

#include "cli/CliRun.h"

using nf::test::runCli;

namespace {
bool startsWith(const std::string& s, const std::string& prefix) { return s.rfind(prefix, 0) == 0; }
}  // namespace

TEST(CliUsage, NoSubcommandIsAUsageError) {
    const auto r = runCli({});
    EXPECT_EQ(r.exitCode, 2);
    ASSERT_FALSE(r.errLines().empty());
    EXPECT_TRUE(startsWith(r.errLines().front(), "noteforge: ")) << r.err;
}

TEST(CliUsage, UnknownSubcommandAndOption) {
    EXPECT_EQ(runCli({"frobnicate"}).exitCode, 2);
    EXPECT_EQ(runCli({"inspect", "--no-such-option"}).exitCode, 2);
    const auto r = runCli({"convert", "only-one-argument.abc"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_TRUE(startsWith(r.err, "noteforge: ")) << r.err;
}

TEST(CliUsage, HelpListsTheSubcommands) {
    const auto r = runCli({"help"});
    EXPECT_EQ(r.exitCode, 0);
    for (const char* sub : {"inspect", "convert", "help"}) EXPECT_NE(r.out.find(sub), std::string::npos) << sub;
    const auto one = runCli({"help", "convert"});
    EXPECT_EQ(one.exitCode, 0);
    EXPECT_NE(one.out.find("--tune"), std::string::npos) << one.out;
    EXPECT_EQ(runCli({"help", "no-such-subcommand"}).exitCode, 2);
    EXPECT_EQ(runCli({"--version"}).exitCode, 0);
}
