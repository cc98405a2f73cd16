#pragma once

#include <QString>

class QWidget;

namespace asicledger::gui {

// Every file dialog goes through here, so a test can name the file the next one returns without a
// modal window (KeePassXC's seam). An empty answer means the person cancelled.
class FileDialog
{
public:
    static QString getOpenFileName(QWidget* parent, const QString& caption, const QString& dir = {},
                                   const QString& filter = {});
    static QString getSaveFileName(QWidget* parent, const QString& caption, const QString& dir = {},
                                   const QString& filter = {});

    static void setNextFileName(const QString& fileName);

private:
    static bool takeNext(QString& fileName);
};

} // namespace asicledger::gui
