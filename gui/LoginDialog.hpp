#pragma once

#include <QDialog>

class QLabel;
class QLineEdit;

namespace asicledger::gui {

class LedgerSession;

// Signing in to the open ledger. A wrong name or password gets the core's one answer for both,
// and the dialog stays open to try again.
class LoginDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoginDialog(LedgerSession& session, QWidget* parent = nullptr);

    void setUserName(const QString& name);
    void setPassword(const QString& password);
    // True when the core signed the person in (the dialog then closes).
    bool trySignIn();
    QString errorText() const;

private:
    LedgerSession& m_session;
    QLineEdit* m_name;
    QLineEdit* m_password;
    QLabel* m_error;
};

} // namespace asicledger::gui
