#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace asicledger {

// ISO 4217 currencies the ledger accepts, with their minor-unit digits.
class Currency
{
public:
    // Upper-cases and looks up the code; nothing if it is not a currency the ledger knows.
    static std::optional<Currency> find(std::string_view code);
    static Currency tenge();

    const std::string& code() const { return m_code; }
    int minorDigits() const { return m_minorDigits; }
    bool isTenge() const { return m_code == "KZT"; }

private:
    Currency(std::string code, int digits) : m_code(std::move(code)), m_minorDigits(digits) {}
    std::string m_code;
    int m_minorDigits = 2;
};

} // namespace asicledger
