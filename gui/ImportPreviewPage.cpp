#include "ImportPreviewPage.hpp"

#include "CoreText.hpp"
#include "CsvReader.hpp"
#include "ImportColumns.hpp"
#include "TextTableModel.hpp"

#include <QFile>
#include <QHeaderView>
#include <QLabel>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

namespace asicledger::gui {
namespace {

// Enough of the file for the header and the preview rows, cut at a line end, so a file of a
// million rows is not read on the UI thread (the check reads it all, on a worker).
QByteArray fileHead(const QString& fileName, QString& error)
{
    QFile file(fileName);
    if (!file.open(QIODevice::ReadOnly)) {
        error = file.errorString();
        return {};
    }
    auto head = file.read(256 * 1024);
    if (!file.atEnd()) {
        const auto end = head.lastIndexOf('\n');
        if (end >= 0)
            head.truncate(end + 1);
    }
    return head;
}

QTableView* viewOf(TextTableModel* model, QWidget* parent, const QString& name)
{
    auto* view = new QTableView(parent);
    view->setObjectName(name);
    view->setModel(model);
    view->verticalHeader()->setVisible(false);
    view->horizontalHeader()->setStretchLastSection(true);
    view->setWordWrap(false);
    return view;
}

} // namespace

ImportPreviewPage::ImportPreviewPage(QWidget* parent)
    : QWizardPage(parent),
      m_columns(new TextTableModel({tr("Column in the file"), tr("Read as")}, this)),
      m_preview(new TextTableModel({}, this)), m_notice(new QLabel(this))
{
    setTitle(tr("Columns and first rows"));
    setSubTitle(tr("Check that each column of the file was understood. Columns read as "
                   "\"ignored\" are not imported."));
    m_notice->setObjectName("previewNotice");
    m_notice->setWordWrap(true);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(viewOf(m_columns, this, "columnMatches"));
    split->addWidget(viewOf(m_preview, this, "previewRows"));
    split->setStretchFactor(0, 0);
    split->setStretchFactor(1, 1);
    split->setSizes({300, 620});
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_notice);
    layout->addWidget(split, 1);
}

QString ImportPreviewPage::noticeText() const
{
    return m_notice->text();
}

void ImportPreviewPage::initializePage()
{
    m_columns->clear();
    m_preview->setTable({}, {});
    QString error;
    const auto head = fileHead(field("file").toString().trimmed(), error);
    if (!error.isEmpty()) {
        m_notice->setText(tr("The file cannot be read: %1").arg(error));
        return;
    }
    std::vector<CsvRecord> records;
    try {
        records = CsvReader::readAll(std::string_view(head.constData(), head.size()));
    } catch (const std::exception& readError) {
        // The check on the next page reports this with its line; say it here as well.
        m_notice->setText(toQString(readError.what()));
        return;
    }
    if (records.empty()) {
        m_notice->setText(tr("The file is empty."));
        return;
    }
    std::vector<ImportProblem> problems;
    std::vector<ImportWarning> warnings;
    const auto matched = ImportColumns::match(records.front(), problems, warnings);
    QVector<QStringList> columnRows;
    for (const auto& match : matched.matches())
        columnRows.append({toQString(match.header),
                           match.canonical.empty() ? tr("ignored") : toQString(match.canonical)});
    m_columns->setRows(std::move(columnRows));

    QStringList notes;
    for (const auto& problem : problems)
        notes.append(toQString(problem.message));
    for (const auto& warning : warnings)
        notes.append(toQString(warning.message));
    m_notice->setText(notes.isEmpty()
                          ? tr("Every column was recognised. The first %1 rows:").arg(kPreviewRows)
                          : notes.join("\n"));

    QStringList headers;
    for (const auto& cell : records.front().fields)
        headers.append(toQString(cell));
    QVector<QStringList> rows;
    for (std::size_t i = 1; i < records.size() && rows.size() < kPreviewRows; ++i) {
        QStringList cells;
        for (const auto& cell : records[i].fields)
            cells.append(toQString(cell));
        while (cells.size() < headers.size())
            cells.append(QString());
        rows.append(cells.mid(0, headers.size()));
    }
    m_preview->setTable(headers, std::move(rows));
    findChild<QTableView*>("previewRows")->resizeColumnsToContents();
    findChild<QTableView*>("columnMatches")->resizeColumnsToContents();
}

} // namespace asicledger::gui
