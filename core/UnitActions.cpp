#include "UnitActions.hpp"
