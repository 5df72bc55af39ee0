#pragma once

#include <QJsonValue>
#include <QVariant>

#include <optional>

// Checked conversions for numbers that come from outside (JSON replies, Python literals).
// Converting a double that is NaN, infinite or beyond the target's range to an integer is
// undefined behaviour in C++ (and Qt's qRound64 does exactly that), so every such value goes
// through here and comes back as nullopt instead of a random integer.
class CheckedNumber final
{
public:
    // Whole part of the value (towards zero); nullopt for NaN, ±inf and values beyond qint64.
    static std::optional<qint64> toInt64(double value);
    // The same for int.
    static std::optional<int> toInt(double value);
    // A point in time as the site sends it (epoch seconds, maybe with a fraction): nullopt
    // also for negative values and for anything after the year 9999, which QDateTime and
    // every display of it cannot represent meaningfully.
    static std::optional<qint64> epochSeconds(double value);
    static std::optional<qint64> epochSeconds(const QJsonValue &value);
    // An integer from a parsed literal: qlonglong as it is, a double only when it is whole and
    // in range (1e300, nan and 2.5 are refused), anything else nullopt.
    static std::optional<qint64> integer(const QVariant &value);

    // 9999-12-31T23:59:59Z
    static constexpr qint64 maxEpochSeconds = 253402300799;
};
