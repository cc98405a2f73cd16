// Serial normalisation: two spellings are the same unit exactly when their normal forms match.
#include "FuzzInput.hpp"
#include "Serial.hpp"

using namespace asicledger;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const auto text = fuzz::bytesOf(data, size);
    std::string problem;
    const auto serial = Serial::tryParse(text, &problem);
    bool refused = false;
    try {
        const Serial constructed(text);
        fuzz::require(serial && constructed == *serial, "constructor and tryParse disagree");
    } catch (const InvalidInput& error) {
        refused = true;
        fuzz::require(!problem.empty() && problem == error.what(), "refusal without the reason");
    }
    fuzz::require(refused == !serial.has_value(), "constructor refused what tryParse takes");
    if (serial) {
        const auto& normal = serial->text();
        fuzz::require(!normal.empty() && normal.size() <= Serial::kMaxLength, "bad length");
        for (char c : normal)
            fuzz::require((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                              c == '_' || c == '/' || c == '.',
                          "normal form holds a character serials do not use");
        const auto again = Serial::tryParse(normal);
        fuzz::require(again && *again == *serial, "the normal form is not its own normal form");
    }
    return 0;
}
