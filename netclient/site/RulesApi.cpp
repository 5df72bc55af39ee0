#include "RulesApi.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QUrl>
#include <QUrlQuery>

#include "RuleCodec.h"
#include "SiteCall.h"
#include "SiteReplyReader.h"

using namespace Qt::StringLiterals;

namespace {
const QString collectionPath = u"/domain-types/rule/collections/all"_s;

QString objectPath(const QString &id)
{
    return u"/objects/rule/"_s + QString::fromLatin1(QUrl::toPercentEncoding(id));
}

std::optional<Versioned<AgentUpdaterRule>> readOne(const RestResult &r, ApiError *error)
{
    auto rule = RuleCodec::read(r.json.object(), error);
    if (!rule)
        return std::nullopt;
    rule->etag = r.etag;
    return Versioned<AgentUpdaterRule> { *rule, r.etag };
}
} // namespace

RestReply *RulesApi::rules(QObject *context, Rules done) const
{
    QUrlQuery query;
    query.addQueryItem(u"ruleset_name"_s, QString::fromLatin1(RuleCodec::ruleset));
    return SiteCall::send<QList<AgentUpdaterRule>>(
        m_client, RestRequest::get(collectionPath, query), context,
        [](const RestResult &r, ApiError *error) { return SiteReplyReader::rules(r.json, error); },
        std::move(done));
}

RestReply *RulesApi::rule(const QString &id, QObject *context, Rule done) const
{
    return SiteCall::send<Versioned<AgentUpdaterRule>>(m_client, RestRequest::get(objectPath(id)),
                                                       context, readOne, std::move(done));
}

RestReply *RulesApi::create(const AgentUpdaterRule &rule, QObject *context, Rule done) const
{
    return SiteCall::send<Versioned<AgentUpdaterRule>>(
        m_client, RestRequest::post(collectionPath, QJsonDocument(RuleCodec::createBody(rule))),
        context, readOne, std::move(done));
}

RestReply *RulesApi::update(const AgentUpdaterRule &rule, const QByteArray &etag, QObject *context,
                            Rule done) const
{
    return SiteCall::send<Versioned<AgentUpdaterRule>>(
        m_client,
        RestRequest::put(objectPath(rule.id), QJsonDocument(RuleCodec::updateBody(rule)))
            .withIfMatch(etag.isEmpty() ? QByteArray("\"\"") : etag),
        context, readOne, std::move(done));
}

RestReply *RulesApi::move(const QString &id, const RulePosition &position, const QByteArray &etag,
                          QObject *context, Rule done) const
{
    return SiteCall::send<Versioned<AgentUpdaterRule>>(
        m_client,
        RestRequest::post(objectPath(id) + u"/actions/move/invoke"_s,
                          QJsonDocument(RuleCodec::moveBody(position)))
            .withIfMatch(etag.isEmpty() ? QByteArray("\"\"") : etag),
        context, readOne, std::move(done));
}

RestReply *RulesApi::remove(const QString &id, QObject *context, Ack done) const
{
    return SiteCall::send<std::monostate>(m_client, RestRequest::del(objectPath(id)), context,
                                          SiteCall::nothing, std::move(done));
}
