#include "SignatureKey.h"

SignatureKey::ExpiryState SignatureKey::expiryState(const QDateTime &now) const
{
    if (!notAfter.isValid())
        return ExpiryState::Ok; // unknown validity is not a reason to alarm
    if (now >= notAfter)
        return ExpiryState::Expired;
    const qint64 left = now.secsTo(notAfter);
    if (left <= qint64(criticalDays) * 86400)
        return ExpiryState::Critical;
    if (left <= qint64(warningDays) * 86400)
        return ExpiryState::Warning;
    return ExpiryState::Ok;
}

qint64 SignatureKey::daysLeft(const QDateTime &now) const
{
    return now.secsTo(notAfter) / 86400;
}
