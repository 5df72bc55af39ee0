#include "HostSelectionEvaluator.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
QStringView withoutLeadingSlash(QStringView folder)
{
    while (!folder.isEmpty() && (folder.front() == u'/' || folder.front() == u'~'))
        folder = folder.sliced(1);
    while (!folder.isEmpty() && (folder.back() == u'/' || folder.back() == u'~'))
        folder.chop(1);
    return folder;
}

HostSelectionEvaluator::Match matchOf(bool yes)
{
    return yes ? HostSelectionEvaluator::Match::Yes : HostSelectionEvaluator::Match::No;
}
} // namespace

HostSelectionEvaluator::HostSelectionEvaluator(const HostSelection &selection)
    : m_selection(selection)
{
    m_sites = QSet<QString>(selection.sites.cbegin(), selection.sites.cend());
    for (const QString &folder : selection.folders) {
        const QString normalized = HostSelection::normalizeFolder(folder);
        if (normalized.isEmpty())
            m_anyFolder = true;
        m_folders.append(normalized);
    }
    for (auto it = selection.hostTags.cbegin(); it != selection.hostTags.cend(); ++it)
        m_tags.append({ it.key(), it.value() });
    for (auto it = selection.hostLabels.cbegin(); it != selection.hostLabels.cend(); ++it)
        m_labels.append({ it.key(), it.value() });
    m_groups = QSet<QString>(selection.hostGroups.cbegin(), selection.hostGroups.cend());
    m_hosts = QSet<QString>(selection.hosts.cbegin(), selection.hosts.cend());
    m_excluded = QSet<QString>(selection.excludeHosts.cbegin(), selection.excludeHosts.cend());
}

bool HostSelectionEvaluator::folderMatches(QStringView hostFolder) const
{
    if (m_anyFolder)
        return true;
    const QStringView folder = withoutLeadingSlash(hostFolder);
    for (const QString &selected : m_folders) {
        // Whole path elements only: "linux" covers "linux/web", not "linux2".
        if (folder.startsWith(selected)
            && (folder.size() == selected.size() || folder[selected.size()] == u'/'))
            return true;
    }
    return false;
}

HostSelectionEvaluator::Verdict HostSelectionEvaluator::evaluate(const Host &host) const
{
    // Cheapest and most selective checks first; any failed condition decides.
    if (!m_excluded.isEmpty() && m_excluded.contains(host.name))
        return Verdict::NotSelected;
    if (!m_hosts.isEmpty() && !m_hosts.contains(host.name))
        return Verdict::NotSelected;
    if (!m_sites.isEmpty() && !m_sites.contains(host.site))
        return Verdict::NotSelected;
    if (!m_folders.isEmpty() && !folderMatches(host.folder))
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
    if (!m_groups.isEmpty()) {
        if (!host.hostGroupsKnown)
            return Verdict::Unknown;
        for (const QString &group : host.hostGroups) {
            if (m_groups.contains(group))
                return Verdict::Selected;
        }
        return Verdict::NotSelected;
    }
    return Verdict::Selected;
}

HostSelectionEvaluator::Explanation HostSelectionEvaluator::explain(const Host &host) const
{
    Explanation out;
    const QString separator = u", "_s;
    if (!m_selection.sites.isEmpty()) {
        out.conditions.append({ ConditionKind::Site,
                                {},
                                m_selection.sites.join(separator),
                                host.site,
                                matchOf(m_sites.contains(host.site)),
                                {} });
    }
    if (!m_selection.folders.isEmpty()) {
        QStringList shown;
        for (const QString &folder : m_folders)
            shown.append(u'/' + folder);
        out.conditions.append({ ConditionKind::Folder,
                                {},
                                shown.join(separator),
                                u'/' + withoutLeadingSlash(host.folder).toString(),
                                matchOf(folderMatches(host.folder)),
                                {} });
    }
    for (const auto &[group, tag] : m_tags) {
        const QString own = host.tags.value(group);
        out.conditions.append({ ConditionKind::HostTag,
                                group,
                                tag,
                                own,
                                matchOf(host.tags.contains(group) && own == tag),
                                {} });
    }
    for (const auto &[key, value] : m_labels) {
        const QString own = host.labels.value(key);
        out.conditions.append({ ConditionKind::HostLabel,
                                key,
                                value,
                                own,
                                matchOf(host.labels.contains(key) && own == value),
                                {} });
    }
    if (!m_selection.hostGroups.isEmpty()) {
        ConditionResult r { ConditionKind::HostGroup,
                            {},
                            m_selection.hostGroups.join(separator),
                            host.hostGroups.join(separator),
                            Match::Unknown,
                            {} };
        if (host.hostGroupsKnown) {
            bool any = false;
            for (const QString &group : host.hostGroups)
                any = any || m_groups.contains(group);
            r.match = matchOf(any);
        } else {
            r.note = QCoreApplication::translate(
                "HostSelectionEvaluator",
                "cannot be evaluated locally: the site does not report host groups");
        }
        out.conditions.append(r);
    }
    if (!m_selection.hosts.isEmpty()) {
        out.conditions.append({ ConditionKind::HostName,
                                {},
                                m_selection.hosts.join(separator),
                                host.name,
                                matchOf(m_hosts.contains(host.name)),
                                {} });
    }
    if (!m_selection.excludeHosts.isEmpty()) {
        out.conditions.append({ ConditionKind::ExcludedHost,
                                {},
                                m_selection.excludeHosts.join(separator),
                                host.name,
                                matchOf(!m_excluded.contains(host.name)),
                                {} });
    }
    out.verdict = combine(out.conditions);
    return out;
}

HostSelectionEvaluator::Verdict
HostSelectionEvaluator::combine(const QList<ConditionResult> &results)
{
    bool unknown = false;
    for (const ConditionResult &r : results) {
        if (r.match == Match::No)
            return Verdict::NotSelected;
        unknown = unknown || r.match == Match::Unknown;
    }
    return unknown ? Verdict::Unknown : Verdict::Selected;
}

QString HostSelectionEvaluator::kindName(ConditionKind kind)
{
    switch (kind) {
    case ConditionKind::Site:
        return QCoreApplication::translate("HostSelectionEvaluator", "Site");
    case ConditionKind::Folder:
        return QCoreApplication::translate("HostSelectionEvaluator", "Folder");
    case ConditionKind::HostTag:
        return QCoreApplication::translate("HostSelectionEvaluator", "Host tag");
    case ConditionKind::HostLabel:
        return QCoreApplication::translate("HostSelectionEvaluator", "Host label");
    case ConditionKind::HostGroup:
        return QCoreApplication::translate("HostSelectionEvaluator", "Host group");
    case ConditionKind::HostName:
        return QCoreApplication::translate("HostSelectionEvaluator", "Host name");
    case ConditionKind::ExcludedHost:
        return QCoreApplication::translate("HostSelectionEvaluator", "Excluded hosts");
    }
    return {};
}
