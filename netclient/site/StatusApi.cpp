#include "StatusApi.h"

#include "SiteCall.h"

using namespace Qt::StringLiterals;

namespace {
RestRequest statusRequest()
{
    // Tens of megabytes at 100,000 hosts: a long deadline, the idle timeout still watches.
    return RestRequest::get(u"/domain-types/agent_update_status/collections/all"_s)
        .withTimeout(120000)
        .withDeadline(600000);
}
} // namespace

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
