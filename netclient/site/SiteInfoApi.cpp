#include "SiteInfoApi.h"

#include "SiteCall.h"
#include "SiteReplyReader.h"

using namespace Qt::StringLiterals;

RestReply *SiteInfoApi::version(QObject *context, Version done, int retries) const
{
    RestRequest request = RestRequest::get(u"/version"_s);
    if (retries >= 0)
        request.withRetries(retries);
    return SiteCall::send<SiteVersion>(
        m_client, request, context,
        [](const RestResult &r, ApiError *error) {
            return SiteReplyReader::version(r.json, error);
        },
        std::move(done));
}
