#include "SiteVersion.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QString SiteVersion::editionName() const
{
    const QString e = edition.toLower();
    if (e == u"cre"_s || e == u"raw"_s)
        return QCoreApplication::translate("SiteVersion", "Raw");
    if (e == u"cee"_s || e == u"enterprise"_s)
        return QCoreApplication::translate("SiteVersion", "Enterprise");
    if (e == u"cce"_s || e == u"cloud"_s)
        return QCoreApplication::translate("SiteVersion", "Cloud");
    if (e == u"cme"_s || e == u"managed"_s)
        return QCoreApplication::translate("SiteVersion", "Managed Services");
    if (e == u"cse"_s || e == u"saas"_s)
        return QCoreApplication::translate("SiteVersion", "SaaS");
    return edition;
}
