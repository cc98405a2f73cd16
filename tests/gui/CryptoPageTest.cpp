#include "CryptoPage.hpp"

#include "CryptoEntryForms.hpp"
#include "CryptoVenues.hpp"
#include "GuiFixture.hpp"
#include "Journal.hpp"
#include "RefusalPanel.hpp"
#include "TextTableModel.hpp"

#include <QAbstractItemModelTester>
#include <QPushButton>

namespace asicledger::testing {
namespace {

using Forms = gui::CryptoEntryForms;

class CryptoPageTest : public GuiFixture
{
protected:
    void SetUp() override
    {
        GuiFixture::SetUp();
        CryptoVenues venues(*ledger);
        venues.add(admin, "AIX Exchange", true);
        venues.add(admin, "Lion City Exchange", false);
        page = std::make_unique<gui::CryptoPage>(*session);
        signInAs("finance"); // the page fills its choices on signing in
    }
    void TearDown() override
    {
        page.reset();
        GuiFixture::TearDown();
    }
    bool record(Forms::Form form, const QList<QPair<QString, QString>>& fields)
    {
        for (const auto& [label, text] : fields)
            page->forms()->setField(form, label, text);
        return page->forms()->record(form);
    }

    std::unique_ptr<gui::CryptoPage> page;
};

TEST_F(CryptoPageTest, TheFourRecordsReachTheReconciliation)
{
    ASSERT_TRUE(record(Forms::MinedForm, {{"Credited to", "Kazakh Hash LLP"},
                                          {"Date", "2026-11-01"},
                                          {"BTC", "1.5"},
                                          {"Payout reference", "F2P-2026-11-01"},
                                          {"Pool", "F2Pool"}}))
        << page->forms()->refusal()->text().toStdString();
    ASSERT_TRUE(record(Forms::TransferForm, {{"From", "Kazakh Hash LLP"},
                                             {"To", "Pacific Hash Pte Ltd"},
                                             {"Date", "2026-11-02"},
                                             {"BTC", "1.0"},
                                             {"Txid", QString(64, 'a')}}))
        << page->forms()->refusal()->text().toStdString();
    ASSERT_TRUE(record(Forms::ConversionForm, {{"Seller", "Pacific Hash Pte Ltd"},
                                               {"Venue", "Lion City Exchange"},
                                               {"Date", "2026-11-03"},
                                               {"BTC sold", "0.5"},
                                               {"Proceeds", "45000.00"},
                                               {"Currency", "USD"},
                                               {"Fee", "45.00"}}))
        << page->forms()->refusal()->text().toStdString();
    ASSERT_TRUE(record(Forms::RemittanceForm, {{"From", "Pacific Hash Pte Ltd"},
                                               {"To", "Kazakh Hash LLP"},
                                               {"Date", "2026-11-10"},
                                               {"Amount", "40000.00"},
                                               {"Currency", "USD"},
                                               {"Bank reference", "SWIFT-771"}}))
        << page->forms()->refusal()->text().toStdString();

    QAbstractItemModelTester coins(page->bitcoin(),
                                   QAbstractItemModelTester::FailureReportingMode::Fatal);
    QAbstractItemModelTester money(page->fiat(),
                                   QAbstractItemModelTester::FailureReportingMode::Fatal);
    page->reconcile();
    ASSERT_EQ(page->bitcoin()->rowCount(), 2);
    // Own wallet first: 1.5 mined, 1.0 sent on, 0.5 left; then 0.5 still at the overseas entity.
    EXPECT_EQ(page->bitcoin()->text(0, 1), "own wallet");
    EXPECT_EQ(page->bitcoin()->text(0, 3), "1.50000000");
    EXPECT_EQ(page->bitcoin()->text(0, 6), "0.50000000");
    EXPECT_EQ(page->bitcoin()->text(1, 1), "Pacific Hash Pte Ltd");
    EXPECT_EQ(page->bitcoin()->text(1, 6), "0.50000000");
    ASSERT_EQ(page->fiat()->rowCount(), 1);
    EXPECT_EQ(page->fiat()->text(0, 2), "USD");
    EXPECT_EQ(page->fiat()->text(0, 7), "4 955.00"); // 45 000 - 45 fee - 40 000 remitted
}

TEST_F(CryptoPageTest, TheCoreRefusesAConversionAtHomeOutsideTheAifcAndNothingIsWritten)
{
    ASSERT_TRUE(record(Forms::MinedForm, {{"Credited to", "Kazakh Hash LLP"},
                                          {"Date", "2026-11-01"},
                                          {"BTC", "1"},
                                          {"Payout reference", "F2P-1"},
                                          {"Pool", "F2Pool"}}));
    const auto head = journalHead();
    EXPECT_FALSE(record(Forms::ConversionForm, {{"Seller", "Kazakh Hash LLP"},
                                                {"Venue", "Lion City Exchange"},
                                                {"Date", "2026-11-03"},
                                                {"BTC sold", "0.5"},
                                                {"Proceeds", "45000.00"},
                                                {"Currency", "USD"}}));
    EXPECT_TRUE(page->forms()->refusal()->text().contains("AIFC"))
        << page->forms()->refusal()->text().toStdString();
    EXPECT_EQ(journalHead(), head);

    EXPECT_FALSE(record(Forms::MinedForm, {{"BTC", "0.123456789"}}));
    EXPECT_TRUE(page->forms()->refusal()->text().contains("8 decimals"));
}

TEST_F(CryptoPageTest, RolesOtherThanFinanceHaveTheRecordButtonsOff)
{
    signInAs("auditor");
    auto* button = page->findChild<QPushButton*>("recordCrypto0");
    ASSERT_NE(button, nullptr);
    EXPECT_FALSE(button->isEnabled());
    EXPECT_FALSE(
        record(Forms::MinedForm,
               {{"Credited to", "Kazakh Hash LLP"}, {"BTC", "1"}, {"Payout reference", "F2P-9"}}));
    EXPECT_TRUE(page->forms()->refusal()->text().contains("auditor"))
        << page->forms()->refusal()->text().toStdString();
}

} // namespace
} // namespace asicledger::testing
