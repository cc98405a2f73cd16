#include "PasswordHasher.hpp"

#include "LedgerError.hpp"

#include <array>
#include <sodium.h>
#include <stdexcept>

namespace asicledger {
namespace {

bool g_minimalCost = false;

void startSodium()
{
    if (sodium_init() < 0)
        throw std::runtime_error("libsodium could not start");
}

} // namespace

std::string PasswordHasher::hash(std::string_view password)
{
    startSodium();
    std::array<char, crypto_pwhash_STRBYTES> out{};
    const auto ops = g_minimalCost ? crypto_pwhash_OPSLIMIT_MIN : crypto_pwhash_OPSLIMIT_INTERACTIVE;
    const auto memory = g_minimalCost ? crypto_pwhash_MEMLIMIT_MIN : crypto_pwhash_MEMLIMIT_INTERACTIVE;
    if (crypto_pwhash_str(out.data(), password.data(), password.size(), ops, memory) != 0)
        throw std::runtime_error("not enough memory to hash the password");
    return std::string(out.data());
}

bool PasswordHasher::verify(const std::string& storedHash, std::string_view password)
{
    startSodium();
    return crypto_pwhash_str_verify(storedHash.c_str(), password.data(), password.size()) == 0;
}

void PasswordHasher::useMinimalCostForTests()
{
    g_minimalCost = true;
}

void PasswordHasher::requireAcceptable(std::string_view password)
{
    if (password.size() < 8)
        throw InvalidInput("a password needs at least 8 characters");
}

} // namespace asicledger
