#include "RefusalPanel.hpp"

#include "CoreText.hpp"
#include "TextTableModel.hpp"
#include "UnitActions.hpp"

#include <QLabel>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace asicledger::gui {

RefusalPanel::RefusalPanel(QWidget* parent)
    : QWidget(parent), m_message(new QLabel(this)),
      m_units(new TextTableModel({tr("Serial"), tr("Why it was refused")}, this)),
      m_view(new QTextBrowser(this))
{
    m_message->setObjectName("refusalMessage");
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet("QLabel { color: #a02000; }");
    m_view->setObjectName("refusedUnits");
    m_view->setOpenLinks(false);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_message);
    layout->addWidget(m_view, 1);
    clear();
}

void RefusalPanel::showError(const std::exception& error)
{
    if (const auto* refused = dynamic_cast<const UnitActionRefused*>(&error)) {
        QVector<QStringList> rows;
        for (const auto& unit : refused->refusals())
            rows.append({toQString(unit.serial), toQString(unit.reason)});
        m_units->setRows(std::move(rows));
        m_message->setText(tr("Refused; nothing was changed. %n unit(s) cannot take this action:",
                              nullptr, static_cast<int>(refused->refusals().size())));
        // Each reason is a full sentence; they read best as wrapped paragraphs, not table cells.
        QString html;
        for (int row = 0; row < m_units->rowCount(); ++row) {
            const auto serial = m_units->text(row, 0);
            auto reason = sentence(m_units->text(row, 1));
            // Most reasons already start with the serial; it is not said twice.
            if (reason.startsWith(serial))
                reason = reason.mid(serial.size());
            else
                reason = QStringLiteral(": ") + reason;
            html += QStringLiteral("<p style='margin:0 0 6px 0'><b>%1</b>%2</p>")
                        .arg(serial.toHtmlEscaped(), reason.toHtmlEscaped());
        }
        m_view->setHtml(html);
        m_view->setVisible(true);
        setVisible(true);
        return;
    }
    showMessage(tr("Refused; nothing was changed.\n%1").arg(sentence(toQString(error.what()))));
}

void RefusalPanel::showMessage(const QString& text)
{
    m_units->clear();
    m_view->clear();
    m_view->setVisible(false);
    m_message->setText(text);
    setVisible(true);
}

void RefusalPanel::clear()
{
    m_units->clear();
    m_message->clear();
    m_view->setVisible(false);
    setVisible(false);
}

QString RefusalPanel::text() const
{
    QString text = m_message->text();
    for (int row = 0; row < m_units->rowCount(); ++row)
        text += "\n" + m_units->text(row, 0) + ": " + m_units->text(row, 1);
    return text;
}

} // namespace asicledger::gui
