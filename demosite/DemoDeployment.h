#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

// The automatic-update configuration of the demo site, as configured (what the REST API shows
// and edits) and as active (what the fleet sees, after an activation of changes).
struct DemoDeployment
{
    struct Rule
    {
        QString id;
        QString folder = QStringLiteral("/");
        QJsonObject properties; // disabled, description, comment
        QString valueRaw; // Python literal of the agent updater rule's value
        QJsonObject conditions; // host_name, host_tags, host_label_groups
    };
    struct Config
    {
        bool enabled = false; // agent_deployment_enabled, the master switch
        QJsonObject hostSelection; // agent_deployment_host_selection; empty = all hosts
        QList<Rule> rules; // agent_config:cmk_update_agent, in order
    };

    Config configured;
    Config active;
    int revision = 0; // changes with every edit of the configuration, for ETags
    int activeRevision = 0; // changes with every activation

    void activate()
    {
        active = configured;
        ++activeRevision;
    }
    int ruleIndex(const QString &id) const;
};
