#pragma once

#include <QJsonObject>
#include <QString>

// The properties of a Checkmk rule (description, comment, documentation URL, disabled). Keys a
// site sends that this console does not know stay in `raw` and are written back unchanged.
struct RuleProperties
{
    QString description;
    QString comment;
    QString documentationUrl;
    bool disabled = false;
    QJsonObject raw; // the properties object as read

    friend bool operator==(const RuleProperties &, const RuleProperties &) = default;
};
