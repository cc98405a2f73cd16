#include "CryptoRecord.hpp"

#include "PlainText.hpp"

#include <fmt/format.h>

namespace asicledger {

std::string_view toText(CryptoFlowKind kind)
{
    switch (kind) {
    case CryptoFlowKind::Mined:
        return "mined";
    case CryptoFlowKind::Transfer:
        return "transfer";
    case CryptoFlowKind::Conversion:
        return "conversion";
    case CryptoFlowKind::Remittance:
        return "remittance";
    }
    return "mined";
}

std::optional<CryptoFlowKind> parseCryptoFlowKind(std::string_view text)
{
    const auto word = toLowerAscii(trim(text));
    if (word == "mined")
        return CryptoFlowKind::Mined;
    if (word == "transfer")
        return CryptoFlowKind::Transfer;
    if (word == "conversion" || word == "convert")
        return CryptoFlowKind::Conversion;
    if (word == "remittance" || word == "remit")
        return CryptoFlowKind::Remittance;
    return std::nullopt;
}

std::string formatFiat(std::int64_t minor, std::string_view currency, int digits)
{
    return fmt::format("{} {}", formatMinorUnits(minor, digits), currency);
}

std::string describeBtc(Satoshi sats)
{
    return formatBtc(sats) + " BTC";
}

} // namespace asicledger
