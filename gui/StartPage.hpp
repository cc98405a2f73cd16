#pragma once

#include <QWidget>

class QListWidget;

namespace asicledger::gui {

// What the window shows before a ledger is open: open one, create one, or pick a recent file.
class StartPage : public QWidget
{
    Q_OBJECT

public:
    explicit StartPage(QWidget* parent = nullptr);
    void setRecentFiles(const QStringList& files);

signals:
    void openRequested();
    void newRequested();
    void recentRequested(const QString& fileName);

private:
    QListWidget* m_recent;
};

} // namespace asicledger::gui
