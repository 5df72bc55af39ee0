#pragma once

#include <QList>
#include <QString>

// The changes waiting for activation (GET .../activation_run/collections/pending_changes).
struct PendingChanges
{
    struct Change
    {
        QString id;
        QString user;
        QString text;
    };
    QList<Change> changes;
};
