#pragma once

#include <QList>

#include "SiteConnection.h"

// The saved connections (never their secrets) in QSettings, in the user's order.
class ConnectionStore final
{
public:
    QList<SiteConnection> load() const;
    void save(const QList<SiteConnection> &connections) const;
    QString lastUsed() const;
    void setLastUsed(const QString &name) const;
};
