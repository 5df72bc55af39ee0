#pragma once

#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include "Host.h"
#include "HostSelection.h"

// Decides for a host whether a HostSelection gives it agent updates. Compiled once per
// selection (sets, normalised folders), then cheap per host: 100,000 hosts in a few ms.
//
// Folder conditions include subfolders: Checkmk's `match_folders` is a list of folder choices
// and, like a rule's folder condition, a folder covers everything below it ("linux" selects a
// host in "/linux/web"). That is how Checkmk's Setup treats folder conditions everywhere (host
// folders are matched by path prefix on whole path elements); it is an assumption from our
// knowledge of Checkmk's sources, which are not available here to re-check line by line.
class HostSelectionEvaluator final
{
public:
    enum class Verdict { Selected, NotSelected, Unknown };
    enum class Match { Yes, No, Unknown };
    enum class ConditionKind {
        Site,
        Folder,
        HostTag,
        HostLabel,
        HostGroup,
        HostName,
        ExcludedHost
    };

    // One condition of the selection checked against one host.
    struct ConditionResult
    {
        ConditionKind kind = ConditionKind::Site;
        QString key; // tag group or label key; empty for the list conditions
        QString expected; // what the selection asks for, readable ("linux/web, windows")
        QString actual; // the host's own value; empty when the host has none
        Match match = Match::No;
        QString note; // why a condition could not be evaluated
    };

    struct Explanation
    {
        QList<ConditionResult> conditions; // one per tag group / label key / list condition
        Verdict verdict = Verdict::Selected;
    };

    explicit HostSelectionEvaluator(const HostSelection &selection = {});

    Verdict evaluate(const Host &host) const;
    // Selected for sure: an unknown verdict (host groups not reported) counts as not selected.
    bool selects(const Host &host) const { return evaluate(host) == Verdict::Selected; }
    Explanation explain(const Host &host) const;

    const HostSelection &selection() const { return m_selection; }

    static QString kindName(ConditionKind kind); // translated, for tables
    // AND over three-valued matches: any No wins, then any Unknown.
    static Verdict combine(const QList<ConditionResult> &results);

private:
    bool folderMatches(QStringView hostFolder) const;

    HostSelection m_selection;
    QSet<QString> m_sites;
    QStringList m_folders; // normalised, without leading slash
    bool m_anyFolder = false; // the root folder is selected
    QList<std::pair<QString, QString>> m_tags;
    QList<std::pair<QString, QString>> m_labels;
    QSet<QString> m_groups;
    QSet<QString> m_hosts;
    QSet<QString> m_excluded;
};
