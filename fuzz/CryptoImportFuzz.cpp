// Pool payout exports and bank statements: the crypto import, checked against a small in-memory
// ledger and never written (dry run). The first line names the kind of flow ("mined",
// "transfer", "conversion", "remittance"); the rest is the file.
#include "CryptoImport.hpp"
#include "FuzzInput.hpp"
#include "FuzzLedger.hpp"

using namespace asicledger;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    auto bytes = fuzz::bytesOf(data, size);
    const auto newline = bytes.find('\n');
    if (newline == std::string_view::npos)
        return 0;
    const auto kind = parseCryptoFlowKind(bytes.substr(0, newline));
    if (!kind)
        return 0;
    bytes.remove_prefix(newline + 1);

    auto& fixture = fuzz::FuzzLedger::instance();
    try {
        const auto summary =
            CryptoImport(fixture.ledger()).importCsv(fixture.finance(), *kind, bytes, true);
        fuzz::require(summary.rows > 0 && summary.journalSeq == 0,
                      "a dry run wrote or read nothing");
    } catch (const ImportRefused& refused) {
        fuzz::require(!refused.problems().empty(), "refused without a problem");
        for (const auto& problem : refused.problems())
            fuzz::require(problem.line >= 1 && !problem.message.empty(),
                          "problem without a line or a message");
    } catch (const InvalidInput&) {
    }
    return 0;
}
