// Runs the GUI tests inside one QApplication, headless unless a platform was asked for.

#include <QApplication>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <gtest/gtest.h>

int main(int argc, char* argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    // Settings go to a folder of this process, never the person's own, and never shared with
    // tests running beside it under ctest -j.
    QStandardPaths::setTestModeEnabled(true);
    QApplication app(argc, argv);
    QTemporaryDir settings;
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settings.path());
    QApplication::setOrganizationName("asicledger-tests");
    QApplication::setApplicationName("test_gui");
    ::testing::InitGoogleTest(&argc, argv);
    return RUN_ALL_TESTS();
}
