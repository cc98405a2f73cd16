// Every file of tests/data/bad/ (see MANIFEST.tsv there) fed to the command that reads it, through
// the real binary: each must be refused with a non-zero exit, a reason on stderr that names the
// line and what is wrong, and the ledger file left byte for byte as it was.

#include "HostileLedger.hpp"

#include <fstream>
#include <gtest/gtest.h>
#include <memory>
#include <regex>
#include <sstream>

namespace {

using asicledger::testing::HostileLedger;
using asicledger::testing::readBytes;
namespace fs = std::filesystem;

const fs::path kBad = ASICLEDGER_BAD_INPUT;

struct BadFile
{
    std::string file;    // under tests/data/bad/, or generated/... written by the test
    std::string command; // which reader: import, crypto-KIND, inspection, serials-file
    int line = 0;        // the line the reason must name
    std::string reason;  // a fragment of the reason
};

// gtest names a failing case by its file, not by the struct's bytes.
void PrintTo(const BadFile& bad, std::ostream* out)
{
    *out << bad.file << " (" << bad.command << ")";
}

std::vector<BadFile> manifest()
{
    std::vector<BadFile> files;
    std::ifstream in(kBad / "MANIFEST.tsv");
    std::string text;
    while (std::getline(in, text)) {
        if (text.empty() || text.front() == '#')
            continue;
        std::istringstream fields(text);
        BadFile file;
        std::string line;
        std::getline(fields, file.file, '\t');
        std::getline(fields, file.command, '\t');
        std::getline(fields, line, '\t');
        std::getline(fields, file.reason, '\t');
        file.line = std::stoi(line);
        files.push_back(file);
    }
    return files;
}

std::string quoted(const fs::path& path)
{
    return "'" + path.string() + "'";
}

// The command a clerk would type for each reader, as the user who may run it.
std::string commandFor(const BadFile& bad, const fs::path& path)
{
    if (bad.command == "import")
        return "ASICLEDGER_USER=finance asicledger import " + quoted(path);
    if (bad.command.starts_with("crypto-"))
        return "ASICLEDGER_USER=finance asicledger crypto import " + bad.command.substr(7) + " " +
               quoted(path);
    if (bad.command == "inspection")
        return "ASICLEDGER_USER=auditor asicledger inspection record --site Ekibastuz-1 "
               "--date 2026-11-20 --authority SRD --inspector 'A. Nurlanov' --reference PV-9 "
               "--seen " +
               quoted(path);
    if (bad.command == "serials-file")
        return "ASICLEDGER_USER=finance asicledger sell --serials-file " + quoted(path) +
               " --to 'Altyn Mining LLP' --date 2026-11-20";
    throw std::runtime_error("unknown command in MANIFEST.tsv: " + bad.command);
}

// The files too big to commit: one line of 10 MiB, in the reader's own form.
void writeGenerated(const fs::path& path, const std::string& name)
{
    const std::string huge(10 << 20, 'A');
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    if (name == "generated/import-10mb-line.csv")
        out << "serial,manufacturer,model,hashrate_ths,power_w,customs_value,currency,fx_rate,"
               "legal_owner,beneficial_owner,site,exemption_start,declaration_no,"
               "declaration_date,route,dispatch_date,arrival_date\n"
            << huge
            << ",Bitmain,Antminer S21,200,3500,2100000.00,KZT,,Kazakh Hash LLP,,Ekibastuz-1,"
               "2026-05-20,50109010/200526/0000900,2026-05-20,rail,2026-05-01,2026-05-18\n";
    else if (name == "generated/mined-10mb-line.csv")
        out << "entity,date,sats,payout_ref,pool\nKazakh Hash LLP,2026-03-01,100," << huge
            << ",ViaBTC\n";
    else if (name == "generated/seen-10mb-line.txt")
        out << "KH21-0001\n" << huge << '\n';
    else
        throw std::runtime_error("no generator for " + name);
}

// A reason names its line as "line N" (imports) or "FILE:N:" (inspections, serials files).
bool namesLine(const std::string& text, int line)
{
    const auto number = std::to_string(line);
    const std::regex pattern("(line " + number + "([^0-9]|$))|(:" + number + ":)");
    return std::regex_search(text, pattern);
}

// Bytes that would drive a terminal (escape sequences, bells, carriage returns) echoed from a file.
bool holdsControlBytes(const std::string& text)
{
    for (unsigned char c : text) {
        if ((c < 0x20 && c != '\n') || c == 0x7F)
            return true;
    }
    return false;
}

class HostileInput : public ::testing::TestWithParam<BadFile>
{
protected:
    static void SetUpTestSuite() { s_ledger = std::make_unique<HostileLedger>(); }
    static void TearDownTestSuite() { s_ledger.reset(); }
    static std::unique_ptr<HostileLedger> s_ledger;
};
std::unique_ptr<HostileLedger> HostileInput::s_ledger;

TEST_P(HostileInput, RefusedWithLineAndReasonLedgerUnchanged)
{
    const auto& bad = GetParam();
    fs::path path = kBad / bad.file;
    if (bad.file.starts_with("generated/")) {
        path = s_ledger->directory() / bad.file;
        writeGenerated(path, bad.file);
    }
    ASSERT_TRUE(fs::exists(path)) << path;

    const auto before = s_ledger->settledBytes();
    const auto result = s_ledger->run(commandFor(bad, path));

    EXPECT_NE(result.exitCode, 0) << "accepted: " << result.out;
    EXPECT_LT(result.exitCode, 126) << "crashed (signal " << result.exitCode - 128 << ")";
    EXPECT_TRUE(namesLine(result.err, bad.line))
        << "stderr does not name line " << bad.line << ":\n"
        << result.err.substr(0, 2000);
    EXPECT_NE(result.err.find(bad.reason), std::string::npos)
        << "stderr does not say '" << bad.reason << "':\n"
        << result.err.substr(0, 2000);
    EXPECT_LT(result.err.size(), 8000u)
        << "a reason a clerk cannot read: " << result.err.substr(0, 2000);
    EXPECT_FALSE(holdsControlBytes(result.err)) << "stderr echoes control bytes from the file:\n"
                                                << result.err.substr(0, 2000);
    EXPECT_EQ(s_ledger->walSize(), 0u) << "the refused command left pages in the WAL";
    EXPECT_TRUE(readBytes(s_ledger->ledgerFile()) == before) << "the ledger file changed";
    if (bad.file.starts_with("generated/"))
        fs::remove(path);
}

std::string caseName(const ::testing::TestParamInfo<BadFile>& info)
{
    auto name = info.param.file;
    if (name.starts_with("generated/"))
        name = name.substr(10);
    for (auto& c : name) {
        if (!std::isalnum(static_cast<unsigned char>(c)))
            c = '_';
    }
    return name;
}

INSTANTIATE_TEST_SUITE_P(BadFiles, HostileInput, ::testing::ValuesIn(manifest()), caseName);

// The corpus is what the issue asks for: at least 50 files, across every reader the program has.
TEST(HostileInputCorpus, CoversEveryReader)
{
    const auto files = manifest();
    EXPECT_GE(files.size(), 50u);
    std::map<std::string, int> perCommand;
    for (const auto& file : files)
        ++perCommand[file.command.starts_with("crypto-") ? file.command : file.command];
    for (const auto* command : {"import", "crypto-mined", "crypto-transfer", "crypto-convert",
                                "crypto-remit", "inspection", "serials-file"})
        EXPECT_GT(perCommand[command], 0) << command;
}

} // namespace
