#include "RegistrationReport.h"

using namespace Qt::StringLiterals;

QString RegistrationReport::mask(const QString &secret)
{
    if (secret.size() <= 8)
        return QString(secret.size(), QChar(0x2022));
    return secret.left(4) + QString(8, QChar(0x2022)) + secret.right(4);
}
