#pragma once

#include <SQLiteCpp/Database.h>
#include <functional>
#include <string>

namespace asicledger {

// The unlock tally (schema/005) is derived from the unit table by triggers and feeds the unlock
// schedule, the dashboard and the unlocks report. A tally edited behind the program's back, or a
// trigger dropped or altered (so that later writes stop counting), would show managers a false
// schedule while every journalled table still verifies. This check recounts the tally from the
// units, in one pass over unit_schedule's index order, and compares the triggers with the ones
// the migration created.
class UnlockTallyCheck
{
public:
    struct Outcome
    {
        std::int64_t rowsChecked = 0; // tally rows compared with the units
        std::int64_t unreported = 0;  // differences found beyond `room`
    };
    using Report = std::function<void(std::string)>;
    // Reports the first `room` differences.
    static Outcome run(SQLite::Database& db, std::size_t room, const Report& report);
};

} // namespace asicledger
