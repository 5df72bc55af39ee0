// The updater's state file on disk: read (a missing or unparsable file is an error, never a
// crash) and, when it parses, updated — the written file reads back with the new value and
// every old key.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>

#include "FuzzCheck.h"
#include "UpdaterStateFile.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    static QTemporaryDir dir;
    FUZZ_CHECK(dir.isValid());
    const QString path = dir.filePath(QStringLiteral("cmk-update-agent.state"));
    {
        QFile file(path);
        FUZZ_CHECK(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
        FUZZ_CHECK(file.write(reinterpret_cast<const char *>(data), qint64(size)) == qint64(size));
    }
    const UpdaterStateFile::ReadResult before = UpdaterStateFile::read(path);
    FUZZ_CHECK(before.exists);
    if (!before.ok())
        return 0;
    QString error;
    const QVariantMap update { { QStringLiteral("last_check"), qlonglong(1700000000) } };
    FUZZ_CHECK(UpdaterStateFile(path).update(update, &error));
    const UpdaterStateFile::ReadResult after = UpdaterStateFile::read(path);
    FUZZ_CHECK(after.ok());
    FUZZ_CHECK(after.parsed.values.value(QStringLiteral("last_check")) == update.first());
    for (auto it = before.parsed.values.cbegin(); it != before.parsed.values.cend(); ++it)
        FUZZ_CHECK(after.parsed.values.contains(it.key()));
    return 0;
}
