#include "ServiceStatusReader.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QObject>
#include <QStringList>
#include <QTimeZone>

#include "Host.h"

using namespace Qt::StringLiterals;

namespace {

const QString serviceName = u"Check_MK Agent"_s;

// Checkmk renders times as "%Y-%m-%d %H:%M:%S" in the site's time zone; read as UTC (assumed,
// README).
qint64 timeOf(const QString &text)
{
    QDateTime t = QDateTime::fromString(text.trimmed().left(19), u"yyyy-MM-dd HH:mm:ss"_s);
    if (!t.isValid())
        return -1;
    t.setTimeZone(QTimeZone::utc());
    return t.toSecsSinceEpoch();
}

// The text after "label: " up to the end of the summary part or line.
QString after(const QString &text, const QString &label)
{
    const qsizetype at = text.indexOf(label);
    if (at < 0)
        return {};
    QString rest = text.mid(at + label.size());
    const qsizetype end = rest.indexOf(u'\n');
    if (end >= 0)
        rest.truncate(end);
    return rest.trimmed();
}

QString withoutMarker(QString part)
{
    for (const QString &m : { u"(!!)"_s, u"(!)"_s }) {
        if (part.endsWith(m))
            part.chop(m.size());
    }
    return part.trimmed();
}

} // namespace

QJsonObject ServiceStatusReader::requestBody()
{
    return { { u"columns"_s,
               QJsonArray { u"host_name"_s, u"description"_s, u"state"_s, u"plugin_output"_s,
                            u"long_plugin_output"_s, u"last_check"_s } },
             { u"query"_s,
               QJsonObject { { u"op"_s, u"="_s },
                             { u"left"_s, u"description"_s },
                             { u"right"_s, serviceName } } } };
}

std::optional<UpdateStatusParser::Result> ServiceStatusReader::parse(const QByteArray &bytes,
                                                                     ApiError *error)
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &pe);
    if (pe.error != QJsonParseError::NoError || !doc.isObject()
        || !doc.object().value(u"value"_s).isArray()) {
        error->kind = ApiError::Kind::MalformedReply;
        error->title = QObject::tr("The service list is not readable");
        error->detail = pe.error != QJsonParseError::NoError
            ? pe.errorString() + u" (offset %1)"_s.arg(pe.offset)
            : QObject::tr("Expected an object with a \"value\" list.");
        return std::nullopt;
    }
    UpdateStatusParser::Result result;
    const QJsonArray value = doc.object().value(u"value"_s).toArray();
    result.rows.reserve(size_t(value.size()));
    for (const QJsonValue &entry : value) {
        const QJsonObject ext = entry.toObject().value(u"extensions"_s).toObject();
        if (ext.value(u"description"_s).toString() != serviceName)
            continue;
        HostUpdateStatus row;
        row.hostName = ext.value(u"host_name"_s).toString();
        if (!Host::isValidName(row.hostName))
            continue;
        row.checkState = qint8(qBound(0, ext.value(u"state"_s).toInt(3), 3));
        const QString summary = ext.value(u"plugin_output"_s).toString();
        const QString details = ext.value(u"long_plugin_output"_s).toString();
        row.checkOutput = summary;
        const QStringList parts = summary.split(u", "_s);
        for (const QString &raw : parts) {
            const QString part = withoutMarker(raw);
            const QString lowered = part.toLower();
            if (part.startsWith(u"Update error: "_s))
                row.lastError = part.mid(14);
            else if (lowered.contains(u"deployment is currently globally disabled"_s)) {
                row.lastError = part;
                result.deploymentEnabled = false;
            } else if (lowered.contains(u"agent updates are disabled for host"_s)) {
                row.lastError = part;
                row.selected = false;
            } else if (part.startsWith(u"Last update: "_s))
                row.lastUpdate = timeOf(part.mid(13));
        }
        // The full error text, when it had more than one line, is in the details.
        if (!row.lastError.isEmpty()) {
            const qsizetype at = details.indexOf(row.lastError);
            if (at >= 0)
                row.lastError = details.mid(at).section(u"\nLast update check: "_s, 0, 0);
        }
        row.registered = !row.lastError.contains(u"not registered"_s);
        row.lastCheck = timeOf(after(details, u"Last update check: "_s));
        HostUpdateStatus::parseHash(after(details, u"Agent configuration: "_s), &row.installedHash);
        HostUpdateStatus::parseHash(after(details, u"Pending installation: "_s), &row.pendingHash);
        // A pending installation is the target the updater fetched; otherwise the site does
        // not say which agent is meant for the host.
        row.downloadedHash = row.pendingHash != 0 ? row.pendingHash : row.installedHash;
        row.targetHash = row.pendingHash;
        result.rows.push_back(std::move(row));
    }
    return result;
}
