#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

#include "AgentUpdaterRule.h"
#include "DeploymentStatus.h"

// The checklist before automatic updates can work, decided from what the site says. Each item
// knows whether it holds and why, in words; unknown when the data could not be read. Where the
// site reports an item itself (its automatic-deployment status), that decides it; the console's
// own reading of keys, rules, agents and settings is the fallback where the site does not.
class Prerequisites final
{
public:
    enum class Item {
        SignatureKey,
        UpdaterRule,
        SignedAgents,
        RegisteredHost,
        MasterSwitch,
        Count
    };
    enum class State { Met, NotMet, Unknown };

    struct KeyInfo
    {
        int id = 0;
        QString alias;
        QByteArray certificatePem;
    };
    struct AgentInfo
    {
        QString hash;
        QList<int> signedByKeyIds;
    };
    // What the checklist is decided from; an unset optional means "could not be read".
    struct Input
    {
        std::optional<QList<KeyInfo>> keys;
        std::optional<QList<AgentUpdaterRule>> rules; // in the site's order
        std::optional<QList<AgentInfo>> agents;
        std::optional<int> registeredHosts;
        std::optional<bool> masterSwitch; // as configured (not yet activated, perhaps)
        // The site's own status; unset when the site does not offer it, with the reason.
        std::optional<DeploymentStatus> deployment;
        QString deploymentUnavailable;
    };
    // Who decided an item: the site's automatic-deployment status, or the console's own
    // reading because the site does not report that item.
    enum class Source { Console, Site };
    struct Result
    {
        Item item;
        State state = State::Unknown;
        QString title;
        QString reason;
        Source source = Source::Console;
        QString sourceText; // says which, in words, for the page
    };

    static QList<Result> evaluate(const Input &input);
    // The items not met (or unknown), for the master switch's confirmation.
    static QStringList missing(const QList<Result> &results);
    // Keys the first enabled, activated rule accepts (ids of existing keys).
    static QList<int> acceptedKeyIds(const Input &input);

private:
    // Lets the site's automatic-deployment status decide the items it reports.
    static void applySiteStatus(const Input &input, QList<Result> &results);
};
Q_DECLARE_METATYPE(QList<Prerequisites::Result>)
