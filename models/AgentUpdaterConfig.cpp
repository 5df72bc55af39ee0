#include "AgentUpdaterConfig.h"

#include <QRegularExpression>

#include "PythonLiteral.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
const QString kActivated = u"activated"_s;
const QString kServerData = u"server_data"_s;
const QString kCertificates = u"certificates"_s;
const QString kInterval = u"interval"_s;
const QString kProxy = u"proxy"_s;
const QString kEdition = u"edition"_s;
const QString kSignatureKeys = u"signature_keys"_s;

QString tr(const char *text)
{
    return QCoreApplication::translate("AgentUpdaterConfig", text);
}

bool isInteger(const QVariant &v)
{
    const int t = v.typeId();
    return t == QMetaType::LongLong || t == QMetaType::Int || t == QMetaType::UInt
        || t == QMetaType::ULongLong;
}

std::optional<QStringList> stringList(const QVariant &v)
{
    if (v.typeId() != QMetaType::QVariantList && v.typeId() != QMetaType::QStringList)
        return std::nullopt;
    QStringList out;
    const QVariantList items = v.toList();
    for (const QVariant &item : items) {
        if (item.typeId() != QMetaType::QString)
            return std::nullopt;
        out.append(item.toString());
    }
    return out;
}

std::optional<AgentUpdaterConfig::Proxy> readProxy(const QVariant &v)
{
    using Mode = AgentUpdaterConfig::ProxyMode;
    AgentUpdaterConfig::Proxy proxy;
    QString name;
    QVariantMap options;
    if (v.typeId() == QMetaType::QString) {
        name = v.toString();
        proxy.asTuple = false;
    } else if (v.typeId() == qMetaTypeId<PythonTuple>()) {
        const QVariantList items = v.value<PythonTuple>().items;
        if (items.size() != 2 || items[0].typeId() != QMetaType::QString)
            return std::nullopt;
        name = items[0].toString();
        if (items[1].typeId() == QMetaType::QVariantMap)
            options = items[1].toMap();
        else if (!items[1].isNull())
            return std::nullopt;
    } else {
        return std::nullopt;
    }
    if (name == u"no_proxy") {
        proxy.mode = Mode::NoProxy;
    } else if (name == u"env_proxy") {
        proxy.mode = Mode::EnvProxy;
    } else if (name == u"explicit_proxy") {
        proxy.mode = Mode::ExplicitProxy;
        proxy.server = options.value(u"server"_s).toString();
        proxy.port = isInteger(options.value(u"port"_s)) ? options.value(u"port"_s).toInt() : 0;
        if (options.contains(u"proxy_protocol"_s))
            proxy.protocol = options.value(u"proxy_protocol"_s).toString();
        proxy.credentials = options.value(u"credentials"_s);
    } else {
        return std::nullopt;
    }
    return proxy;
}

QVariant writeProxy(const AgentUpdaterConfig::Proxy &proxy)
{
    using Mode = AgentUpdaterConfig::ProxyMode;
    const QString name = proxy.mode == Mode::NoProxy ? u"no_proxy"_s
        : proxy.mode == Mode::EnvProxy               ? u"env_proxy"_s
                                                     : u"explicit_proxy"_s;
    if (proxy.mode != Mode::ExplicitProxy) {
        if (!proxy.asTuple)
            return name;
        return QVariant::fromValue(PythonTuple { { name, QVariant() } });
    }
    QVariantMap options { { u"server"_s, proxy.server },
                          { u"port"_s, qint64(proxy.port) },
                          { u"proxy_protocol"_s, proxy.protocol } };
    if (proxy.credentials.isValid() && !proxy.credentials.isNull())
        options.insert(u"credentials"_s, proxy.credentials);
    return QVariant::fromValue(PythonTuple { { name, options } });
}

bool isCertificatePem(const QString &pem)
{
    const QString t = pem.trimmed();
    return t.startsWith(u"-----BEGIN CERTIFICATE-----") && t.endsWith(u"-----END CERTIFICATE-----");
}
} // namespace

