#pragma once

#include <string_view>
#include <vector>

namespace asicledger {

// A text file compiled into the binary (schema migrations, initial reference data).
struct EmbeddedText
{
    std::string_view name;
    std::string_view text;
};

// The files under schema/, sorted by name (NNN_*.sql).
const std::vector<EmbeddedText>& schemaMigrations();
// The files under data/ (initial reference data).
const std::vector<EmbeddedText>& initialDataFiles();

} // namespace asicledger
