#include "ShipmentImporter.hpp"
