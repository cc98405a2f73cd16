#pragma once

#include <map>
#include <string>

namespace asicledger::testing {

// The environment a test gives a child program, plus the sanitizer settings of the test itself.
// Tests start the command line with nothing inherited (its output must not depend on who runs
// it), but under `scripts/test.sh --sanitize` the child is sanitized too and needs the same
// ASAN/UBSAN/LSAN options (the leak suppressions for system libraries, halting on UB). They
// change no output of a clean run.
std::map<std::string, std::string>
withSanitizerOptions(std::map<std::string, std::string> environment);

} // namespace asicledger::testing
