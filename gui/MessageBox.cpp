#include "MessageBox.hpp"

namespace asicledger::gui {
namespace {

std::optional<MessageBox::Button> g_nextAnswer;
QString g_lastTitle;
QString g_lastText;

} // namespace

MessageBox::Button MessageBox::information(QWidget* parent, const QString& title,
                                           const QString& text, Buttons buttons)
{
    return show(QMessageBox::Information, parent, title, text, buttons);
}

MessageBox::Button MessageBox::warning(QWidget* parent, const QString& title, const QString& text,
                                       Buttons buttons)
{
    return show(QMessageBox::Warning, parent, title, text, buttons);
}

MessageBox::Button MessageBox::critical(QWidget* parent, const QString& title, const QString& text,
                                        Buttons buttons)
{
    return show(QMessageBox::Critical, parent, title, text, buttons);
}

MessageBox::Button MessageBox::question(QWidget* parent, const QString& title, const QString& text,
                                        Buttons buttons)
{
    return show(QMessageBox::Question, parent, title, text, buttons);
}

void MessageBox::setNextAnswer(Button answer)
{
    g_nextAnswer = answer;
}

QString MessageBox::lastTitle()
{
    return g_lastTitle;
}

QString MessageBox::lastText()
{
    return g_lastText;
}

void MessageBox::clearLast()
{
    g_lastTitle.clear();
    g_lastText.clear();
}

MessageBox::Button MessageBox::show(QMessageBox::Icon icon, QWidget* parent, const QString& title,
                                    const QString& text, Buttons buttons)
{
    g_lastTitle = title;
    g_lastText = text;
    if (g_nextAnswer) {
        const auto answer = *g_nextAnswer;
        g_nextAnswer.reset();
        return answer;
    }
    QMessageBox box(icon, title, text, buttons, parent);
    return static_cast<Button>(box.exec());
}

} // namespace asicledger::gui
