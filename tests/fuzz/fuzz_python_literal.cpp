// Python literals as the site (value_raw) and the updater's files hold them: parse any bytes;
// whatever parses is written and parsed again, and the second writing equals the first.
#include <QByteArray>
#include <QString>

#include "FuzzCheck.h"
#include "PythonLiteral.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    PythonLiteral::Error error;
    const QVariant value = PythonLiteral::parse(text, &error);
    if (error.isError()) {
        FUZZ_CHECK(error.offset <= text.size());
        FUZZ_CHECK(!error.toString().isEmpty());
        return 0;
    }
    for (const int indent : { 0, 4 }) {
        const QString written = PythonLiteral::write(value, indent);
        PythonLiteral::Error again;
        const QVariant reread = PythonLiteral::parse(written, &again);
        FUZZ_CHECK(!again.isError());
        FUZZ_CHECK(PythonLiteral::write(reread, indent) == written);
    }
    return 0;
}