AgentUpdaterConfig AgentUpdaterConfig::fromVariant(const QVariantMap &value)
{
    AgentUpdaterConfig c;
    for (auto it = value.cbegin(); it != value.cend(); ++it) {
        const QString &key = it.key();
        const QVariant &v = it.value();
        bool taken = true;
        if (key == kActivated) {
            if (v.typeId() == QMetaType::QString && (v == u"enabled"_s || v == u"disabled"_s))
                c.activated = v == u"enabled"_s;
            else if (v.typeId() == QMetaType::Bool)
                c.activated = v.toBool();
            else
                taken = false;
        } else if (key == kServerData && v.typeId() == QMetaType::QVariantMap) {
            const QVariantMap m = v.toMap();
            ServerData s;
            s.server = m.value(u"server"_s).toString();
            s.site = m.value(u"site"_s).toString();
            if (m.contains(u"protocol"_s))
                s.protocol = m.value(u"protocol"_s).toString();
            if (m.contains(u"usage"_s))
                s.usage = m.value(u"usage"_s).toString();
            c.serverData = s;
        } else if (key == kCertificates) {
            c.certificates = stringList(v);
            taken = c.certificates.has_value();
        } else if (key == kInterval && isInteger(v)) {
            c.interval = int(qBound(qint64(std::numeric_limits<int>::min()), v.toLongLong(),
                                    qint64(std::numeric_limits<int>::max())));
        } else if (key == kProxy) {
            c.proxy = readProxy(v);
            taken = c.proxy.has_value();
        } else if (key == kEdition && v.typeId() == QMetaType::QString) {
            c.edition = v.toString();
        } else if (key == kSignatureKeys) {
            c.signatureKeys = stringList(v);
            taken = c.signatureKeys.has_value();
        } else {
            taken = false;
        }
        if (!taken)
            c.otherKeys.insert(key, v);
    }
    return c;
}

QVariantMap AgentUpdaterConfig::toVariant() const
{
    QVariantMap out = otherKeys;
    if (activated)
        out.insert(kActivated, *activated ? u"enabled"_s : u"disabled"_s);
    if (serverData) {
        out.insert(kServerData,
                   QVariantMap { { u"server"_s, serverData->server },
                                 { u"site"_s, serverData->site },
                                 { u"protocol"_s, serverData->protocol },
                                 { u"usage"_s, serverData->usage } });
    }
    if (certificates)
        out.insert(kCertificates, QVariantList(certificates->cbegin(), certificates->cend()));
    if (interval)
        out.insert(kInterval, qint64(*interval));
    if (proxy)
        out.insert(kProxy, writeProxy(*proxy));
    if (edition)
        out.insert(kEdition, *edition);
    if (signatureKeys)
        out.insert(kSignatureKeys, QVariantList(signatureKeys->cbegin(), signatureKeys->cend()));
    return out;
}

QString AgentUpdaterConfig::fieldLabel(const QString &field)
{
    static const QRegularExpression indexed(u"^(.*)\\[(\\d+)\\]$"_s);
    QString key = field;
    int index = -1;
    if (const auto m = indexed.match(field); m.hasMatch()) {
        key = m.captured(1);
        index = m.captured(2).toInt();
    }
    QString label;
    if (key == kActivated)
        label = tr("Deploy the agent updater plug-in");
    else if (key == kServerData || key == u"server_data.server")
        label = tr("Update server");
    else if (key == u"server_data.site")
        label = tr("Update server: site");
    else if (key == u"server_data.protocol")
        label = tr("Update server: protocol");
    else if (key == u"server_data.usage")
        label = tr("Use the server");
    else if (key == kCertificates)
        label = tr("CA certificates");
    else if (key == kInterval)
        label = tr("Check interval");
    else if (key == kProxy)
        label = tr("Proxy");
    else if (key == u"proxy.server")
        label = tr("Proxy: server");
    else if (key == u"proxy.port")
        label = tr("Proxy: port");
    else if (key == u"proxy.proxy_protocol")
        label = tr("Proxy: protocol");
    else if (key == kEdition)
        label = tr("Package format");
    else if (key == kSignatureKeys)
        label = tr("Accepted signature keys");
    else
        return field;
    return index < 0 ? label : tr("%1 (no. %2)").arg(label).arg(index + 1);
}

