#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace asicledger::gui {

class LedgerSession;

// Creating a ledger file: where it goes and its first administrator. The core stores the initial
// reference data (base rates, VAT, exit policy) with it.
class NewLedgerDialog : public QDialog
{
    Q_OBJECT

public:
    NewLedgerDialog(LedgerSession& session, QString fileName, QWidget* parent = nullptr);

    void setAdmin(const QString& name, const QString& password);
    bool create();
    QString errorText() const;

private:
    LedgerSession& m_session;
    QString m_fileName;
    QLineEdit* m_name;
    QLineEdit* m_password;
    QLineEdit* m_repeat;
    QLabel* m_error;
};

} // namespace asicledger::gui
