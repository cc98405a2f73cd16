#include "LedgerBackup.hpp"
