#include "ApiError.h"

#include <algorithm>

using namespace Qt::StringLiterals;

QString ApiError::summary() const
{
    QString head = status > 0 ? QString::number(status) : QString();
    if (!title.isEmpty())
        head = head.isEmpty() ? title : head + u' ' + title;
    if (detail.isEmpty() || detail == title)
        return head;
    return head.isEmpty() ? detail : head + u": "_s + detail;
}

bool ApiError::isSiteNotFound() const
{
    return kind == Kind::Http && status == 404 && !problemDocument;
}

ApiError::Remedy ApiError::remedy() const
{
    if (kind == Kind::Tls && !certificateChain.isEmpty())
        return Remedy::ShowCertificate;
    if ((kind == Kind::Http && status == 401) || isSiteNotFound())
        return Remedy::EditConnection;
    if (kind == Kind::Network || kind == Kind::Timeout)
        return Remedy::Retry;
    return Remedy::None;
}

QStringList ApiError::fieldMessages() const
{
    QStringList names = fields.keys();
    std::sort(names.begin(), names.end());
    QStringList lines;
    for (const QString &name : std::as_const(names)) {
        for (const QString &message : fields.value(name))
            lines << name + u": "_s + message;
    }
    return lines;
}

ApiError ApiError::local(const QString &title, const QString &detail)
{
    ApiError e;
    e.kind = Kind::Local;
    e.title = title;
    e.detail = detail;
    return e;
}
