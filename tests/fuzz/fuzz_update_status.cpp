// The agent_update_status collection straight from reply bytes: a result or an error with a
// byte offset inside the input, never a crash.
#include <QByteArray>

#include "FuzzCheck.h"
#include "UpdateStatusParser.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    ApiError error;
    const auto result = UpdateStatusParser::parse(bytes, &error);
    if (!result) {
        FUZZ_CHECK(error.kind == ApiError::Kind::MalformedReply);
        FUZZ_CHECK(!error.detail.isEmpty() || !error.title.isEmpty());
        return 0;
    }
    for (const HostUpdateStatus &row : result->rows)
        FUZZ_CHECK(row.interval >= 1);
    return 0;
}
