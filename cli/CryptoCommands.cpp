// crypto ...: venues, the four steps of the crypto-to-fiat chain, their CSV imports, balances and
// the reconciliation. Every rule is CryptoRules' in the core; this file parses and prints.

#include "CryptoCommands.hpp"

#include "CryptoHoldings.hpp"
#include "CryptoImport.hpp"
#include "CryptoLedger.hpp"
#include "CryptoVenues.hpp"
#include "Currency.hpp"
#include "LedgerError.hpp"
#include "PlainText.hpp"
#include "Session.hpp"

#include <fmt/format.h>
#include <iostream>
#include <memory>

namespace asicledger {
namespace {

struct FlowOptions
{
    std::string entity, from, to, venue, source; // parties
    std::string date, sats, amount, currency, fee, reference, pool;
};

Satoshi satsOption(const std::string& text)
{
    if (const auto sats = CryptoRules::parseSatoshi(text))
        return *sats;
    throw InvalidInput(fmt::format("--sats '{}' is not a whole number of satoshi (1 BTC = "
                                   "100000000)",
                                   text));
}

std::string plainMinor(std::int64_t minor, int digits)
{
    auto text = formatMinorUnits(minor, digits);
    std::erase(text, ' ');
    return text;
}

Json flowJson(const CryptoFlow& flow)
{
    Json record{{"kind", std::string(toText(flow.kind))},
                {"id", flow.id},
                {"journal_seq", flow.journalSeq},
                {"date", isoDate(flow.date)}};
    switch (flow.kind) {
    case CryptoFlowKind::Mined:
        record["entity"] = flow.entity.name;
        record["sats"] = flow.sats.minor();
        record["pool"] = flow.pool;
        record["payout_ref"] = flow.reference;
        break;
    case CryptoFlowKind::Transfer:
        record["from"] = flow.entity.name;
        record["to"] = flow.counterparty.name;
        record["sats"] = flow.sats.minor();
        record["txid"] = flow.reference;
        break;
    case CryptoFlowKind::Conversion:
        record["entity"] = flow.entity.name;
        record["source"] = flow.counterparty.name;
        record["venue"] = flow.venue.name;
        record["venue_aifc_licensed"] = flow.venue.aifcLicensed;
        record["sats"] = flow.sats.minor();
        record["currency"] = flow.currency;
        record["amount_minor"] = flow.fiatMinor;
        record["fee_minor"] = flow.feeMinor;
        record["net_minor"] = flow.netMinor();
        break;
    case CryptoFlowKind::Remittance:
        record["from"] = flow.entity.name;
        record["to"] = flow.counterparty.name;
        record["currency"] = flow.currency;
        record["amount_minor"] = flow.fiatMinor;
        record["bank_ref"] = flow.reference;
        break;
    }
    return record;
}

void printFlow(const CryptoFlow& flow, OutputFormat format)
{
    if (format == OutputFormat::Table) {
        std::cout << fmt::format("Recorded {}; journal entry {}.\n", CryptoLedger::describe(flow),
                                 flow.journalSeq);
        return;
    }
    auto record = flowJson(flow);
    if (format == OutputFormat::Json) {
        writeJson(std::cout, record);
        return;
    }
    std::vector<OutputColumn> fields;
    for (const auto& [key, value] : record.items())
        fields.push_back({key, key, value.is_number() ? CellKind::Number : CellKind::Text});
    writeRecord(std::cout, format, fields, record);
}

Json venueRow(const Venue& venue)
{
    return {{"name", venue.name}, {"aifc_licensed", venue.aifcLicensed}};
}

void addVenueCommands(CLI::App& crypto, Session& session, CommandSet& commands)
{
    auto* venue = crypto.add_subcommand("venue", "Where BTC is sold for fiat, with its AIFC flag");
    venue->require_subcommand(1);

    struct VenueOptions
    {
        std::string name;
        bool aifc = false;
        bool notAifc = false;
    };
    auto options = std::make_shared<VenueOptions>();
    auto* add = venue->add_subcommand("add", "Add a venue (admin)");
    add->add_option("--name", options->name, "The exchange or broker")->required();
    add->add_flag("--aifc", options->aifc, "Licensed by the Astana International Financial Centre");
    commands.on(add, [&session, options] {
        const auto& actor = session.signIn();
        const auto added = CryptoVenues(session.open()).add(actor, options->name, options->aifc);
        std::cout << fmt::format("Added venue '{}' ({}).\n", added.name,
                                 added.aifcLicensed ? "AIFC-licensed" : "not AIFC-licensed");
        return 0;
    });

    auto* set = venue->add_subcommand("set", "Record that a venue's AIFC licence changed (admin)");
    set->add_option("--name", options->name, "The venue")->required();
    auto* aifc = set->add_flag("--aifc", options->aifc, "It is AIFC-licensed");
    auto* notAifc = set->add_flag("--not-aifc", options->notAifc, "It is not AIFC-licensed");
    aifc->excludes(notAifc);
    commands.on(set, [&session, options] {
        if (options->aifc == options->notAifc)
            throw InvalidInput("say --aifc or --not-aifc");
        const auto& actor = session.signIn();
        const auto changed =
            CryptoVenues(session.open()).setAifcLicensed(actor, options->name, options->aifc);
        std::cout << fmt::format("Venue '{}' is now marked {}.\n", changed.name,
                                 changed.aifcLicensed ? "AIFC-licensed" : "not AIFC-licensed");
        return 0;
    });

    auto* list = venue->add_subcommand("list", "List the venues");
    commands.on(list, [&session] {
        session.signIn();
        RowWriter out(std::cout, session.format(),
                      {{"name", "Venue"}, {"aifc_licensed", "AIFC-licensed", CellKind::Flag}});
        for (const auto& venue : CryptoVenues(session.open()).list())
            out.add(venueRow(venue));
        out.finish();
        return 0;
    });
}

void addFlowCommands(CLI::App& crypto, Session& session, CommandSet& commands)
{
    auto options = std::make_shared<FlowOptions>();
    const auto step = [&](const char* name, const char* description) {
        auto* group = crypto.add_subcommand(name, description);
        group->require_subcommand(1);
        auto* add = group->add_subcommand("add", "Record one (finance)");
        add->add_option("--date", options->date, "Date, YYYY-MM-DD or DD.MM.YYYY")->required();
        return add;
    };

    auto* mined = step("mined", "Pool payouts credited to a domestic entity");
    mined->add_option("--entity", options->entity, "The domestic entity credited")->required();
    mined->add_option("--sats", options->sats, "Satoshi credited")->required();
    mined->add_option("--ref", options->reference, "The pool's payout reference")->required();
    mined->add_option("--pool", options->pool, "The pool");
    commands.on(mined, [&session, options] {
        const auto& actor = session.signIn();
        printFlow(
            CryptoLedger(session.open())
                .recordMined(actor, {options->entity, requireDate(options->date, "--date"),
                                     satsOption(options->sats), options->reference, options->pool}),
            session.format());
        return 0;
    });

    auto* transfer = step("transfer", "BTC sent from a domestic entity to an overseas one");
    transfer->add_option("--from", options->from, "The domestic sender")->required();
    transfer->add_option("--to", options->to, "The overseas recipient")->required();
    transfer->add_option("--sats", options->sats, "Satoshi sent")->required();
    transfer->add_option("--txid", options->reference, "The transaction id (64 hex digits)")
        ->required();
    commands.on(transfer, [&session, options] {
        const auto& actor = session.signIn();
        printFlow(CryptoLedger(session.open())
                      .recordTransfer(actor, {options->from, options->to,
                                              requireDate(options->date, "--date"),
                                              satsOption(options->sats), options->reference}),
                  session.format());
        return 0;
    });

    auto* convert = step("convert", "BTC sold for fiat at a venue");
    convert->add_option("--entity", options->entity, "The seller")->required();
    convert->add_option("--venue", options->venue, "Where it was sold")->required();
    convert->add_option("--sats", options->sats, "Satoshi sold")->required();
    convert->add_option("--amount", options->amount, "Gross proceeds, e.g. 76543.21")->required();
    convert->add_option("--currency", options->currency, "ISO 4217 code: USD, SGD, HKD...")
        ->required();
    convert->add_option("--fee", options->fee, "The venue's fee, in the same currency");
    convert->add_option("--source", options->source,
                        "The domestic entity whose coins were sold (needed when the seller holds "
                        "coins of several)");
    commands.on(convert, [&session, options] {
        const auto& actor = session.signIn();
        printFlow(CryptoLedger(session.open())
                      .recordConversion(actor, {options->entity, options->venue,
                                                requireDate(options->date, "--date"),
                                                satsOption(options->sats), options->amount,
                                                options->currency, options->fee, options->source}),
                  session.format());
        return 0;
    });

    auto* remit = step("remit", "Fiat wired from an overseas entity to a domestic one");
    remit->add_option("--from", options->from, "The overseas sender")->required();
    remit->add_option("--to", options->to, "The domestic recipient")->required();
    remit->add_option("--amount", options->amount, "Amount, e.g. 76543.21")->required();
    remit->add_option("--currency", options->currency, "ISO 4217 code")->required();
    remit->add_option("--ref", options->reference, "The bank reference of the wire")->required();
    commands.on(remit, [&session, options] {
        const auto& actor = session.signIn();
        printFlow(CryptoLedger(session.open())
                      .recordRemittance(
                          actor, {options->from, options->to, requireDate(options->date, "--date"),
                                  options->amount, options->currency, options->reference}),
                  session.format());
        return 0;
    });
}

void printImport(const std::string& file, const CryptoImportSummary& summary, OutputFormat format)
{
    Json fiat = Json::object();
    for (const auto& [currency, minor] : summary.fiatMinor)
        fiat[currency] = minor;
    Json warnings = Json::array();
    for (const auto& warning : summary.warnings)
        warnings.push_back({{"line", warning.line}, {"message", warning.message}});
    Json record{{"file", file},
                {"kind", std::string(toText(summary.kind))},
                {"dry_run", summary.dryRun},
                {"journal_seq", summary.dryRun ? Json() : Json(summary.journalSeq)},
                {"rows", summary.rows},
                {"sats", summary.sats.minor()},
                {"fiat_minor", fiat},
                {"warnings", warnings}};
    if (format == OutputFormat::Json) {
        writeJson(std::cout, record);
        return;
    }
    if (format == OutputFormat::Table)
        std::cout << (summary.dryRun
                          ? fmt::format("Dry run: {} is valid; nothing was written.\n", file)
                          : fmt::format("Imported {} {} record{} from {} (journal entry {}).\n",
                                        summary.rows, toText(summary.kind),
                                        summary.rows == 1 ? "" : "s", file, summary.journalSeq));
    std::string amounts;
    for (const auto& [currency, minor] : summary.fiatMinor) {
        const auto digits = Currency::find(currency)->minorDigits();
        amounts += (amounts.empty() ? "" : "; ") + (format == OutputFormat::Csv
                                                        ? plainMinor(minor, digits) + " " + currency
                                                        : formatFiat(minor, currency, digits));
    }
    record["btc"] = formatBtc(summary.sats);
    record["amounts"] = amounts;
    writeRecord(std::cout, format,
                {{"rows", "Rows", CellKind::Number},
                 {"btc", "BTC", CellKind::Number, summary.kind != CryptoFlowKind::Remittance},
                 {"amounts", "Fiat", CellKind::Text, !amounts.empty()}},
                record);
    for (const auto& warning : summary.warnings)
        std::cout << (format == OutputFormat::Csv
                          ? "warning," +
                                csvField(fmt::format("line {}: {}", warning.line, warning.message))
                          : fmt::format("Warning, line {}: {}", warning.line, warning.message))
                  << '\n';
}

void printRefusal(const ImportRefused& refused)
{
    const auto& problems = refused.problems();
    std::cerr << fmt::format("error: the file was refused ({} problem{}):\n", problems.size(),
                             problems.size() == 1 ? "" : "s");
    for (const auto& problem : problems) {
        if (problem.column.empty())
            std::cerr << fmt::format("line {}: {}\n", problem.line, readableText(problem.message));
        else
            std::cerr << fmt::format("line {}, column {}: {}\n", problem.line, problem.column,
                                     readableText(problem.message));
    }
    std::cerr << "Nothing was imported.\n";
}

void addImportCommand(CLI::App& crypto, Session& session, CommandSet& commands)
{
    struct ImportOptions
    {
        std::string kind, file;
        bool dryRun = false;
    };
    auto options = std::make_shared<ImportOptions>();
    auto* command = crypto.add_subcommand(
        "import", "Import a CSV of one kind of record: all rows or none (finance)");
    command->add_option("kind", options->kind, "mined, transfer, convert or remit")
        ->required()
        ->check(CLI::IsMember({"mined", "transfer", "convert", "remit"}));
    command->add_option("file", options->file, "The CSV file")->required();
    command->add_flag("--dry-run", options->dryRun, "Check the file and report; write nothing");
    commands.on(command, [&session, options] {
        const auto& actor = session.signIn();
        try {
            const auto summary = CryptoImport(session.open())
                                     .importFile(actor, *parseCryptoFlowKind(options->kind),
                                                 options->file, options->dryRun);
            printImport(options->file, summary, session.format());
            return 0;
        } catch (const ImportRefused& refused) {
            printRefusal(refused);
            return 1;
        }
    });
}

void addBalanceCommands(CLI::App& crypto, Session& session, CommandSet& commands)
{
    struct PeriodOptions
    {
        std::string asOf, from, to, entity;
    };
    auto options = std::make_shared<PeriodOptions>();
    auto* balances = crypto.add_subcommand("balances", "BTC held per entity at the end of a day");
    balances->add_option("--as-of", options->asOf, "The day (default today)");
    commands.on(balances, [&session, options] {
        session.signIn();
        auto& ledger = session.open();
        const auto day =
            options->asOf.empty() ? ledger.today() : requireDate(options->asOf, "--as-of");
        const auto format = session.format();
        if (format == OutputFormat::Table)
            std::cout << fmt::format("BTC held at the end of {}\n", isoDate(day));
        RowWriter out(std::cout, format,
                      {{"entity", "Entity"},
                       {"kind", "Kind"},
                       {"coins_of", "Coins of"},
                       {"held_btc", "Held, BTC", CellKind::Number, true},
                       {"held_sats", "Held, sats", CellKind::Number, false}});
        for (const auto& holding : CryptoHoldings(ledger).asOf(day))
            out.add({{"entity", holding.holder.name},
                     {"kind", std::string(toText(holding.holder.kind))},
                     {"coins_of", holding.source.name},
                     {"held_btc", formatBtc(holding.held)},
                     {"held_sats", holding.held.minor()}});
        out.finish();
        return 0;
    });

    auto* reconcile = crypto.add_subcommand(
        "reconcile", "Mined, transferred, converted and held; raised, remitted and outstanding");
    reconcile->add_option("--from", options->from, "First day of the period (default: the start)");
    reconcile->add_option("--to", options->to, "Last day of the period (default today)");
    reconcile->add_option("--entity", options->entity, "Only the lines of this entity");
    commands.on(reconcile, [&session, options] {
        session.signIn();
        const auto result =
            CryptoReconciliation(session.open())
                .compute(options->from.empty()
                             ? std::nullopt
                             : std::optional(requireDate(options->from, "--from")),
                         options->to.empty() ? std::nullopt
                                             : std::optional(requireDate(options->to, "--to")),
                         options->entity);
        writeReconciliation(std::cout, session.format(), result);
        return 0;
    });
}

} // namespace

void addCryptoCommands(CLI::App& app, CommandSet& commands)
{
    auto& session = commands.session();
    auto* crypto = app.add_subcommand("crypto", "Mined BTC, transfers, conversions, remittances");
    crypto->require_subcommand(1);
    addVenueCommands(*crypto, session, commands);
    addFlowCommands(*crypto, session, commands);
    addImportCommand(*crypto, session, commands);
    addBalanceCommands(*crypto, session, commands);
}

} // namespace asicledger
