#pragma once

#include <QList>
#include <QMap>
#include <QWidget>

class QLabel;
class QPushButton;
class QTabWidget;

namespace asicledger::gui {

class LedgerSession;
class RefusalPanel;

// Finance staff's four crypto records, one tab each: BTC mined by a domestic entity, transferred
// to its overseas entity, converted to fiat at a venue, remitted home. The core checks every rule
// (AIFC venues for domestic sellers, no overdraw, references, direction); the form only reads the
// amounts a person typed.
class CryptoEntryForms : public QWidget
{
    Q_OBJECT

public:
    enum Form
    {
        MinedForm,
        TransferForm,
        ConversionForm,
        RemittanceForm
    };

    explicit CryptoEntryForms(LedgerSession& session, QWidget* parent = nullptr);

    // Entities and venues from the ledger (after signing in or an administrator's change).
    void reloadChoices();
    // Records the form's contents; true when the core recorded it.
    bool record(Form form);
    RefusalPanel* refusal() const { return m_refusal; }
    void showForm(Form form);
    // The field of a form by its label ("BTC", "Venue"...), for tests and keyboard users.
    void setField(Form form, const QString& label, const QString& text);
    QString lastRecorded() const { return m_lastRecorded; }

signals:
    void recorded();

private:
    QWidget* buildForm(Form form);
    QString text(Form form, const QString& label) const;
    QDate dateOf(Form form) const;

    LedgerSession& m_session;
    QTabWidget* m_tabs;
    RefusalPanel* m_refusal;
    QLabel* m_done;
    QList<QMap<QString, QWidget*>> m_fields;
    QList<QPushButton*> m_buttons;
    QString m_lastRecorded;
};

} // namespace asicledger::gui
