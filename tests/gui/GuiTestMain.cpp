// Runs the GUI tests inside one QApplication, headless unless a platform was asked for.

#include <QApplication>
#include <QStandardPaths>
#include <gtest/gtest.h>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings go to a test location, never the person's own.
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QApplication::setOrganizationName("asicledger-tests");
    QApplication::setApplicationName("test_gui");
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
