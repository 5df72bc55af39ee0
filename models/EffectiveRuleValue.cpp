#include "EffectiveRuleValue.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

QStringList EffectiveRuleValue::knownParameters()
{
    return { u"activated"_s, u"server_data"_s, u"certificates"_s,  u"interval"_s,
             u"proxy"_s,     u"edition"_s,     u"signature_keys"_s };
}

QString EffectiveRuleValue::defaultText(const QString &key)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("EffectiveRuleValue", text);
    };
    if (key == u"activated"_s)
        return tr("not set: the updater plug-in is not deployed");
    if (key == u"server_data"_s)
        return tr("not set: the host must be registered by hand");
    if (key == u"certificates"_s)
        return tr("not set: the system's trusted CAs");
    if (key == u"interval"_s)
        return tr("not set: every %1 s").arg(AgentUpdaterConfig::defaultInterval);
    if (key == u"proxy"_s)
        return tr("not set: the environment's proxy settings");
    if (key == u"edition"_s)
        return tr("not set: the bakery's default package");
    if (key == u"signature_keys"_s)
        return tr("not set: no key is accepted, so no agent is installed");
    return tr("not set");
}
