// SPDX-License-Identifier: GPL-3.0-or-later
// Integer options read decimal with leading zeros (tune numbers are copied from files as X:0012). The first test
// walks the option tree noteforge-cli itself builds, so an integer option added later is checked without being
// named here; the others run the real executable on tunes numbered with leading zeros.
#include <gtest/gtest.h>

#include <CLI/CLI.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <memory>

#include "cli/CliCommands.h"
#include "cli/CliRun.h"
#include "cli/DecimalIntegers.h"

using nf::test::runCli;
namespace fs = std::filesystem;

namespace {

// The arguments that reach one integer option: the subcommand names leading to it, then its flag.
struct IntegerOption {
    std::vector<std::string> path;
    std::string flag;  // "--tune"; empty for a positional argument
};

void collectIntegerOptions(CLI::App& app, std::vector<std::string> path, std::vector<IntegerOption>& out) {
    for (const CLI::Option* o : app.get_options()) {
        const std::string type = o->get_type_name();
        if (type != "INT" && type != "UINT") continue;
        out.push_back({path, o->nonpositional() ? o->get_name() : std::string()});
    }
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        auto subPath = path;
        if (!sub->get_name().empty()) subPath.push_back(sub->get_name());  // option groups have no name
        collectIntegerOptions(*sub, subPath, out);
    }
}

// Keeps the subcommands from doing their work: these tests only parse.
void silence(CLI::App& app) {
    for (CLI::App* sub : app.get_subcommands([](CLI::App*) { return true; })) {
        sub->callback(std::function<void()>{});
        silence(*sub);
    }
}

CLI::Option* findOption(CLI::App& app, const IntegerOption& which) {
    CLI::App* at = &app;
    for (const auto& name : which.path) at = at->get_subcommand(name);
    for (CLI::Option* o : at->get_options())
        if (o->get_name() == which.flag || (which.flag.empty() && !o->nonpositional() && o->get_type_name() != "TEXT"))
            return o;
    return nullptr;
}

struct CommandTree {
    CLI::App app{"noteforge-cli under test", "noteforge-cli"};
    nf::cli::CliResult result;
    CommandTree() {
        app.require_subcommand(1);
        nf::cli::addAllCommands(app, result);
        silence(app);
    }
};

std::string joined(const IntegerOption& o) {
    std::string s;
    for (const auto& p : o.path) s.append(p).append(" ");
    return s + (o.flag.empty() ? "<positional>" : o.flag);
}

}  // namespace

TEST(CliDecimalOptions, DecimalIntegerSpelling) {
    using nf::cli::decimalInteger;
    EXPECT_EQ(decimalInteger("0012"), "12");
    EXPECT_EQ(decimalInteger("010"), "10");
    EXPECT_EQ(decimalInteger("0019"), "19");
    EXPECT_EQ(decimalInteger("0"), "0");
    EXPECT_EQ(decimalInteger("000"), "0");
    EXPECT_EQ(decimalInteger("-007"), "-7");
    EXPECT_EQ(decimalInteger("+08"), "8");
    EXPECT_EQ(decimalInteger("-0"), "0");
    for (const char* bad : {"", "-", "0x10", "1e3", "12abc", " 12", "0b1", "1.0"})
        EXPECT_FALSE(decimalInteger(bad).has_value()) << bad;
}

