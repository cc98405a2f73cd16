#include "ImportFilePage.hpp"

#include "CoreText.hpp"
#include "FileDialog.hpp"
#include "ShipmentImporter.hpp"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QVBoxLayout>

namespace asicledger::gui {

ImportFilePage::ImportFilePage(QWidget* parent)
    : QWizardPage(parent), m_file(new QLineEdit(this)), m_error(new QLabel(this))
{
    setTitle(tr("Choose the file"));
    setSubTitle(tr("A CSV saved from the packing list or customs spreadsheet: one row per unit, "
                   "the shipment's fields repeated on each row."));
    m_file->setObjectName("importFile");
    m_file->setPlaceholderText(tr("Path to a .csv file"));
    auto* browse = new QPushButton(tr("Browse…"), this);
    connect(browse, &QPushButton::clicked, this, &ImportFilePage::browse);
    registerField("file*", m_file);

    QStringList columns;
    for (const auto& column : ShipmentImporter::canonicalColumns())
        columns.append(toQString(column));
    auto* expected = new QLabel(
        tr("<p>The header row names the columns. These are expected (other spellings such as "
           "<i>SN</i>, <i>Serial number</i> or <i>TH/s</i> are recognised "
           "too):</p><p><tt>%1</tt></p>"
           "<p>Comma, semicolon and tab separated files are all read; dates may be written "
           "YYYY-MM-DD or DD.MM.YYYY.</p>")
            .arg(columns.join(", ")),
        this);
    expected->setWordWrap(true);
    m_error->setWordWrap(true);
    m_error->setStyleSheet("QLabel { color: #a02000; }");

    auto* row = new QHBoxLayout();
    row->addWidget(m_file, 1);
    row->addWidget(browse);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addWidget(m_error);
    layout->addWidget(expected);
    layout->addStretch(1);
}

void ImportFilePage::browse()
{
    QSettings settings;
    const auto fileName = FileDialog::getOpenFileName(
        this, tr("Import units"), settings.value("importDirectory").toString(),
        tr("Spreadsheet files (*.csv *.txt);;All files (*)"));
    if (fileName.isEmpty())
        return;
    settings.setValue("importDirectory", QFileInfo(fileName).absolutePath());
    m_file->setText(fileName);
}

bool ImportFilePage::validatePage()
{
    const QFileInfo info(m_file->text().trimmed());
    if (!info.isFile() || !info.isReadable()) {
        m_error->setText(
            tr("%1 cannot be read: choose an existing CSV file.").arg(m_file->text().trimmed()));
        return false;
    }
    m_error->clear();
    return true;
}

} // namespace asicledger::gui
