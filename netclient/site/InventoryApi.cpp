#include "InventoryApi.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

#include "SiteCall.h"
#include "SiteReplyReader.h"

using namespace Qt::StringLiterals;

namespace {
const QString hostsPath = u"/domain-types/host_config/collections/all"_s;

QUrlQuery effectiveAttributes()
{
    QUrlQuery query;
    query.addQueryItem(u"effective_attributes"_s, u"true"_s);
    return query;
}
} // namespace

RestRequest InventoryApi::hostsRequest()
{
    return RestRequest::get(hostsPath, effectiveAttributes())
        .withTimeout(120000)
        .withDeadline(600000);
}

RestReply *InventoryApi::hosts(QObject *context, Hosts done) const
{
    return SiteCall::sendParsedInWorker<QList<Host>>(
        m_client,
        RestRequest::get(hostsPath, effectiveAttributes()).withTimeout(120000).withDeadline(600000),
        context,
        [](const QByteArray &body, ApiError *error) { return SiteReplyReader::hosts(body, error); },
        std::move(done));
}

RestReply *InventoryApi::host(const QString &name, QObject *context, OneHost done,
                              int retries) const
{
    RestRequest request = RestRequest::get(u"/objects/host_config/"_s
                                               + QString::fromLatin1(QUrl::toPercentEncoding(name)),
                                           effectiveAttributes());
    if (retries >= 0)
        request.withRetries(retries);
    return SiteCall::send<Host>(
        m_client, request, context,
        [](const RestResult &r, ApiError *error) -> std::optional<Host> {
            // One object read with the collection reader: the same fields, one entry.
            const auto hosts = SiteReplyReader::hosts(
                QJsonDocument(QJsonObject { { u"value"_s, QJsonArray { r.json.object() } } }),
                error);
            if (!hosts || hosts->isEmpty())
                return std::nullopt;
            return hosts->first();
        },
        std::move(done));
}

RestReply *InventoryApi::tagGroups(QObject *context, TagGroups done) const
{
    return SiteCall::send<QList<TagGroup>>(
        m_client, RestRequest::get(u"/domain-types/host_tag_group/collections/all"_s), context,
        [](const RestResult &r, ApiError *error) {
            return SiteReplyReader::tagGroups(r.json, error);
        },
        std::move(done));
}

RestReply *InventoryApi::hostGroups(QObject *context, Names done) const
{
    return SiteCall::send<QStringList>(
        m_client, RestRequest::get(u"/domain-types/host_group_config/collections/all"_s), context,
        [](const RestResult &r, ApiError *error) { return SiteReplyReader::ids(r.json, error); },
        std::move(done));
}
