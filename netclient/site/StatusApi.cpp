#include "StatusApi.h"

#include "ServiceStatusReader.h"
#include "SiteCall.h"

using namespace Qt::StringLiterals;

RestRequest StatusApi::statusRequest()
{
    // Tens of megabytes at 100,000 hosts: a long deadline, the idle timeout still watches.
    return RestRequest::get(u"/domain-types/agent_update_status/collections/all"_s)
        .withTimeout(120000)
        .withDeadline(600000);
}

RestRequest StatusApi::servicesRequest()
{
    // Livestatus query over the REST API: the Check_MK Agent service of every host.
    return RestRequest::post(u"/domain-types/service/collections/all"_s,
                             QJsonDocument(ServiceStatusReader::requestBody()))
        .withTimeout(120000)
        .withDeadline(600000);
}

RestReply *StatusApi::updateStatus(QObject *context, Status done) const
{
    return SiteCall::sendParsedInWorker<UpdateStatusParser::Result>(
        m_client, statusRequest(), context,
        [](const QByteArray &body, ApiError *error) {
            return UpdateStatusParser::parse(body, error);
        },
        std::move(done));
}

RestReply *StatusApi::registeredHosts(QObject *context, Count done) const
{
    return SiteCall::sendParsedInWorker<int>(
        m_client, statusRequest(), context,
        [](const QByteArray &body, ApiError *error) -> std::optional<int> {
            const auto parsed = UpdateStatusParser::parse(body, error);
            if (!parsed)
                return std::nullopt;
            int n = 0;
            for (const HostUpdateStatus &s : parsed->rows)
                n += s.registered;
            return n;
        },
        std::move(done));
}
