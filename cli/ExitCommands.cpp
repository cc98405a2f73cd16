// exit quote, exit record, exit approve, exit pending: leaving the exemption early, with two
// people (finance records the payment, a manager approves).

#include "ActionOutput.hpp"
#include "CommandSet.hpp"
#include "ExitDesk.hpp"
#include "RateTables.hpp"
#include "SerialArguments.hpp"
#include "Session.hpp"

#include <fmt/format.h>
#include <iostream>

namespace asicledger {
namespace {

struct ExitOptions
{
    std::shared_ptr<SerialArguments> serials;
    std::string date;
    std::string paymentRef;
    std::string text; // reason or approval note
};

Json quoteRow(const ExitQuote& quote)
{
    return {{"serial", quote.serial},
            {"exemption_start", isoDate(quote.exemptionStart)},
            {"lock_end", isoDate(quote.lockEnd)},
            {"unlock_date", isoDate(quote.unlockDate)},
            {"customs_value_tiyn", quote.customsValue.minor()},
            {"vat_rate_percent", percentText(quote.vatRateBp)},
            {"accrual_days", quote.accrualDays},
            {"principal_tiyn", quote.principal.minor()},
            {"penalty_tiyn", quote.penalty.minor()},
            {"total_tiyn", quote.total.minor()}};
}

const std::vector<OutputColumn>& quoteColumns()
{
    static const std::vector<OutputColumn> columns{
        {"serial", "Serial"},
        {"exemption_start", "Exempt from"},
        {"lock_end", "Lock end", CellKind::Text, false},
        {"unlock_date", "Unlock date"},
        {"customs_value_tiyn", "Customs value, KZT", CellKind::Money, false},
        {"vat_rate_percent", "VAT %", CellKind::Text, false},
        {"accrual_days", "Days", CellKind::Number},
        {"principal_tiyn", "VAT due, KZT", CellKind::Money},
        {"penalty_tiyn", "Penalty, KZT", CellKind::Money},
        {"total_tiyn", "Total, KZT", CellKind::Money}};
    return columns;
}

void printBatch(Session& session, const ExitQuoteBatch& batch, Date paymentDate, Json extra)
{
    const auto format = session.format();
    if (format == OutputFormat::Json) {
        Json document{{"payment_date", isoDate(paymentDate)}};
        document.update(extra);
        document["units"] = Json::array();
        for (const auto& quote : batch.units)
            document["units"].push_back(quoteRow(quote));
        document["principal_tiyn"] = batch.principal.minor();
        document["penalty_tiyn"] = batch.penalty.minor();
        document["total_tiyn"] = batch.total.minor();
        writeJson(std::cout, document);
        return;
    }
    RowWriter out(std::cout, format, quoteColumns());
    for (const auto& quote : batch.units)
        out.add(quoteRow(quote));
    if (format == OutputFormat::Table && batch.units.size() > 1)
        out.add({{"serial", "Total"},
                 {"principal_tiyn", batch.principal.minor()},
                 {"penalty_tiyn", batch.penalty.minor()},
                 {"total_tiyn", batch.total.minor()}});
    out.finish();
}

} // namespace

void addExitCommands(CLI::App& app, CommandSet& commands)
{
    auto& session = commands.session();
    auto* exit = app.add_subcommand("exit", "Early exits: quotes, payments, approvals");
    exit->require_subcommand(1);

    auto quoteOptions = std::make_shared<ExitOptions>();
    auto* quote = exit->add_subcommand("quote", "What an early exit would cost (changes nothing)");
    quoteOptions->serials = SerialArguments::addTo(quote);
    quote->add_option("--date", quoteOptions->date, "Payment date (default today)");
    commands.on(quote, [&session, quoteOptions] {
        session.signIn();
        auto& ledger = session.open();
        const auto date =
            quoteOptions->date.empty() ? ledger.today() : requireDate(quoteOptions->date, "--date");
        const auto batch = ExitDesk(ledger).quote(quoteOptions->serials->serials(), date);
        if (session.format() == OutputFormat::Table)
            std::cout << "Early exit paid on " << isoDate(date) << ":\n";
        printBatch(session, batch, date, Json::object());
        return 0;
    });

    auto recordOptions = std::make_shared<ExitOptions>();
    auto* record = exit->add_subcommand(
        "record", "Record the payment of an early exit; a manager then approves (finance)");
    recordOptions->serials = SerialArguments::addTo(record);
    record->add_option("--date", recordOptions->date, "Payment date")->required();
    record->add_option("--payment-ref", recordOptions->paymentRef, "Bank payment reference")
        ->required();
    record->add_option("--reason", recordOptions->text, "Why (kept in the journal)");
    commands.on(record, [&session, recordOptions] {
        const auto& actor = session.signIn();
        const auto date = requireDate(recordOptions->date, "--date");
        const auto batch = ExitDesk(session.open())
                               .record(actor, recordOptions->serials->serials(), date,
                                       recordOptions->paymentRef, recordOptions->text);
        if (session.format() == OutputFormat::Table)
            std::cout << fmt::format("Recorded the early exit of {} paid on {} (ref {}). It "
                                     "waits for a manager: 'asicledger exit approve'.\n",
                                     batch.units.size() == 1
                                         ? std::string("1 unit")
                                         : fmt::format("{} units", batch.units.size()),
                                     isoDate(date), recordOptions->paymentRef);
        printBatch(session, batch, date,
                   {{"payment_ref", recordOptions->paymentRef}, {"state", "pending approval"}});
        return 0;
    });

    auto approveOptions = std::make_shared<ExitOptions>();
    auto* approve = exit->add_subcommand(
        "approve", "Approve recorded early exits; releases the units (manager)");
    approveOptions->serials = SerialArguments::addTo(approve);
    approve->add_option("--note", approveOptions->text, "Approval note");
    commands.on(approve, [&session, approveOptions] {
        const auto& actor = session.signIn();
        const auto serials = approveOptions->serials->serials();
        ExitDesk(session.open()).approve(actor, serials, approveOptions->text);
        printActionDone(session,
                        fmt::format("Approved the early exit of {}.",
                                    serials.size() == 1 ? serials.front()
                                                        : fmt::format("{} units", serials.size())),
                        {{"action", "exit approve"}, {"units", serials.size()}}, serials);
        return 0;
    });

    auto* pending = exit->add_subcommand("pending", "Early exits waiting for approval");
    commands.on(pending, [&session] {
        session.signIn();
        RowWriter out(std::cout, session.format(),
                      {{"serial", "Serial"},
                       {"payment_date", "Paid on"},
                       {"total_tiyn", "Total, KZT", CellKind::Money},
                       {"payment_ref", "Payment ref"},
                       {"recorded_by", "Recorded by"}});
        for (const auto& exit : ExitDesk(session.open()).pending())
            out.add({{"serial", exit.serial},
                     {"payment_date", isoDate(exit.paymentDate)},
                     {"total_tiyn", exit.total.minor()},
                     {"payment_ref", exit.paymentRef},
                     {"recorded_by", exit.recordedBy}});
        out.finish();
        return 0;
    });
}

} // namespace asicledger
