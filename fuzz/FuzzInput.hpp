#pragma once

#include "LedgerError.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// What every fuzz target shares. Each target is one .cpp file defining LLVMFuzzerTestOneInput:
// libFuzzer calls it in fuzz/ builds (scripts/fuzz.sh), and the seed-corpus smoke test of the
// normal suite (FuzzSmokeTest.cpp) calls it under another name, so the targets cannot rot.
namespace asicledger::fuzz {

inline std::string_view bytesOf(const std::uint8_t* data, std::size_t size)
{
    return {reinterpret_cast<const char*>(data), size};
}

// Lines as an editor counts them: LF, CRLF, and a CR standing alone (old Mac files) each end one.
inline std::size_t lineCount(std::string_view bytes)
{
    std::size_t lines = 1;
    for (std::size_t i = 0; i < bytes.size(); ++i)
        lines += bytes[i] == '\n' ||
                 (bytes[i] == '\r' && (i + 1 == bytes.size() || bytes[i + 1] != '\n'));
    return lines;
}

// A broken promise of the code under test (not merely a refused input): report and abort, which
// libFuzzer records as a crash with its input and the smoke test as a dead test.
[[noreturn]] inline void broken(const char* what)
{
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

inline void require(bool holds, const char* what)
{
    if (!holds)
        broken(what);
}

} // namespace asicledger::fuzz
