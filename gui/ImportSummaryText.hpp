#pragma once

#include "ShipmentImporter.hpp"

#include <QString>

namespace asicledger::gui {

// An import's summary as a clerk reads it: units, declarations, value, exempted VAT, the unlock
// range and the warnings, as HTML for a label.
QString importSummaryText(const ImportSummary& summary);

} // namespace asicledger::gui
