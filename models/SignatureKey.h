#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>

// A signature key of the site as the keys list shows it (never with its private key).
struct SignatureKey
{
    enum class ExpiryState {
        Ok,
        Warning, // expires within warningDays
        Critical, // expires within criticalDays
        Expired,
    };
    static constexpr int warningDays = 90;
    static constexpr int criticalDays = 30;

    int id = 0;
    QString alias;
    QString owner; // user id that created the key
    QDateTime created; // UTC
    QDateTime notAfter; // UTC, end of the certificate's validity
    QByteArray certificatePem;
    QString md5Digest; // "AB:CD:..." as the site shows it
    bool inUse = false; // referenced by the agent updater rule: cannot be deleted

    // Against a given now, so that expiry is testable and consistent over one refresh.
    ExpiryState expiryState(const QDateTime &now) const;
    // Whole days until notAfter (negative once expired).
    qint64 daysLeft(const QDateTime &now) const;
};

Q_DECLARE_METATYPE(SignatureKey)
