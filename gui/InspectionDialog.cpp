#include "InspectionDialog.hpp"

#include "CoreText.hpp"
#include "FileDialog.hpp"
#include "InspectionDesk.hpp"
#include "LedgerSession.hpp"
#include "RefusalPanel.hpp"
#include "SiteRegistry.hpp"
#include "TextTableModel.hpp"

#include <QComboBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSettings>
#include <QTableView>
#include <QVBoxLayout>

namespace asicledger::gui {

InspectionDialog::InspectionDialog(LedgerSession& session, QWidget* parent)
    : QDialog(parent), m_session(session), m_site(new QComboBox(this)), m_date(new QDateEdit(this)),
      m_authority(new QLineEdit(this)), m_inspectors(new QLineEdit(this)),
      m_reference(new QLineEdit(this)), m_seen(new QPlainTextEdit(this)),
      m_seenCount(new QLabel(this)),
      m_badLines(new TextTableModel({tr("Line"), tr("What is wrong")}, this)),
      m_badView(new QTableView(this)), m_refusal(new RefusalPanel(this))
{
    setWindowTitle(tr("Record an inspection"));
    m_site->setObjectName("inspectionSite");
    for (const auto& site : SiteRegistry(m_session.ledger()).list())
        m_site->addItem(toQString(site.name + " (" + site.operatorName + ")"),
                        toQString(site.name));
    m_date->setCalendarPopup(true);
    m_date->setDisplayFormat("yyyy-MM-dd");
    m_date->setDate(toQDate(m_session.today()));
    m_authority->setPlaceholderText(tr("e.g. State Revenue Committee, Pavlodar region"));
    m_inspectors->setPlaceholderText(tr("Names as written on the act, separated by ;"));
    m_reference->setPlaceholderText(tr("The act's number"));
    m_seen->setObjectName("seenSerials");
    m_seen->setPlaceholderText(tr("One serial a line, as the scanner writes them (all found "
                                  "present);\nor serial,finding on every line, the finding one of: "
                                  "present, damaged, tampered label, powered off, label "
                                  "unreadable."));
    auto* load = new QPushButton(tr("Load scanner file…"), this);
    connect(load, &QPushButton::clicked, this, &InspectionDialog::chooseScannerFile);
    connect(m_seen, &QPlainTextEdit::textChanged, this, [this] {
        const auto lines = m_seen->toPlainText().split('\n', Qt::SkipEmptyParts).size();
        m_seenCount->setText(tr("%n line(s)", nullptr, static_cast<int>(lines)));
    });

    auto* form = new QFormLayout();
    form->addRow(tr("Site:"), m_site);
    form->addRow(tr("Date:"), m_date);
    form->addRow(tr("Authority:"), m_authority);
    form->addRow(tr("Inspectors:"), m_inspectors);
    form->addRow(tr("Reference:"), m_reference);
    auto* seenRow = new QHBoxLayout();
    seenRow->addWidget(new QLabel(tr("Serials seen:"), this));
    seenRow->addWidget(m_seenCount, 1);
    seenRow->addWidget(load);

    m_badView->setModel(m_badLines);
    m_badView->verticalHeader()->setVisible(false);
    m_badView->horizontalHeader()->setStretchLastSection(true);
    m_badView->setVisible(false);
    m_badLines->setNumericColumns({0});

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Record inspection"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(m_session.may(Permission::RecordInspections));
    connect(buttons, &QDialogButtonBox::accepted, this, &InspectionDialog::record);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addLayout(seenRow);
    layout->addWidget(m_seen, 2);
    layout->addWidget(m_refusal);
    layout->addWidget(m_badView, 1);
    layout->addWidget(buttons);
    resize(640, 620);
}

void InspectionDialog::setHeader(const QString& site, const QDate& date, const QString& authority,
                                 const QString& inspectors, const QString& reference)
{
    const int index = m_site->findData(site);
    if (index >= 0)
        m_site->setCurrentIndex(index);
    m_date->setDate(date);
    m_authority->setText(authority);
    m_inspectors->setText(inspectors);
    m_reference->setText(reference);
}

void InspectionDialog::setSeen(const QString& text)
{
    m_seen->setPlainText(text);
}

void InspectionDialog::chooseScannerFile()
{
    QSettings settings;
    const auto fileName = FileDialog::getOpenFileName(
        this, tr("Scanner file"), settings.value("scannerDirectory").toString(),
        tr("Scanner files (*.txt *.csv);;All files (*)"));
    if (fileName.isEmpty())
        return;
    settings.setValue("scannerDirectory", QFileInfo(fileName).absolutePath());
    loadScannerFile(fileName);
}

bool InspectionDialog::loadScannerFile(const QString& fileName)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        m_refusal->showMessage(tr("%1 cannot be read: %2").arg(fileName, file.errorString()));
        return false;
    }
    m_seen->setPlainText(QString::fromUtf8(file.readAll()));
    return true;
}

bool InspectionDialog::record()
{
    m_refusal->clear();
    m_badLines->clear();
    m_badView->setVisible(false);
    NewInspection inspection;
    inspection.site = toStd(m_site->currentData().toString());
    inspection.date = toDate(m_date->date());
    inspection.authority = toStd(m_authority->text().trimmed());
    for (const auto& name : m_inspectors->text().split(';', Qt::SkipEmptyParts))
        if (!name.trimmed().isEmpty())
            inspection.inspectors.push_back(toStd(name.trimmed()));
    inspection.reference = toStd(m_reference->text().trimmed());
    const auto seen = m_seen->toPlainText().toUtf8();
    try {
        const auto recorded = InspectionDesk(m_session.ledger())
                                  .record(m_session.actor(), inspection,
                                          std::string_view(seen.constData(), seen.size()));
        m_recordedId = recorded.id;
    } catch (const InspectionRefused& refused) {
        QVector<QStringList> rows;
        for (const auto& problem : refused.problems())
            rows.append({QString::number(problem.line), toQString(problem.message)});
        m_badLines->setRows(std::move(rows));
        m_badView->setVisible(true);
        m_refusal->showMessage(tr("Not recorded: %n line(s) of the serials cannot be taken. "
                                  "Correct them and record again.",
                                  nullptr, static_cast<int>(refused.problems().size())));
        return false;
    } catch (const std::exception& error) {
        m_refusal->showError(error);
        return false;
    }
    m_session.notifyChanged();
    accept();
    return true;
}

} // namespace asicledger::gui
