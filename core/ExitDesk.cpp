#include "ExitDesk.hpp"
