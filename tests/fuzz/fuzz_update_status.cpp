// The agent_update_status collection straight from reply bytes: a result or an error with a
// byte offset inside the input, never a crash. The scanner is never more lenient than JSON:
// what it accepts (in ASCII; invalid UTF-8 is replaced, not refused) Qt's JSON parser accepts
// too, with as many rows.
#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

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
    const bool ascii
        = std::all_of(bytes.cbegin(), bytes.cend(), [](char c) { return uchar(c) < 0x80; });
    if (ascii) {
        QJsonParseError jsonError;
        const QJsonDocument doc = QJsonDocument::fromJson(bytes, &jsonError);
        FUZZ_CHECK(jsonError.error == QJsonParseError::NoError);
        // Duplicate keys are left to each reader (Qt keeps the last "value", the scanner reads
        // them all); with one, both see the same rows.
        if (bytes.count("\"value\"") == 1) {
            const QJsonArray value = doc.object().value(QLatin1String("value")).toArray();
            FUZZ_CHECK(size_t(value.size()) == result->rows.size());
        }
    }
    return 0;
}
