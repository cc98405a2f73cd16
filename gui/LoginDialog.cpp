#include "LoginDialog.hpp"

#include "CoreText.hpp"
#include "LedgerSession.hpp"

#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace asicledger::gui {

LoginDialog::LoginDialog(LedgerSession& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_name(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_error(new QLabel(this))
{
    setWindowTitle(tr("Sign in"));
    auto* file =
        new QLabel(tr("Ledger: <b>%1</b>").arg(QFileInfo(session.fileName()).fileName()), this);
    file->setToolTip(session.fileName());
    m_name->setObjectName("userName");
    m_password->setObjectName("password");
    m_password->setEchoMode(QLineEdit::Password);
    m_name->setText(QSettings().value("lastUser").toString());
    m_error->setObjectName("signInError");
    m_error->setWordWrap(true);
    m_error->setStyleSheet("QLabel { color: #a02000; }");
    m_error->setVisible(false);

    auto* form = new QFormLayout();
    form->addRow(tr("User name:"), m_name);
    form->addRow(tr("Password:"), m_password);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Sign in"));
    connect(buttons, &QDialogButtonBox::accepted, this, &LoginDialog::trySignIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(file);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(380);
    if (!m_name->text().isEmpty())
        m_password->setFocus();
}

void LoginDialog::setUserName(const QString& name)
{
    m_name->setText(name);
}

void LoginDialog::setPassword(const QString& password)
{
    m_password->setText(password);
}

QString LoginDialog::errorText() const
{
    return m_error->text();
}

bool LoginDialog::trySignIn()
{
    try {
        m_session.signIn(m_name->text().trimmed(), m_password->text());
    } catch (const std::exception& error) {
        m_error->setText(sentence(toQString(error.what())));
        m_error->setVisible(true);
        m_password->clear();
        m_password->setFocus();
        return false;
    }
    QSettings().setValue("lastUser", m_name->text().trimmed());
    accept();
    return true;
}

} // namespace asicledger::gui
