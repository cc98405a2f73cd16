#include "JournalQuery.hpp"
