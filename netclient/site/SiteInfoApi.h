#pragma once

#include <functional>

#include "SiteResult.h"
#include "SiteVersion.h"

class QObject;
class RestClient;
class RestReply;

// GET /version: which site, which Checkmk, which edition.
class SiteInfoApi final
{
public:
    explicit SiteInfoApi(RestClient *client)
        : m_client(client)
    { }

    using Version = std::function<void(SiteResult<SiteVersion>)>;
    // `retries` -1: the client's default for a GET.
    RestReply *version(QObject *context, Version done, int retries = -1) const;

private:
    RestClient *m_client;
};
