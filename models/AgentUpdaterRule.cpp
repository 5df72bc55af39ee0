#include "AgentUpdaterRule.h"

#include "HostSelection.h"

#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {
bool nameMatches(const QString &pattern, const QString &name)
{
    if (!pattern.startsWith(u'~'))
        return pattern == name;
    const QRegularExpression re(u"\\A(?:"_s + pattern.mid(1) + u')');
    return re.isValid() && re.match(name).hasMatch();
}
} // namespace

bool AgentUpdaterRule::matches(const Host &host) const
{
    const QString ruleFolder = HostSelection::normalFolder(folder);
    const QString hostFolder = HostSelection::normalFolder(host.folder);
    if (!ruleFolder.isEmpty() && hostFolder != ruleFolder
        && !hostFolder.startsWith(ruleFolder + u'/'))
        return false;
    for (const TagCondition &c : hostTags) {
        const bool is = host.tags.value(c.group) == c.tag && host.tags.contains(c.group);
        if (is == c.negate)
            return false;
    }
    for (const LabelCondition &c : hostLabels) {
        const bool is = host.labels.contains(c.key) && host.labels.value(c.key) == c.value;
        if (is == c.negate)
            return false;
    }
    if (!hostNames.isEmpty()) {
        bool listed = false;
        for (const QString &pattern : hostNames)
            listed = listed || nameMatches(pattern, host.name);
        if (listed == hostNamesNegated)
            return false;
    }
    return true;
}

int AgentUpdaterRule::folderDepth() const
{
    const QString normalized = HostSelection::normalFolder(folder);
    return normalized.isEmpty() ? 0 : int(normalized.count(u'/')) + 1;
}
