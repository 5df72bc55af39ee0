#pragma once

#include <QByteArray>
#include <QString>

#include "SiteConnection.h"

// The connection a test uses for a demo site: automation user, the site's own certificate
// pinned (as `agentdesk --demo` does).
namespace DemoConnection {
SiteConnection make(const QString &server, const QString &site, const QByteArray &sha256,
                    const QString &name = QStringLiteral("demo"));
SiteConnection make(quint16 port, const QByteArray &sha256,
                    const QString &name = QStringLiteral("demo"));
} // namespace DemoConnection
