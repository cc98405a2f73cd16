#include "UnlockSchedule.hpp"
