#include "LedgerVerifier.hpp"
