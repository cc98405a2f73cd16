#include "ActionOutput.hpp"

#include "Journal.hpp"
#include "Serial.hpp"
#include "Session.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <iostream>

namespace asicledger {

void printActionDone(Session& session, std::string_view sentence, Json record,
                     const std::vector<std::string>& serials)
{
    const auto format = session.format();
    if (format == OutputFormat::Table) {
        std::cout << sentence << '\n';
        return;
    }
    // The serials as the ledger keeps them (upper case, trimmed): the action accepted them all.
    std::vector<std::string> kept;
    for (const auto& serial : serials) {
        const auto parsed = Serial::tryParse(serial);
        kept.push_back(parsed ? parsed->text() : serial);
    }
    record["serials"] = kept;
    record["journal_seq"] = Journal(session.open().db()).head().seq;
    if (format == OutputFormat::Csv)
        record["serials"] = fmt::format("{}", fmt::join(kept, " "));
    std::vector<OutputColumn> fields;
    for (const auto& [key, value] : record.items())
        fields.push_back({key, key, value.is_number() ? CellKind::Number : CellKind::Text});
    writeRecord(std::cout, format, fields, record);
}

} // namespace asicledger
