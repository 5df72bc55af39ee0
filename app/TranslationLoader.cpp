#include "TranslationLoader.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QTranslator>

using namespace Qt::StringLiterals;

TranslationLoader::TranslationLoader(QObject *parent)
    : QObject(parent)
    , m_app(new QTranslator(this))
    , m_qt(new QTranslator(this))
{ }

TranslationLoader::~TranslationLoader()
{
    remove();
}

void TranslationLoader::remove()
{
    QCoreApplication::removeTranslator(m_app);
    QCoreApplication::removeTranslator(m_qt);
}

bool TranslationLoader::install(const QLocale &locale)
{
    remove();
    QLocale::setDefault(locale);
    // Qt's texts come from Debian's qt6-translations-l10n when it is installed; without it
    // the dialogs' standard buttons stay English, the console's own texts do not.
    m_qtLoaded = m_qt->load(locale, u"qtbase"_s, u"_"_s,
                            QLibraryInfo::path(QLibraryInfo::TranslationsPath));
    if (m_qtLoaded)
        QCoreApplication::installTranslator(m_qt);
    // English (and the C locale) still load a translation: the plural forms of "%n hosts".
    const bool english = locale.language() == QLocale::English || locale.language() == QLocale::C;
    const QLocale wanted = english ? QLocale(QLocale::English) : locale;
    if (!m_app->load(wanted, u"agentdesk"_s, u"_"_s, u":/i18n"_s))
        return english;
    QCoreApplication::installTranslator(m_app);
    return true;
}
