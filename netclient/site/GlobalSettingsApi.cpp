#include "GlobalSettingsApi.h"

#include <QJsonObject>

#include "SiteCall.h"
#include "SiteReplyReader.h"

using namespace Qt::StringLiterals;

namespace {
const QString masterSwitchPath = u"/objects/global_setting/agent_deployment_enabled"_s;
const QString selectionPath = u"/objects/global_setting/agent_deployment_host_selection"_s;

RestRequest internal(RestRequest r)
{
    r.base = RestRequest::Base::InternalApi;
    return r;
}

std::optional<QByteArray> newEtag(const RestResult &r, ApiError *)
{
    return r.etag;
}

QByteArray ifMatch(const QByteArray &etag)
{
    // Never the client's last-read ETag: no ETag known means the write must not pass.
    return etag.isEmpty() ? QByteArray("\"\"") : etag;
}
} // namespace

RestReply *GlobalSettingsApi::masterSwitch(QObject *context, Switch done) const
{
    return SiteCall::send<Versioned<bool>>(
        m_client, internal(RestRequest::get(masterSwitchPath)), context,
        [](const RestResult &r, ApiError *error) -> std::optional<Versioned<bool>> {
            const auto value = SiteReplyReader::globalSetting(r.json, error);
            if (!value)
                return std::nullopt;
            if (!value->isBool()) {
                error->kind = ApiError::Kind::MalformedReply;
                error->title = QObject::tr("The site's reply has an unexpected shape");
                error->detail = QObject::tr("agent_deployment_enabled: expected true or false.");
                return std::nullopt;
            }
            return Versioned<bool> { value->toBool(), r.etag };
        },
        std::move(done));
}

RestReply *GlobalSettingsApi::setMasterSwitch(bool on, const QByteArray &etag, QObject *context,
                                              Written done) const
{
    return SiteCall::send<QByteArray>(
        m_client,
        internal(
            RestRequest::put(masterSwitchPath, QJsonDocument(QJsonObject { { u"value"_s, on } })))
            .withIfMatch(ifMatch(etag)),
        context, newEtag, std::move(done));
}

RestReply *GlobalSettingsApi::hostSelection(QObject *context, Selection done) const
{
    return SiteCall::send<Versioned<HostSelection>>(
        m_client, internal(RestRequest::get(selectionPath)), context,
        [](const RestResult &r, ApiError *error) -> std::optional<Versioned<HostSelection>> {
            const auto value = SiteReplyReader::globalSetting(r.json, error);
            if (!value)
                return std::nullopt;
            if (!value->isObject()) {
                error->kind = ApiError::Kind::MalformedReply;
                error->title = QObject::tr("The site's reply has an unexpected shape");
                error->detail
                    = QObject::tr("agent_deployment_host_selection: expected a dictionary.");
                return std::nullopt;
            }
            return Versioned<HostSelection> {
                HostSelection::fromVariant(value->toObject().toVariantMap()), r.etag
            };
        },
        std::move(done));
}

QJsonObject GlobalSettingsApi::masterSwitchBody(bool on)
{
    return QJsonObject { { u"value"_s, on } };
}

QJsonObject GlobalSettingsApi::hostSelectionBody(const HostSelection &selection)
{
    return QJsonObject { { u"value"_s, QJsonObject::fromVariantMap(selection.toVariant()) } };
}

RestReply *GlobalSettingsApi::setHostSelection(const HostSelection &selection,
                                               const QByteArray &etag, QObject *context,
                                               Written done) const
{
    return SiteCall::send<QByteArray>(
        m_client,
        internal(RestRequest::put(selectionPath, QJsonDocument(hostSelectionBody(selection))))
            .withIfMatch(ifMatch(etag)),
        context, newEtag, std::move(done));
}
