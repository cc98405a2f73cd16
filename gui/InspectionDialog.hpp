#pragma once

#include <QDialog>
#include <cstdint>

class QComboBox;
class QDateEdit;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QTableView;

namespace asicledger::gui {

class LedgerSession;
class RefusalPanel;
class TextTableModel;

// Recording an inspection: the act's header (site, date, authority, inspectors, reference) and the
// serials seen, typed or loaded from a scanner file (one serial a line, or `serial,finding`). A
// bad line refuses the whole inspection; every bad line is listed with its number.
class InspectionDialog : public QDialog
{
    Q_OBJECT

public:
    explicit InspectionDialog(LedgerSession& session, QWidget* parent = nullptr);

    void setHeader(const QString& site, const QDate& date, const QString& authority,
                   const QString& inspectors, const QString& reference);
    void setSeen(const QString& text);
    bool loadScannerFile(const QString& fileName);
    // True when the core recorded it (the dialog then closes).
    bool record();

    std::int64_t recordedId() const { return m_recordedId; }
    TextTableModel* badLines() const { return m_badLines; }
    RefusalPanel* refusal() const { return m_refusal; }

private:
    void chooseScannerFile();

    LedgerSession& m_session;
    QComboBox* m_site;
    QDateEdit* m_date;
    QLineEdit* m_authority;
    QLineEdit* m_inspectors;
    QLineEdit* m_reference;
    QPlainTextEdit* m_seen;
    QLabel* m_seenCount;
    TextTableModel* m_badLines;
    QTableView* m_badView;
    RefusalPanel* m_refusal;
    std::int64_t m_recordedId = 0;
};

} // namespace asicledger::gui
