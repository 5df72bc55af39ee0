#include "TestEnvironment.h"

#include <QApplication>
#include <QDir>
#include <QFile>
#include <QFont>
#include <QImage>
#include <QStandardPaths>
#include <QStyleFactory>
#include <QTest>
#include <QTranslator>
#include <QWidget>

using namespace Qt::StringLiterals;

void TestEnvironment::isolate()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(u"AgentDeskTests"_s);
    if (qobject_cast<QApplication *>(QCoreApplication::instance())) {
        QApplication::setStyle(QStyleFactory::create(u"Fusion"_s));
        QFont font(u"DejaVu Sans"_s);
        font.setPointSize(9);
        QApplication::setFont(font);
    }
    // As the application does for English: the plural forms ("1 host", "60 minutes"), where
    // the test links the embedded translations.
    static QTranslator english;
    if (QFile::exists(u":/i18n/agentdesk_en.qm"_s) && english.isEmpty()
        && english.load(u":/i18n/agentdesk_en.qm"_s))
        QCoreApplication::installTranslator(&english);
}

QString TestEnvironment::screenshotDir()
{
    QString dir = qEnvironmentVariable("AGENTDESK_SCREENSHOT_DIR");
    if (dir.isEmpty())
        dir = QStringLiteral(AGENTDESK_SCREENSHOT_DIR_DEFAULT);
    QDir().mkpath(dir);
    return dir;
}

QString TestEnvironment::saveScreenshot(QWidget *widget, const QString &name)
{
    if (!widget->isVisible())
        widget->show();
    // Wait until layouts have settled: the size stays the same over a few event loop turns.
    QSize last;
    for (int stable = 0, turns = 0; stable < 3 && turns < 100; ++turns) {
        QCoreApplication::processEvents();
        QTest::qWait(10);
        stable = widget->size() == last ? stable + 1 : 0;
        last = widget->size();
    }
    const QString path = QDir(screenshotDir()).filePath(name + u".png"_s);
    if (!widget->grab().save(path))
        return {};
    const QImage back(path);
    return back.isNull() || back.size().isEmpty() ? QString() : path;
}
