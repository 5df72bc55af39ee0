#pragma once

#include <QString>

// One host's row of the update status: what the site wants it to run and what its updater last
// reported. Compact on purpose: a site has up to 200,000 of these.
struct HostUpdateStatus
{
    QString hostName;
    QString site;
    QString folder;
    QString checkOutput; // "Update Check" service output
    QString lastError; // empty when none
    quint64 targetHash = 0; // agent hashes: 16 hex digits; 0 when none
    quint64 downloadedHash = 0;
    quint64 installedHash = 0;
    quint64 pendingHash = 0;
    qint64 lastCheck = -1; // epoch seconds; -1 when never
    qint64 lastUpdate = -1;
    qint32 interval = 3600; // seconds between checks
    qint8 checkState = 3; // 0 OK, 1 WARN, 2 CRIT, 3 UNKNOWN
    bool registered = false;
    bool selected = true; // picked by the host selection

    friend bool operator==(const HostUpdateStatus &, const HostUpdateStatus &) = default;

    static QString hashText(quint64 hash); // 16 lower-case hex digits, empty for 0
    static bool parseHash(QStringView text, quint64 *hash); // false unless 16 hex digits
    static QString stateText(int state); // OK, WARN, CRIT, UNKNOWN
};
