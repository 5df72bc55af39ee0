#pragma once

#include <QByteArray>

#include <optional>
#include <vector>

#include "ApiError.h"
#include "HostUpdateStatus.h"

// Reads the agent_update_status collection straight from the reply bytes into rows. A
// dedicated scanner: at 100,000 hosts it is faster than building a QJsonDocument first.
// Pure and thread-safe: meant to run in a worker thread. Malformed or truncated input gives an
// ApiError (Kind::MalformedReply) with the byte offset, never a crash.
class UpdateStatusParser final
{
public:
    struct Result
    {
        std::vector<HostUpdateStatus> rows;
        std::optional<bool> deploymentEnabled; // when the site says so in the reply
        qint64 generatedAt = -1; // the site's time of the data, epoch seconds
    };

    static std::optional<Result> parse(const QByteArray &bytes, ApiError *error);
};
