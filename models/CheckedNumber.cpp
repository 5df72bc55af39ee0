#include "CheckedNumber.h"

#include <cmath>
#include <limits>

namespace {

// 2^63 exactly; every double below it (and at or above -2^63) converts to qint64 defined.
constexpr double twoTo63 = 9223372036854775808.0;

} // namespace

std::optional<qint64> CheckedNumber::toInt64(double value)
{
    if (!std::isfinite(value))
        return std::nullopt;
    const double whole = std::trunc(value);
    if (whole < -twoTo63 || whole >= twoTo63)
        return std::nullopt;
    return static_cast<qint64>(whole);
}

std::optional<int> CheckedNumber::toInt(double value)
{
    const auto wide = toInt64(value);
    if (!wide || *wide < std::numeric_limits<int>::min() || *wide > std::numeric_limits<int>::max())
        return std::nullopt;
    return static_cast<int>(*wide);
}

std::optional<qint64> CheckedNumber::epochSeconds(double value)
{
    const auto seconds = toInt64(value);
    if (!seconds || *seconds < 0 || *seconds > maxEpochSeconds)
        return std::nullopt;
    return seconds;
}

std::optional<qint64> CheckedNumber::epochSeconds(const QJsonValue &value)
{
    if (!value.isDouble())
        return std::nullopt;
    return epochSeconds(value.toDouble());
}

std::optional<qint64> CheckedNumber::integer(const QVariant &value)
{
    switch (value.typeId()) {
    case QMetaType::Int:
    case QMetaType::LongLong:
        return value.toLongLong();
    case QMetaType::UInt:
        return qint64(value.toUInt());
    case QMetaType::ULongLong: {
        const qulonglong u = value.toULongLong();
        if (u > qulonglong(std::numeric_limits<qint64>::max()))
            return std::nullopt;
        return qint64(u);
    }
    case QMetaType::Double: {
        const double d = value.toDouble();
        if (!std::isfinite(d) || std::trunc(d) != d)
            return std::nullopt;
        return toInt64(d);
    }
    default:
        return std::nullopt;
    }
}
