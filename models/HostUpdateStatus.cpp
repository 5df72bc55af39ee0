#include "HostUpdateStatus.h"

using namespace Qt::StringLiterals;

QString HostUpdateStatus::hashText(quint64 hash)
{
    if (hash == 0)
        return {};
    return u"%1"_s.arg(hash, 16, 16, QLatin1Char('0'));
}

bool HostUpdateStatus::parseHash(QStringView text, quint64 *hash)
{
    if (text.size() != 16)
        return false;
    quint64 value = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        int digit;
        if (u >= u'0' && u <= u'9')
            digit = u - u'0';
        else if (u >= u'a' && u <= u'f')
            digit = u - u'a' + 10;
        else if (u >= u'A' && u <= u'F')
            digit = u - u'A' + 10;
        else
            return false;
        value = (value << 4) | quint64(digit);
    }
    *hash = value;
    return true;
}

QString HostUpdateStatus::stateText(int state)
{
    switch (state) {
    case 0:
        return u"OK"_s;
    case 1:
        return u"WARN"_s;
    case 2:
        return u"CRIT"_s;
    default:
        return u"UNKNOWN"_s;
    }
}
