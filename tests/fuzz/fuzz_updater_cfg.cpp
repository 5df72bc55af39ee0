// The updater's .cfg and .state as text: parsed as the updater does, merged, every value shown
// masked and revealed, and read as the rule's configuration.
#include <QString>

#include "AgentUpdaterConfig.h"
#include "FuzzCheck.h"
#include "UpdaterConfigView.h"

extern "C" int LLVMFuzzerTestOneInput(const unsigned char *data, size_t size)
{
    const QString text = QString::fromUtf8(reinterpret_cast<const char *>(data), qsizetype(size));
    const UpdaterConfigView::Parsed parsed = UpdaterConfigView::parse(text);
    if (!parsed.ok()) {
        FUZZ_CHECK(parsed.values.isEmpty() || parsed.error.isError() || !parsed.message.isEmpty());
        return 0;
    }
    const QList<UpdaterConfigEntry> entries
        = UpdaterConfigView::merge(parsed.values, parsed.values);
    FUZZ_CHECK(entries.size() == parsed.values.size());
    for (const UpdaterConfigEntry &e : entries) {
        const QString masked = UpdaterConfigView::displayValue(e.key, e.value, false);
        UpdaterConfigView::displayValue(e.key, e.value, true);
        if (e.secret && e.value.typeId() == QMetaType::QString && e.value.toString().size() > 3)
            FUZZ_CHECK(!masked.contains(e.value.toString()));
    }
    const AgentUpdaterConfig config = AgentUpdaterConfig::fromVariant(parsed.values);
    (void)config;
    return 0;
}
