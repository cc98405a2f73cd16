// Runs the concurrency test inside a QApplication (the desktop application's unit list lives on
// its thread), headless unless a platform was asked for.

#include <QApplication>
#include <QStandardPaths>
#include <gtest/gtest.h>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName("asicledger-tests");
    QApplication::setApplicationName("test_concurrency");
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
