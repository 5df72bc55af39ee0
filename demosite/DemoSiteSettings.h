#pragma once

#include <QHash>
#include <QJsonObject>
#include <QString>
#include <QStringList>

// The automatic-update settings of a distributed set-up, globally and per site (site-specific
// global settings). Their real names are not published (site-api.md 7): these are the
// extension names the console and the demo agree on. A site-specific value overrides the
// global one for that site only.
class DemoSiteSettings final
{
public:
    static inline const QString centralBakery = QStringLiteral("agent_deployment_central_bakery");
    static inline const QString siteUrl = QStringLiteral("agent_deployment_site_url");
    static bool known(const QString &varname)
    {
        return varname == centralBakery || varname == siteUrl;
    }

    static QJsonObject defaultValue(const QString &varname);
    // Checks a value as the site's Dictionary valuespec would; empty when fine, else the message
    // and the field at fault in `field`.
    static QString validate(const QString &varname, const QJsonObject &value, QString *field);

    QJsonObject global(const QString &varname) const;
    bool globalIsDefault(const QString &varname) const { return !m_global.contains(varname); }
    void setGlobal(const QString &varname, const QJsonObject &value);

    bool hasSiteValue(const QString &site, const QString &varname) const;
    // The site's own value, or the global one when it has none.
    QJsonObject effective(const QString &site, const QString &varname) const;
    void setSiteValue(const QString &site, const QString &varname, const QJsonObject &value);
    void resetSiteValue(const QString &site, const QString &varname);

    // Unquoted; changes whenever what the GET shows changes.
    QByteArray etag(const QString &site, const QString &varname) const;

private:
    QHash<QString, QJsonObject> m_global;
    QHash<QString, QHash<QString, QJsonObject>> m_perSite; // site -> varname -> value
};
