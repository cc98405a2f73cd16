#include "RateBook.hpp"
