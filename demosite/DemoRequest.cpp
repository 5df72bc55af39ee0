#include "DemoRequest.h"

QJsonDocument DemoRequest::json(QString *error) const
{
    QJsonParseError pe;
    const QJsonDocument doc = QJsonDocument::fromJson(body, &pe);
    if (pe.error != QJsonParseError::NoError && error)
        *error = pe.errorString();
    return doc;
}

QUrlQuery DemoRequest::form() const
{
    // '+' means space in form encoding; QUrlQuery keeps it literal.
    QByteArray decoded = body;
    decoded.replace('+', ' ');
    return QUrlQuery(QString::fromUtf8(decoded));
}
