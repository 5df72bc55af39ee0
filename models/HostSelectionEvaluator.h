#pragma once

#include <QList>
#include <QSet>
#include <QString>

#include "Host.h"
#include "HostSelection.h"

// Decides which hosts a HostSelection picks, and explains why for one host. Compiled once per
// selection so that a whole inventory of 100,000 hosts is evaluated in a few milliseconds.
// Shared by the console (test and preview) and the demo site's fleet simulation.
class HostSelectionEvaluator final
{
public:
    enum class Verdict { Selected, NotSelected, Unknown };
    enum class Condition {
        Site,
        Folder,
        HostTag,
        HostLabel,
        HostGroup,
        ExplicitHost,
        ExcludedHost
    };

    struct ConditionResult
    {
        Condition condition;
        QString expected; // what the selection asks for
        QString hostValue; // what the host has
        Verdict verdict; // Selected: holds; NotSelected: fails; Unknown: cannot be decided here
    };

    explicit HostSelectionEvaluator(const HostSelection &selection);

    Verdict evaluate(const Host &host) const;
    bool selects(const Host &host) const { return evaluate(host) == Verdict::Selected; }
    // One result for every condition the selection sets, in a fixed order.
    QList<ConditionResult> explain(const Host &host) const;
    static QString conditionName(Condition condition);

private:
    bool folderMatches(const QString &hostFolder) const;

    HostSelection m_selection;
    QSet<QString> m_sites;
    QStringList m_folders; // normalised, with trailing slash for prefix tests ("" = root)
    QList<QPair<QString, QString>> m_tags;
    QList<QPair<QString, QString>> m_labels;
    QSet<QString> m_groups;
    QSet<QString> m_hosts;
    QSet<QString> m_excluded;
};
