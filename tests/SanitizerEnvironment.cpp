#include "SanitizerEnvironment.hpp"

#include <cstdlib>

namespace asicledger::testing {

std::map<std::string, std::string>
withSanitizerOptions(std::map<std::string, std::string> environment)
{
    for (const char* name : {"ASAN_OPTIONS", "UBSAN_OPTIONS", "LSAN_OPTIONS"}) {
        if (const char* value = std::getenv(name))
            environment.emplace(name, value);
    }
    return environment;
}

} // namespace asicledger::testing
