#include "GuiFixture.hpp"

#include "Journal.hpp"
#include "Serial.hpp"
#include "UnitRegister.hpp"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QSettings>
#include <QTest>
#include <fmt/format.h>

namespace asicledger::testing {

void GuiFixture::SetUp()
{
    LedgerFixture::SetUp();
    QSettings().clear();
    sessionClock = std::make_shared<FixedClock>(clock.today());
    session = std::make_unique<gui::LedgerSession>(sessionClock);
    session->open(QString::fromStdString(file.path().string()));
    signInAs("finance");
}

void GuiFixture::TearDown()
{
    session.reset();
    LedgerFixture::TearDown();
}

void GuiFixture::signInAs(const std::string& name)
{
    session->signIn(QString::fromStdString(name), QString::fromStdString(name + "-password"));
}

std::string GuiFixture::unitRow(const std::string& serial, const std::string& declared,
                                const std::string& owner, const std::string& site,
                                const std::string& beneficialOwner, bool exempt, int tag)
{
    const auto day = *parseDate(declared);
    const auto number = fmt::format("50109010/{:02}{:02}{:02}/{:07}", int(day.day()),
                                    int(day.month()), int(day.year() % 100), tag);
    return fmt::format(
        "{},Bitmain,Antminer S19 Pro,110,3250,1250000.00,KZT,,{},{},{},{},{},{},rail,"
        "{},{}\n",
        serial, owner, beneficialOwner, site, exempt ? declared : "", number, declared,
        isoDate(day - boost::gregorian::days(20)), isoDate(day - boost::gregorian::days(3)));
}

void GuiFixture::importRows(const std::string& rows)
{
    importUnits(importHeader() + rows);
}

std::optional<UnitRecord> GuiFixture::unit(const std::string& serial)
{
    return UnitRegister(*ledger).find(Serial(serial));
}

std::string GuiFixture::journalHead()
{
    return Journal(ledger->db()).head().text();
}

bool GuiFixture::waitUntil(const std::function<bool()>& done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::AllEvents, 20);
        QTest::qWait(5);
    }
    return true;
}

} // namespace asicledger::testing
