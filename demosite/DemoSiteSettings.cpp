#include "DemoSiteSettings.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QUrl>

#include "DemoReply.h"

using namespace Qt::StringLiterals;

QJsonObject DemoSiteSettings::defaultValue(const QString &varname)
{
    if (varname == centralBakery)
        return { { u"url"_s, QString() }, { u"user"_s, u"automation"_s } };
    return { { u"url"_s, QString() }, { u"certificates"_s, QJsonArray {} } };
}

QString DemoSiteSettings::validate(const QString &varname, const QJsonObject &value, QString *field)
{
    const QStringList keys = varname == centralBakery ? QStringList { u"url"_s, u"user"_s }
                                                      : QStringList { u"url"_s, u"certificates"_s };
    for (auto it = value.begin(); it != value.end(); ++it) {
        *field = it.key();
        if (!keys.contains(it.key()))
            return u"Unknown field."_s;
        if (it.key() == u"certificates"_s) {
            if (!it->isArray())
                return u"Expected a list of strings."_s;
            for (const QJsonValue &v : it->toArray()) {
                if (!v.isString() || !v.toString().contains(u"-----BEGIN CERTIFICATE-----"_s))
                    return u"Expected PEM-encoded certificates."_s;
            }
        } else if (!it->isString()) {
            return u"Expected a string."_s;
        }
    }
    *field = u"url"_s;
    const QString url = value.value(u"url"_s).toString();
    if (!url.isEmpty()) {
        const QUrl parsed(url, QUrl::StrictMode);
        if (!parsed.isValid() || (parsed.scheme() != u"http"_s && parsed.scheme() != u"https"_s)
            || parsed.host().isEmpty())
            return u"Expected an http or https URL."_s;
        // The manual: the URL of the central bakery includes check_mk.
        if (varname == centralBakery && !parsed.path().endsWith(u"/check_mk"_s)
            && !parsed.path().endsWith(u"/check_mk/"_s))
            return u"The URL must end with /check_mk."_s;
    }
    if (varname == centralBakery) {
        *field = u"user"_s;
        if (value.contains(u"user"_s) && value.value(u"user"_s).toString().isEmpty())
            return u"Expected the name of an automation user."_s;
    }
    field->clear();
    return {};
}

QJsonObject DemoSiteSettings::global(const QString &varname) const
{
    return m_global.value(varname, defaultValue(varname));
}

void DemoSiteSettings::setGlobal(const QString &varname, const QJsonObject &value)
{
    m_global.insert(varname, value);
}

bool DemoSiteSettings::hasSiteValue(const QString &site, const QString &varname) const
{
    return m_perSite.value(site).contains(varname);
}

QJsonObject DemoSiteSettings::effective(const QString &site, const QString &varname) const
{
    return m_perSite.value(site).value(varname, global(varname));
}

void DemoSiteSettings::setSiteValue(const QString &site, const QString &varname,
                                    const QJsonObject &value)
{
    m_perSite[site].insert(varname, value);
}

void DemoSiteSettings::resetSiteValue(const QString &site, const QString &varname)
{
    m_perSite[site].remove(varname);
}

QByteArray DemoSiteSettings::etag(const QString &site, const QString &varname) const
{
    const QJsonObject shown {
        { u"site"_s, site },
        { u"value"_s, site.isEmpty() ? global(varname) : effective(site, varname) },
        { u"own"_s, site.isEmpty() ? !globalIsDefault(varname) : hasSiteValue(site, varname) }
    };
    return DemoReply::etagOf(QJsonDocument(shown).toJson(QJsonDocument::Compact));
}