TEST(CliDecimalOptions, EveryIntegerOptionOfEverySubcommandReadsTenFrom010) {
    std::vector<IntegerOption> options;
    {
        CommandTree tree;
        collectIntegerOptions(tree.app, {}, options);
    }
    // convert is in every build: the walk must at least find its options.
    bool sawTune = false;
    for (const auto& o : options) sawTune = sawTune || (o.path == std::vector<std::string>{"convert"} && o.flag == "--tune");
    ASSERT_TRUE(sawTune) << options.size() << " integer options found";

    for (const auto& which : options) {
        CommandTree tree;  // a fresh tree per option: CLI11 keeps what one parse saw
        std::vector<std::string> args{"noteforge-cli"};
        args.insert(args.end(), which.path.begin(), which.path.end());
        if (!which.flag.empty()) args.push_back(which.flag);
        args.push_back("010");
        std::vector<const char*> argv;
        for (const auto& a : args) argv.push_back(a.c_str());
        std::string parseError;
        try {
            tree.app.parse(static_cast<int>(argv.size()), argv.data());
        } catch (const CLI::ParseError& e) {
            // Other arguments a subcommand requires are missing; a range such as --sample-rate's may refuse ten.
            parseError = e.what();
        }
        CLI::Option* option = findOption(tree.app, which);
        ASSERT_NE(option, nullptr) << joined(which);
        ASSERT_EQ(option->count(), 1u) << joined(which) << ": " << parseError;
        // The value the option holds after its transforms, before checks that may refuse it.
        ASSERT_EQ(option->results(), std::vector<std::string>{"10"}) << joined(which) << ": " << parseError;
        if (parseError.empty() || parseError.find("required") != std::string::npos) {
            EXPECT_EQ(option->as<long long>(), 10) << joined(which);
        }
    }
}

TEST(CliDecimalOptions, NonDecimalIntegerIsAUsageErrorNamingTheOption) {
    const auto r = runCli({"convert", "in.abc", "out.mid", "--tune", "0x10"});
    EXPECT_EQ(r.exitCode, 2);
    ASSERT_FALSE(r.errLines().empty());
    EXPECT_NE(r.errLines().front().find("--tune"), std::string::npos) << r.err;
    EXPECT_NE(r.errLines().front().find("0x10"), std::string::npos) << r.err;
}

class CliTuneNumbers : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("nf-cli-tune-numbers-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
        // As transcribed books number their tunes; X:10 is what octal 0012 would pick.
        std::ofstream(dir_ / "book.abc") << "X:0008\nT:Eight\nM:4/4\nL:1/4\nK:C\nCDEF|\n\n"
                                            "X:10\nT:Ten\nM:4/4\nL:1/4\nK:C\nGABc|\n\n"
                                            "X:0012\nT:Twelve\nM:4/4\nL:1/4\nK:C\ncdef|\n\n"
                                            "X:0019\nT:Nineteen\nM:4/4\nL:1/4\nK:C\nFEDC|\n";
    }
    void TearDown() override { fs::remove_all(dir_); }

    // The title of the tune `convert --tune` chose, read from its ABC output.
    std::string convertedTitle(const std::string& tune) {
        const auto out = dir_ / ("tune-" + tune + ".abc");
        const auto r = runCli({"convert", (dir_ / "book.abc").string(), out.string(), "--tune", tune});
        EXPECT_EQ(r.exitCode, 0) << tune << ": " << r.err;
        std::ifstream in(out);
        std::string line;
        while (std::getline(in, line))
            if (line.rfind("T:", 0) == 0) return line.substr(2);
        return "(no title)";
    }
    fs::path dir_;
};

TEST_F(CliTuneNumbers, LeadingZerosChooseTheTuneWithThatDecimalNumber) {
    EXPECT_EQ(convertedTitle("0012"), "Twelve");
    EXPECT_EQ(convertedTitle("12"), "Twelve");
    EXPECT_EQ(convertedTitle("0008"), "Eight");
    EXPECT_EQ(convertedTitle("0019"), "Nineteen");
    EXPECT_EQ(convertedTitle("010"), "Ten");
}

TEST_F(CliTuneNumbers, AMissingTuneListsTheNumbersInDecimal) {
    const auto r = runCli({"convert", (dir_ / "book.abc").string(), (dir_ / "x.mid").string(), "--tune", "011"});
    EXPECT_EQ(r.exitCode, 2);
    EXPECT_NE(r.err.find("no tune X:11 (tunes: 8 10 12 19)"), std::string::npos) << r.err;
}
