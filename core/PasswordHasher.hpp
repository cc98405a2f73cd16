#pragma once

#include <string>
#include <string_view>

namespace asicledger {

// Argon2id password hashes (libsodium crypto_pwhash_str), with the interactive cost limits.
class PasswordHasher
{
public:
    static std::string hash(std::string_view password);
    static bool verify(const std::string& storedHash, std::string_view password);
    // Throws InvalidInput when a new password is too weak to accept.
    static void requireAcceptable(std::string_view password);
    // Tests create many users; Argon2id at the interactive cost (64 MiB, ~0.1 s) per user would
    // make the suite slow. Real programs never call this.
    static void useMinimalCostForTests();
};

} // namespace asicledger
