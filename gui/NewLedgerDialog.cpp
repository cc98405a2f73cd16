#include "NewLedgerDialog.hpp"

#include "CoreText.hpp"
#include "LedgerSession.hpp"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace asicledger::gui {

NewLedgerDialog::NewLedgerDialog(LedgerSession& session, QString fileName, QWidget* parent)
    : QDialog(parent), m_session(session), m_fileName(std::move(fileName)),
      m_name(new QLineEdit("admin", this)), m_password(new QLineEdit(this)),
      m_repeat(new QLineEdit(this)), m_error(new QLabel(this))
{
    setWindowTitle(tr("New ledger"));
    auto* intro = new QLabel(tr("The new ledger <b>%1</b> starts with its first administrator, "
                                "who then adds entities, sites and the other users.")
                                 .arg(m_fileName.toHtmlEscaped()),
                             this);
    intro->setWordWrap(true);
    m_password->setEchoMode(QLineEdit::Password);
    m_repeat->setEchoMode(QLineEdit::Password);
    m_error->setWordWrap(true);
    m_error->setStyleSheet("QLabel { color: #a02000; }");
    m_error->setVisible(false);
    auto* form = new QFormLayout();
    form->addRow(tr("Administrator:"), m_name);
    form->addRow(tr("Password:"), m_password);
    form->addRow(tr("Repeat password:"), m_repeat);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Create ledger"));
    connect(buttons, &QDialogButtonBox::accepted, this, &NewLedgerDialog::create);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    setMinimumWidth(420);
}

void NewLedgerDialog::setAdmin(const QString& name, const QString& password)
{
    m_name->setText(name);
    m_password->setText(password);
    m_repeat->setText(password);
}

QString NewLedgerDialog::errorText() const
{
    return m_error->text();
}

bool NewLedgerDialog::create()
{
    // Only a typing slip is caught here; what makes a password acceptable is the core's rule.
    if (m_password->text() != m_repeat->text()) {
        m_error->setText(tr("The two passwords differ: type the same password twice."));
        m_error->setVisible(true);
        return false;
    }
    try {
        m_session.create(m_fileName, m_name->text().trimmed(), m_password->text());
    } catch (const std::exception& error) {
        m_error->setText(toQString(error.what()));
        m_error->setVisible(true);
        return false;
    }
    accept();
    return true;
}

} // namespace asicledger::gui
