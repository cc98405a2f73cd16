#include "DemoLedger.hpp"

#include "DemoCast.hpp"
#include "DemoHistory.hpp"
#include "DemoRandom.hpp"
#include "DemoShipments.hpp"
#include "ExitDesk.hpp"
#include "InspectionDesk.hpp"
#include "Ledger.hpp"
#include "LedgerError.hpp"
#include "ShipmentImporter.hpp"
#include "UnitActions.hpp"
#include "UnitRegister.hpp"
#include "UserDirectory.hpp"

#include <SQLiteCpp/Statement.h>
#include <fmt/format.h>

namespace asicledger {
namespace {

const std::vector<DemoUser> kUsers{
    {"dana", "finance", "dana-demo-pass"},
    {"yerlan", "auditor", "yerlan-demo-pass"},
    {"aigerim", "manager", "aigerim-demo-pass"},
};

std::int64_t countOf(Ledger& ledger, const char* sql)
{
    SQLite::Statement query(ledger.db(), sql);
    query.executeStep();
    return query.getColumn(0).getInt64();
}

void requireNewLedger(Ledger& ledger)
{
    const auto users = countOf(ledger, "SELECT count(*) FROM app_user");
    const auto entities = countOf(ledger, "SELECT count(*) FROM entity");
    const auto units = countOf(ledger, "SELECT count(*) FROM unit");
    if (users == 0)
        throw Refusal("the demo is built into an initialised ledger: run 'asicledger init --admin "
                      "NAME' first");
    if (users > 1 || entities > 0 || units > 0)
        throw Refusal(fmt::format("the demo is built into a new ledger only, and this one already "
                                  "holds {} users, {} entities and {} units: give a new file "
                                  "with --db",
                                  users, entities, units));
}

std::string_view describe(DemoStepKind kind)
{
    switch (kind) {
    case DemoStepKind::Import:
        return "import";
    case DemoStepKind::ExitRecord:
        return "early exit";
    case DemoStepKind::ExitApprove:
        return "exit approval";
    case DemoStepKind::Sell:
        return "sale";
    case DemoStepKind::Move:
        return "move";
    case DemoStepKind::Export:
        return "export";
    case DemoStepKind::BeneficialOwner:
        return "change of beneficial owner";
    case DemoStepKind::Status:
        return "status change";
    case DemoStepKind::Note:
        return "note";
    case DemoStepKind::Inspection:
        return "inspection";
    }
    return "step";
}

// The people of the demo, as the core sees them once signed in.
struct DemoStaff
{
    Actor finance;
    Actor auditor;
    Actor manager;
};

// Plays the planned history through the core's write paths.
class DemoPlayback
{
public:
    DemoPlayback(Ledger& ledger, const DemoStaff& staff, const DemoImports& imports)
        : m_ledger(ledger), m_staff(staff), m_imports(imports), m_importer(ledger),
          m_actions(ledger), m_exits(ledger)
    {}

    void apply(const DemoStep& step);

private:
    void inspect(const DemoStep& step);

