#pragma once

#include <QWidget>
#include <exception>

class QLabel;
class QTextBrowser;

namespace asicledger::gui {

class TextTableModel;

// Where a dialog shows why the core said no: the core's message as it wrote it, and for a refused
// bulk action every unit with its own reason. Hidden until there is something to say.
class RefusalPanel : public QWidget
{
    Q_OBJECT

public:
    explicit RefusalPanel(QWidget* parent = nullptr);

    // Shows any exception the core threw; UnitActionRefused lists its units.
    void showError(const std::exception& error);
    void showMessage(const QString& text);
    void clear();

    QString text() const;
    TextTableModel* units() const { return m_units; }

private:
    QLabel* m_message;
    TextTableModel* m_units;
    QTextBrowser* m_view;
};

} // namespace asicledger::gui
