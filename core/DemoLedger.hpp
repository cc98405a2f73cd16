#pragma once

#include "Actor.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace asicledger {

class Ledger;

struct DemoOptions
{
    std::size_t units = 20000;
    unsigned seed = 20201;
};

// A user the demo creates, with the password a newcomer signs in with (the README shows them).
struct DemoUser
{
    std::string name, role, password;
};

// Fills a freshly initialised ledger with a realistic fleet, entirely through the core's own
// write paths (user directory, registries, the CSV importer finance uses, unit actions, exits,
// inspections), so the journal holds all of it and `verify` passes: one user per role beside the
// administrator, Kazakh mining companies and their sites in Ekibastuz, Pavlodar, Karagandy and
// Oskemen, Singapore and Hong Kong hosting customers, shipments from 2020 up to today, and what
// happened to the machines since. The same seed and today give the same ledger.
class DemoLedger
{
public:
    // Throws Refusal unless the ledger is new (initialised, nothing else in it) and
    // PermissionDenied unless `admin` is an administrator.
    static std::vector<DemoUser> build(Ledger& ledger, const Actor& admin,
                                       const DemoOptions& options);
};

} // namespace asicledger
