#include "HostSelectionEvaluator.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

HostSelectionEvaluator::HostSelectionEvaluator(const HostSelection &selection)
    : m_selection(selection)
    , m_sites(selection.sites.cbegin(), selection.sites.cend())
    , m_groups(selection.hostGroups.cbegin(), selection.hostGroups.cend())
    , m_hosts(selection.hosts.cbegin(), selection.hosts.cend())
    , m_excluded(selection.excludedHosts.cbegin(), selection.excludedHosts.cend())
{
    for (const QString &f : selection.folders) {
        const QString n = HostSelection::normalFolder(f);
        m_folders << (n.isEmpty() ? QString() : u'/' + n); // as REST writes folders: "/linux/web"
    }
    for (auto it = selection.hostTags.cbegin(); it != selection.hostTags.cend(); ++it)
        m_tags.append({ it.key(), it.value() });
    for (auto it = selection.hostLabels.cbegin(); it != selection.hostLabels.cend(); ++it)
        m_labels.append({ it.key(), it.value() });
}

bool HostSelectionEvaluator::folderMatches(const QString &hostFolder) const
{
    // Without allocating in the common case: REST folders look like "/linux/web".
    if (!hostFolder.startsWith(u'/') || hostFolder.contains(u'~'))
        return folderMatches(u'/' + HostSelection::normalFolder(hostFolder));
    // A folder condition also holds for the hosts of its subfolders.
    for (const QString &folder : m_folders) {
        if (folder.isEmpty())
            return true;
        if (hostFolder.startsWith(folder)
            && (hostFolder.size() == folder.size() || hostFolder.at(folder.size()) == u'/'))
            return true;
    }
    return false;
}

HostSelectionEvaluator::Verdict HostSelectionEvaluator::evaluate(const Host &host) const
{
    // All conditions must hold; the cheap and selective ones go first. Small lists are
    // compared directly: hashing a name costs more than a few comparisons.
    if (!m_folders.isEmpty() && !folderMatches(host.folder))
        return Verdict::NotSelected;
    if (!m_selection.sites.isEmpty()
        && !(m_selection.sites.size() <= 8 ? m_selection.sites.contains(host.site)
                                           : m_sites.contains(host.site)))
        return Verdict::NotSelected;
    for (const auto &[group, tag] : m_tags) {
        const auto it = host.tags.constFind(group);
        if (it == host.tags.cend() || *it != tag)
            return Verdict::NotSelected;
    }
    for (const auto &[key, value] : m_labels) {
        const auto it = host.labels.constFind(key);
        if (it == host.labels.cend() || *it != value)
            return Verdict::NotSelected;
    }
    if (!m_hosts.isEmpty() && !m_hosts.contains(host.name))
        return Verdict::NotSelected;
    if (!m_excluded.isEmpty() && m_excluded.contains(host.name))
        return Verdict::NotSelected;
    if (!m_groups.isEmpty()) {
        if (!host.hostGroupsKnown)
            return Verdict::Unknown;
        bool any = false;
        for (const QString &g : host.hostGroups)
            any = any || m_groups.contains(g);
        if (!any)
            return Verdict::NotSelected;
    }
    return Verdict::Selected;
}

QList<HostSelectionEvaluator::ConditionResult>
HostSelectionEvaluator::explain(const Host &host) const
{
    const auto verdict = [](bool ok) {
        return ok ? Verdict::Selected : Verdict::NotSelected;
    };
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("HostSelectionEvaluator", text);
    };
    QList<ConditionResult> out;
    if (!m_selection.sites.isEmpty())
        out.append({ Condition::Site, m_selection.sites.join(u", "_s), host.site,
                     verdict(m_sites.contains(host.site)) });
    if (!m_selection.folders.isEmpty()) {
        QStringList shown;
        for (const QString &f : m_selection.folders)
            shown << u'/' + HostSelection::normalFolder(f);
        out.append({ Condition::Folder, shown.join(u", "_s), host.folder,
                     verdict(folderMatches(host.folder)) });
    }
    for (const auto &[group, tag] : m_tags) {
        const QString own = host.tags.value(group);
        out.append({ Condition::HostTag, group + u" = "_s + tag,
                     own.isEmpty() ? tr("(no tag in this group)") : group + u" = "_s + own,
                     verdict(own == tag) });
    }
    for (const auto &[key, value] : m_labels) {
        const auto it = host.labels.constFind(key);
        const bool has = it != host.labels.cend();
        out.append({ Condition::HostLabel, key + u": "_s + value,
                     has ? key + u": "_s + *it : tr("(no label %1)").arg(key),
                     verdict(has && *it == value) });
    }
    if (!m_selection.hostGroups.isEmpty()) {
        if (!host.hostGroupsKnown) {
            out.append({ Condition::HostGroup, m_selection.hostGroups.join(u", "_s),
                         tr("(the site does not report host groups: cannot be evaluated locally)"),
                         Verdict::Unknown });
        } else {
            bool any = false;
            for (const QString &g : host.hostGroups)
                any = any || m_groups.contains(g);
            out.append({ Condition::HostGroup, m_selection.hostGroups.join(u", "_s),
                         host.hostGroups.isEmpty() ? tr("(none)") : host.hostGroups.join(u", "_s),
                         verdict(any) });
        }
    }
    if (!m_selection.hosts.isEmpty())
        out.append({ Condition::ExplicitHost, m_selection.hosts.join(u", "_s), host.name,
                     verdict(m_hosts.contains(host.name)) });
    if (!m_selection.excludedHosts.isEmpty())
        out.append({ Condition::ExcludedHost, m_selection.excludedHosts.join(u", "_s), host.name,
                     verdict(!m_excluded.contains(host.name)) });
    return out;
}

QString HostSelectionEvaluator::conditionName(Condition condition)
{
    const char *text = "";
    switch (condition) {
    case Condition::Site:
        text = QT_TRANSLATE_NOOP("HostSelectionEvaluator", "Site");
        break;
    case Condition::Folder:
        text = QT_TRANSLATE_NOOP("HostSelectionEvaluator", "Folder");
        break;
    case Condition::HostTag:
        text = QT_TRANSLATE_NOOP("HostSelectionEvaluator", "Host tag");
        break;
    case Condition::HostLabel:
        text = QT_TRANSLATE_NOOP("HostSelectionEvaluator", "Host label");
        break;
    case Condition::HostGroup:
        text = QT_TRANSLATE_NOOP("HostSelectionEvaluator", "Host group");
        break;
    case Condition::ExplicitHost:
        text = QT_TRANSLATE_NOOP("HostSelectionEvaluator", "Explicit hosts");
        break;
    case Condition::ExcludedHost:
        text = QT_TRANSLATE_NOOP("HostSelectionEvaluator", "Excluded hosts");
        break;
    }
    return QCoreApplication::translate("HostSelectionEvaluator", text);
}
