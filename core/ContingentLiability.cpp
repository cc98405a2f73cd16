#include "ContingentLiability.hpp"
