#include "DemoCentralLink.h"

#include <QCryptographicHash>
#include <QJsonObject>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>

using namespace Qt::StringLiterals;

DemoCentralLink::DemoCentralLink(const QUrl &centralUrl, const QString &user,
                                 const QByteArray &secret, const QByteArray &sha256,
                                 QObject *parent)
    : QObject(parent)
    , m_centralUrl(centralUrl)
    , m_user(user)
    , m_secret(secret)
    , m_sha256(sha256)
{ }

namespace {

// Form encoding that survives every byte: '+', '&' and '=' in values are percent-encoded.
QByteArray encodeForm(const QUrlQuery &form)
{
    QByteArray body;
    for (const auto &[name, value] : form.queryItems(QUrl::FullyDecoded)) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(name) + '=' + QUrl::toPercentEncoding(value);
    }
    return body;
}

} // namespace

void DemoCentralLink::post(const QString &page, QUrlQuery form, std::function<void(DemoReply)> done)
{
    for (const QString &field : { u"_username"_s, u"_secret"_s, u"_password"_s, u"_login"_s })
        form.removeAllQueryItems(field);
    form.addQueryItem(u"_username"_s, m_user);
    form.addQueryItem(u"_secret"_s, QString::fromUtf8(m_secret));
    QUrl url = m_centralUrl;
    url.setPath(m_centralUrl.path() + u'/' + page);
    QNetworkRequest request(url);
    request.setHeader(QNetworkRequest::ContentTypeHeader, "application/x-www-form-urlencoded"_ba);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(60000);
    QNetworkReply *reply = m_network.post(request, encodeForm(form));
    if (!m_sha256.isEmpty()) {
        connect(reply, &QNetworkReply::sslErrors, reply, [this, reply](const QList<QSslError> &) {
            // Only the pinned certificate is accepted in place of a CA-signed one.
            const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
            if (!peer.isNull() && peer.digest(QCryptographicHash::Sha256).toHex() == m_sha256)
                reply->ignoreSslErrors();
        });
    }
    connect(reply, &QNetworkReply::finished, this, [reply, done = std::move(done)] {
        reply->deleteLater();
        const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        if (status == 0) {
            // No HTTP answer at all: the updater gets an error it reports, not a hang.
            done(DemoReply::json(QJsonObject {
                { u"result_code"_s, 1 },
                { u"result"_s,
                  u"Cannot reach the central site: %1"_s.arg(reply->errorString()) } }));
            return;
        }
        DemoReply passed = DemoReply::raw(
            reply->readAll(), reply->header(QNetworkRequest::ContentTypeHeader).toByteArray(),
            status);
        for (const QByteArray &name : { "Location"_ba, "Set-Cookie"_ba }) {
            if (reply->hasRawHeader(name))
                passed.withHeader(name, reply->rawHeader(name));
        }
        done(std::move(passed));
    });
}
