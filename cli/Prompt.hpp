#pragma once

#include <optional>
#include <string>

namespace asicledger {

// Asks a person for a secret. On a terminal the answer is not echoed; otherwise one line is read
// from standard input, so a password can be piped in.
class Prompt
{
public:
    // Nothing when there is nobody to ask (no terminal and nothing on stdin).
    static std::optional<std::string> secret(const std::string& question);
    // Asks twice and insists the answers agree; throws InvalidInput when they do not.
    static std::optional<std::string> newSecret(const std::string& question);
};

} // namespace asicledger
