#include "ImportSummaryText.hpp"

#include "CoreText.hpp"

#include <QCoreApplication>
#include <QStringList>

namespace asicledger::gui {
namespace {

QString tr(const char* text)
{
    return QCoreApplication::translate("ImportSummary", text);
}

} // namespace

QString importSummaryText(const ImportSummary& summary)
{
    QStringList declarations;
    for (const auto& declaration : summary.declarations)
        declarations.append(toQString(declaration).toHtmlEscaped());
    QString text = tr("<p><b>%1 units</b> (%2 exempt from import VAT) in %3 declaration(s): %4</p>")
                       .arg(countText(static_cast<std::int64_t>(summary.units)),
                            countText(static_cast<std::int64_t>(summary.exemptUnits)),
                            countText(static_cast<std::int64_t>(summary.declarations.size())),
                            declarations.mid(0, 8).join(", ") +
                                (declarations.size() > 8 ? QStringLiteral(", …") : QString()));
    text += tr("<p>Customs value %1; VAT exempted %2.</p>")
                .arg(tengeText(summary.customsValue), tengeText(summary.vatExempted));
    if (summary.earliestUnlock)
        text += tr("<p>They unlock between %1 and %2.</p>")
                    .arg(dateText(summary.earliestUnlock), dateText(summary.latestUnlock));
    if (summary.journalSeq > 0)
        text += tr("<p>Recorded as journal entry #%1.</p>").arg(summary.journalSeq);
    if (!summary.warnings.empty()) {
        text += tr("<p><b>Please look at:</b></p><ul>");
        for (const auto& warning : summary.warnings)
            text += QStringLiteral("<li>") +
                    (warning.line > 0 ? tr("line %1: ").arg(warning.line) : QString()) +
                    toQString(warning.message).toHtmlEscaped() + QStringLiteral("</li>");
        text += QStringLiteral("</ul>");
    }
    return text;
}

} // namespace asicledger::gui
