#pragma once

namespace asicledger::exitcode {

// What `asicledger` returns, so scripts can tell a refusal from a typo from a tampered ledger.
constexpr int kSuccess = 0;
constexpr int kRefused = 1;      // a ledger rule, bad input, not found, missing reference data
constexpr int kUsage = 2;        // the command line itself is wrong
constexpr int kNotAllowed = 3;   // sign-in failed or the role may not do this
constexpr int kVerifyFailed = 4; // verify found a problem
constexpr int kInternal = 70;    // a bug (EX_SOFTWARE)

} // namespace asicledger::exitcode
