#include "AgentUpdaterRule.h"

#include "HostSelection.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QUrl>

using namespace Qt::StringLiterals;

namespace {
QString tr(const char *text)
{
    return QCoreApplication::translate("AgentUpdaterRule", text);
}
} // namespace

bool AgentUpdaterRule::matches(const Host &host) const
{
    const QString ruleFolder = HostSelection::normalFolder(folder);
    const QString hostFolder = HostSelection::normalFolder(host.folder);
    if (!ruleFolder.isEmpty() && hostFolder != ruleFolder
        && !hostFolder.startsWith(ruleFolder + u'/'))
        return false;
    return conditions.matches(host);
}

int AgentUpdaterRule::folderDepth() const
{
    const QString normalized = HostSelection::normalFolder(folder);
    return normalized.isEmpty() ? 0 : int(normalized.count(u'/')) + 1;
}

QList<AgentUpdaterRule::Issue> AgentUpdaterRule::validate() const
{
    QList<Issue> issues;
    // The REST API's folder pattern: '~', '/' or '\' as delimiter, names of letters, digits,
    // '-', '_', ' ' and '.'.
    static const QRegularExpression folderPattern(
        uR"(^(?:(?:[~\\\/]|(?:[~\\\/][-_ a-zA-Z0-9.]+)+[~\\\/]?)|[0-9a-fA-F]{32})$)"_s);
    if (!folder.startsWith(u'/') && !folder.startsWith(u'~'))
        issues.append(
            { u"folder"_s, tr("The folder must start with / (or ~), for example /linux/web.") });
    else if (!folderPattern.match(folder).hasMatch())
        issues.append({ u"folder"_s,
                        tr("Folder names may contain letters, digits, spaces, '-', '_' and '.' "
                           "only.") });
    if (!properties.documentationUrl.isEmpty()) {
        const QUrl url(properties.documentationUrl, QUrl::StrictMode);
        if (!url.isValid() || url.scheme().isEmpty() || url.host().isEmpty())
            issues.append({ u"properties.documentation_url"_s,
                            tr("Enter a full URL such as https://wiki.example.com/updates.") });
    }
    for (const RuleConditions::Issue &i : conditions.validate())
        issues.append({ i.field, i.message });
    return issues;
}

QStringList AgentUpdaterRule::keptParts() const
{
    QStringList out;
    for (const QString &key : conditions.keptKeys())
        out << u"conditions."_s + key;
    for (auto it = properties.raw.begin(); it != properties.raw.end(); ++it) {
        if (it.key() != u"description"_s && it.key() != u"comment"_s
            && it.key() != u"documentation_url"_s && it.key() != u"disabled"_s)
            out << u"properties."_s + it.key();
    }
    const AgentUpdaterConfig c = config();
    for (auto it = c.otherKeys.cbegin(); it != c.otherKeys.cend(); ++it)
        out << u"value."_s + it.key();
    return out;
}
