#include "ImportFixture.hpp"

#include "UnitRegister.hpp"

namespace asicledger::testing {

ImportSummary ImportFixture::import(const std::string& csv, bool dryRun)
{
    return ShipmentImporter(*ledger).importCsv(finance, csv, dryRun);
}

std::vector<ImportProblem> ImportFixture::refused(const std::string& csv)
{
    const auto before = state();
    std::vector<ImportProblem> problems;
    try {
        ShipmentImporter(*ledger).importCsv(finance, csv, /*dryRun=*/false);
        ADD_FAILURE() << "the file was imported, but should have been refused:\n" << csv;
    } catch (const ImportRefused& refusal) {
        problems = refusal.problems();
        EXPECT_FALSE(problems.empty());
        EXPECT_NE(std::string(refusal.what()).find("nothing was written"), std::string::npos);
    }
    EXPECT_EQ(before, state()) << "a refused import changed the ledger";
    // A dry run of the same file is refused the same way.
    try {
        ShipmentImporter(*ledger).importCsv(finance, csv, /*dryRun=*/true);
        ADD_FAILURE() << "a dry run accepted a file the import refuses";
    } catch (const ImportRefused& refusal) {
        EXPECT_EQ(refusal.problems().size(), problems.size());
    }
    return problems;
}

LedgerState ImportFixture::state()
{
    return {count("SELECT count(*) FROM unit"), count("SELECT count(*) FROM shipment"),
            count("SELECT count(*) FROM unit_event"), Journal(ledger->db()).head().text()};
}

std::optional<UnitRecord> ImportFixture::unit(const std::string& serial)
{
    return UnitRegister(*ledger).find(Serial(serial));
}

std::int64_t ImportFixture::count(const std::string& sql)
{
    return ledger->db().execAndGet(sql).getInt64();
}

::testing::AssertionResult hasProblem(const std::vector<ImportProblem>& problems, std::size_t line,
                                      const std::string& column, const std::string& text)
{
    for (const auto& problem : problems) {
        if (problem.line == line && problem.column == column &&
            problem.message.find(text) != std::string::npos)
            return ::testing::AssertionSuccess();
    }
    auto failure = ::testing::AssertionFailure();
    failure << "no problem on line " << line << ", column '" << column << "' saying '" << text
            << "'; the problems were:";
    for (const auto& problem : problems)
        failure << "\n  line " << problem.line << " [" << problem.column << "] " << problem.message;
    return failure;
}

} // namespace asicledger::testing