    Ledger& m_ledger;
    const DemoStaff& m_staff;
    const DemoImports& m_imports;
    ShipmentImporter m_importer;
    UnitActions m_actions;
    ExitDesk m_exits;
    int m_inspections = 0;
};

void DemoPlayback::apply(const DemoStep& step)
{
    const auto& finance = m_staff.finance;
    switch (step.kind) {
    case DemoStepKind::Import:
        m_importer.importCsv(finance, m_imports.shipments[step.shipment].csv, /*dryRun=*/false);
        return;
    case DemoStepKind::ExitRecord:
        m_exits.record(finance, step.serials, step.date, step.reference, step.reason);
        return;
    case DemoStepKind::ExitApprove:
        m_exits.approve(m_staff.manager, step.serials, step.reason);
        return;
    case DemoStepKind::Sell:
        m_actions.sell(finance, step.serials, step.target, step.date, step.reason);
        return;
    case DemoStepKind::Move:
        m_actions.move(finance, step.serials, step.target, step.date, step.reason);
        return;
    case DemoStepKind::Export:
        m_actions.exportUnits(finance, step.serials, step.date, step.reason);
        return;
    case DemoStepKind::BeneficialOwner:
        m_actions.setBeneficialOwner(finance, step.serials, step.target, step.date, step.reason);
        return;
    case DemoStepKind::Status:
        m_actions.setStatus(finance, step.serials, step.status, step.date, step.reason);
        return;
    case DemoStepKind::Note:
        m_actions.addNote(finance, step.serials.front(), step.date, step.target);
        return;
    case DemoStepKind::Inspection:
        inspect(step);
        return;
    }
}

// What the inspectors saw is what the ledger places at the site that day. At the first
// inspection they could not find two machines, found one damaged and one with a tampered label,
// and scanned a unit the ledger places at another site and a serial it has never heard of: the
// discrepancies an auditor has to explain. The second found everything but one machine powered
// off.
void DemoPlayback::inspect(const DemoStep& step)
{
    const auto wasThere = [&](const UnitRecord& unit) {
        return unit.status != UnitStatus::Exported && unit.arrivalDate <= step.date;
    };
    std::vector<std::string> there;
    UnitFilter atSite;
    atSite.site = step.target;
    UnitRegister units(m_ledger);
    units.forEach(atSite, UnitOrder::BySerial, [&](const UnitRecord& unit) {
        if (wasThere(unit))
            there.push_back(unit.serial);
        return true;
    });
    if (there.empty())
        return;
    const bool withDiscrepancies = m_inspections++ == 0 && there.size() >= 8;
    const auto n = there.size();
    std::string seen = "serial,finding\n";
    for (std::size_t i = 0; i < n; ++i) {
        std::string_view finding = "present";
        if (withDiscrepancies) {
            if (i == n / 3 || i == 2 * n / 3)
                continue; // not found on the racks
            if (i == 1)
                finding = "damaged";
            else if (i == n / 2)
                finding = "tampered_label";
        } else if (i == n / 2) {
            finding = "powered_off";
        }
        seen += fmt::format("{},{}\n", there[i], finding);
    }
    if (withDiscrepancies) {
        units.forEach({}, UnitOrder::BySerial, [&](const UnitRecord& unit) {
            if (unit.site == step.target || !wasThere(unit))
                return true;
            seen += unit.serial + ",present\n";
            return false;
        });
        seen += "SMTB2011QQQ00417,present\n";
    }
    InspectionDesk(m_ledger).record(
        m_staff.auditor, {step.target, step.date, step.reason, step.inspectors, step.reference},
        seen);
}

} // namespace

std::vector<DemoUser> DemoLedger::build(Ledger& ledger, const Actor& admin,
                                        const DemoOptions& options)
{
    AccessPolicy::require(admin, Permission::ManageUsers, "building the demo ledger");
    requireNewLedger(ledger);

    UserDirectory directory(ledger);
    std::vector<Actor> actors;
    for (const auto& user : kUsers) {
        const auto account = directory.add(admin, user.name, user.role, user.password);
        actors.push_back({account.id, account.name, account.role});
    }
    const DemoStaff staff{actors[0], actors[1], actors[2]};
    DemoCast::addTo(ledger, admin);

    DemoRandom random(options.seed);
    const auto imports = DemoShipments(random, ledger.today()).plan(options.units);
    const auto steps = DemoHistory(random, ledger.today(), imports).plan();
    DemoPlayback playback(ledger, staff, imports);
    for (const auto& step : steps) {
        try {
            playback.apply(step);
        } catch (const LedgerError& error) {
            // The plan only makes steps the ledger accepts; a refusal here is a defect of the
            // demo, so say which step it was.
            throw LedgerError(fmt::format("the demo ledger could not be built: its {} dated {} "
                                          "was refused: {}",
                                          describe(step.kind), isoDate(step.date), error.what()));
        }
    }
    return kUsers;
}

} // namespace asicledger
