#pragma once

#include <QMessageBox>
#include <QString>
#include <optional>

namespace asicledger::gui {

// Every message box of the application goes through here, so a test can answer the next one
// without a modal window (KeePassXC's seam): setNextAnswer() makes the next call return at once,
// and lastText() says what a person would have read.
class MessageBox
{
public:
    using Button = QMessageBox::StandardButton;
    using Buttons = QMessageBox::StandardButtons;

    static Button information(QWidget* parent, const QString& title, const QString& text,
                              Buttons buttons = QMessageBox::Ok);
    static Button warning(QWidget* parent, const QString& title, const QString& text,
                          Buttons buttons = QMessageBox::Ok);
    static Button critical(QWidget* parent, const QString& title, const QString& text,
                           Buttons buttons = QMessageBox::Ok);
    static Button question(QWidget* parent, const QString& title, const QString& text,
                           Buttons buttons = QMessageBox::Yes | QMessageBox::No);

    // The next box is not shown and returns `answer`.
    static void setNextAnswer(Button answer);
    static QString lastTitle();
    static QString lastText();
    static void clearLast();

private:
    static Button show(QMessageBox::Icon icon, QWidget* parent, const QString& title,
                       const QString& text, Buttons buttons);
};

} // namespace asicledger::gui
