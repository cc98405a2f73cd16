#include "StartPage.hpp"

#include <QFileInfo>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace asicledger::gui {

StartPage::StartPage(QWidget* parent) : QWidget(parent), m_recent(new QListWidget(this))
{
    auto* title = new QLabel(tr("<h2>asicledger</h2><p>The register of imported ASIC miners, their "
                                "five-year VAT lock, early exits and inspections.</p>"),
                             this);
    title->setWordWrap(true);
    auto* open = new QPushButton(tr("Open a ledger… (Ctrl+O)"), this);
    auto* create = new QPushButton(tr("New ledger… (Ctrl+N)"), this);
    connect(open, &QPushButton::clicked, this, &StartPage::openRequested);
    connect(create, &QPushButton::clicked, this, &StartPage::newRequested);
    m_recent->setObjectName("recentLedgers");
    connect(m_recent, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
        emit recentRequested(item->data(Qt::UserRole).toString());
    });

    auto* buttons = new QHBoxLayout();
    buttons->addWidget(open);
    buttons->addWidget(create);
    buttons->addStretch(1);
    auto* column = new QVBoxLayout();
    column->addWidget(title);
    column->addLayout(buttons);
    column->addSpacing(12);
    column->addWidget(new QLabel(tr("<b>Recent ledgers</b> (double-click to open)"), this));
    column->addWidget(m_recent, 1);
    auto* layout = new QHBoxLayout(this);
    layout->addStretch(1);
    layout->addLayout(column, 3);
    layout->addStretch(1);
}

void StartPage::setRecentFiles(const QStringList& files)
{
    m_recent->clear();
    for (const auto& file : files) {
        auto* item = new QListWidgetItem(QFileInfo(file).fileName() + QStringLiteral("  —  ") +
                                             QFileInfo(file).absolutePath(),
                                         m_recent);
        item->setData(Qt::UserRole, file);
        item->setToolTip(file);
    }
}

} // namespace asicledger::gui
