#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

#include "AgentUpdaterRule.h"

// The checklist before automatic updates can work, decided from what the site says. Each item
// knows whether it holds and why, in words; unknown when the data could not be read.
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
        std::optional<bool> masterSwitch;
    };
    struct Result
    {
        Item item;
        State state = State::Unknown;
        QString title;
        QString reason;
    };

    static QList<Result> evaluate(const Input &input);
    // The items not met (or unknown), for the master switch's confirmation.
    static QStringList missing(const QList<Result> &results);
    // Keys the first enabled, activated rule accepts (ids of existing keys).
    static QList<int> acceptedKeyIds(const Input &input);
};
Q_DECLARE_METATYPE(QList<Prerequisites::Result>)
