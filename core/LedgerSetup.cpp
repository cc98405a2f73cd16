#include "LedgerSetup.hpp"

#include "CsvReader.hpp"
#include "DecimalNumber.hpp"
#include "EmbeddedText.hpp"
#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "PasswordHasher.hpp"
#include "PlainText.hpp"

#include <fmt/format.h>

namespace asicledger {
namespace {

std::string_view embeddedFile(std::string_view name)
{
    for (const auto& file : initialDataFiles()) {
        if (file.name == name)
            return file.text;
    }
    throw std::logic_error(fmt::format("initial data file {} is not embedded", name));
}

void seedBaseRates(ChangeSet& changes)
{
    const auto records = CsvReader::readAll(embeddedFile("nbk-base-rate.csv"));
    for (std::size_t i = 1; i < records.size(); ++i) {
        const auto& fields = records[i].fields;
        const auto from = requireDate(fields.at(0), "base rate date");
        const auto percent = DecimalNumber::parse(fields.at(1));
        const auto rateBp = percent ? percent->toMinorUnits(2) : std::nullopt;
        if (!rateBp)
            throw std::logic_error("embedded base-rate table is malformed");
        std::string note = fmt::format("initial data, confidence {}", fields.at(2));
        if (fields.size() > 3 && !fields[3].empty())
            note += "; " + fields[3];
        changes.insert("base_rate", {{"effective_from", isoDate(from)},
                                     {"rate_bp", *rateBp},
                                     {"confirmed", std::int64_t{0}},
                                     {"note", note}});
    }
}

} // namespace

Actor LedgerSetup::initialise(Ledger& ledger, std::string_view adminNameText,
                              std::string_view password)
{
    if (ledger.isInitialised())
        throw Refusal(
            fmt::format("{} is already an initialised ledger: open it, or choose a new file",
                        ledger.file().string()));
    const auto adminName = trim(adminNameText);
    if (adminName.empty())
        throw InvalidInput("the first administrator needs a name");
    PasswordHasher::requireAcceptable(password);
    const auto hash = PasswordHasher::hash(password);

    Actor admin{0, adminName, Role::Admin};
    admin.userId = ledger.write(
        admin, Permission::ManageUsers, "creating a ledger", "ledger.init",
        [&](ChangeSet& changes) {
            // Asked again under the write lock: another program may have set up the same new
            // file while this one was hashing the password.
            if (changes.journalSeq() != 1)
                throw Refusal(fmt::format("{} is already an initialised ledger (set up by "
                                          "another program a moment ago); nothing was changed: "
                                          "open it, or choose a new file",
                                          ledger.file().string()));
            changes.setSummary(fmt::format("created the ledger with administrator {}", adminName));
            const auto id = changes.insert("app_user", {{"name", adminName},
                                                        {"role", std::string("admin")},
                                                        {"password_hash", hash},
                                                        {"disabled", std::int64_t{0}}});
            seedBaseRates(changes);
            changes.insert("vat_rate", {{"effective_from", std::string("2009-01-01")},
                                        {"rate_bp", std::int64_t{1200}}});
            changes.insert("vat_rate", {{"effective_from", std::string("2026-01-01")},
                                        {"rate_bp", std::int64_t{1600}}});
            changes.insert("exit_policy", {{"effective_from", std::string("2018-01-01")},
                                           {"multiplier_num", std::int64_t{125}},
                                           {"multiplier_den", std::int64_t{100}},
                                           {"day_count", std::int64_t{365}},
                                           {"accrual_start", std::string("day_after_start")}});
            return id;
        });
    return admin;
}

} // namespace asicledger