QString AgentUpdaterConfig::displayValue(const QString &key, const QVariant &value)
{
    const AgentUpdaterConfig c = fromVariant(QVariantMap { { key, value } });
    if (key == kActivated && c.activated)
        return *c.activated ? tr("Deployed") : tr("Not deployed (the updater is removed)");
    if (key == kServerData && c.serverData) {
        const QString where
            = u"%1://%2/%3"_s.arg(c.serverData->protocol, c.serverData->server, c.serverData->site);
        return c.serverData->usage == u"registration"
            ? tr("%1, for registration only").arg(where)
            : tr("%1, for registration and updates").arg(where);
    }
    if (key == kInterval && c.interval) {
        const int seconds = *c.interval;
        const int minutes = seconds / 60; // (not inside translate(): lupdate misreads it there)
        if (seconds % 60 == 0)
            return QCoreApplication::translate("AgentUpdaterConfig", "%n minute(s)", nullptr,
                                               minutes);
        return QCoreApplication::translate("AgentUpdaterConfig", "%n second(s)", nullptr, seconds);
    }
    if (key == kProxy && c.proxy) {
        switch (c.proxy->mode) {
        case ProxyMode::NoProxy:
            return tr("No proxy");
        case ProxyMode::EnvProxy:
            return tr("Proxy from the environment");
        case ProxyMode::ExplicitProxy:
            return tr("Explicit proxy %1:%2 (%3)")
                .arg(c.proxy->server)
                .arg(c.proxy->port)
                .arg(c.proxy->protocol);
        }
    }
    if (key == kEdition && c.edition) {
        if (*c.edition == u"bit64")
            return tr("Packaged binary (64 bit)");
        if (*c.edition == u"script")
            return tr("Python script");
    }
    if (key == kCertificates && c.certificates)
        return QCoreApplication::translate("AgentUpdaterConfig", "%n certificate(s)", nullptr,
                                           int(c.certificates->size()));
    if (key == kSignatureKeys && c.signatureKeys)
        return QCoreApplication::translate("AgentUpdaterConfig", "%n key(s)", nullptr,
                                           int(c.signatureKeys->size()));
    return PythonLiteral::write(value);
}

QList<AgentUpdaterConfig::Issue> AgentUpdaterConfig::validate() const
{
    QList<Issue> issues;
    auto error = [&](const QString &field, const QString &message) {
        issues.append({ field, Severity::Error, message });
    };
    auto warning = [&](const QString &field, const QString &message) {
        issues.append({ field, Severity::Warning, message });
    };
    // Keys this console knows but could not read have the wrong shape.
    for (const QString &key :
         { kActivated, kServerData, kCertificates, kInterval, kProxy, kEdition, kSignatureKeys }) {
        if (otherKeys.contains(key))
            error(key, tr("The value has an unexpected form."));
    }
    if (!serverData) {
        error(kServerData, tr("No update server is configured."));
    } else {
        if (serverData->server.trimmed().isEmpty())
            error(u"server_data.server"_s, tr("The update server name is missing."));
        if (serverData->site.trimmed().isEmpty())
            error(u"server_data.site"_s, tr("The site name is missing."));
        if (serverData->protocol != u"http" && serverData->protocol != u"https")
            error(u"server_data.protocol"_s, tr("The protocol must be http or https."));
        else if (serverData->protocol == u"http")
            warning(u"server_data.protocol"_s,
                    tr("Plain http sends the host secret unencrypted; use https."));
        if (serverData->usage != u"registration" && serverData->usage != u"always")
            error(u"server_data.usage"_s, tr("The usage must be registration or always."));
    }
    if (certificates) {
        for (qsizetype i = 0; i < certificates->size(); ++i) {
            if (!isCertificatePem(certificates->at(i)))
                error(u"certificates[%1]"_s.arg(i), tr("This is not a PEM certificate."));
        }
    }
    if (interval) {
        if (*interval <= 0)
            error(kInterval, tr("The interval must be at least one minute."));
        else if (*interval < recommendedMinimumInterval)
            warning(kInterval,
                    tr("Checking more often than every 10 minutes loads the site needlessly."));
    }
    if (proxy && proxy->mode == ProxyMode::ExplicitProxy) {
        if (proxy->server.trimmed().isEmpty())
            error(u"proxy.server"_s, tr("The proxy server is missing."));
        if (proxy->port < 1 || proxy->port > 65535)
            error(u"proxy.port"_s, tr("The proxy port must be between 1 and 65535."));
        if (proxy->protocol != u"http" && proxy->protocol != u"socks4"
            && proxy->protocol != u"socks5")
            error(u"proxy.proxy_protocol"_s,
                  tr("The proxy protocol must be http, socks4 or socks5."));
    }
    if (edition && *edition != u"bit64" && *edition != u"script")
        error(kEdition, tr("The edition must be bit64 or script."));
    if (!signatureKeys || signatureKeys->isEmpty()) {
        error(kSignatureKeys,
              tr("At least one signature key is needed: the updater installs only signed agents."));
    } else {
        for (qsizetype i = 0; i < signatureKeys->size(); ++i) {
            if (!isCertificatePem(signatureKeys->at(i)))
                error(u"signature_keys[%1]"_s.arg(i), tr("This is not a PEM certificate."));
        }
    }
    return issues;
}

bool AgentUpdaterConfig::hasErrors() const
{
    const QList<Issue> issues = validate();
    return std::any_of(issues.cbegin(), issues.cend(),
                       [](const Issue &i) { return i.severity == Severity::Error; });
}
