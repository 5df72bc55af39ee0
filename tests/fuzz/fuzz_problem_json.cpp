// A problem document from an error reply: title, detail and (nested) field messages.
#include <QByteArray>

#include "FuzzCheck.h"
#include "ProblemDocument.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QByteArray bytes(reinterpret_cast<const char *>(data), qsizetype(size));
    ApiError error;
    error.title = QStringLiteral("unchanged");
    QJsonDocument parsed;
    if (!ProblemDocument::read(bytes, &error, &parsed)) {
        FUZZ_CHECK(error.title == QStringLiteral("unchanged"));
        FUZZ_CHECK(error.fields.isEmpty());
        return 0;
    }
    FUZZ_CHECK(parsed.isObject());
    error.kind = ApiError::Kind::Http;
    (void)error.summary();
    (void)error.fieldMessages();
    return 0;
}
