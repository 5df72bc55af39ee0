#pragma once

#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>
#include <QVariantMap>

// How to reach one Checkmk site: where it is, who we are there, and which certificates we
// trust. Holds no secret; the secret lives in the system keychain under keychainKey().
struct SiteConnection
{
    enum class Protocol { Https, Http };

    QString name; // the user's name for this connection, unique
    QString server; // host name or address, optionally with ":port"
    QString site; // Checkmk site id
    Protocol protocol = Protocol::Https;
    QString user; // automation user (or a normal user)

    // TLS policy. Verified against the system CAs by default; these widen trust per connection.
    QStringList trustedCertificatesPem; // certificates the user chose to trust
    QStringList pinnedSha256; // lower-case hex SHA-256 of certificates (DER) accepted as is
    bool insecure = false; // skip verification entirely: shown at all times while in use
    // A central site's remote sites: certificates (SHA-256 as above) the user trusted on the
    // Sites page for that site alone, keyed by sitePinKey(): the site id and the server (host
    // and port) of the URL the user checked. Used only to reach that site at that server; a
    // site whose URL moves to another server is asked about again.
    QMap<QString, QStringList> sitePinnedSha256;
    int timeoutMs = 30000;
    bool demo = false; // the embedded demo site

    // "site@server" (server as in `server`: host, with ":port" when not the default; lower case)
    static QString sitePinKey(const QString &site, const QString &server);

    // {protocol}://{server}/{site}/check_mk/
    QUrl checkmkUrl() const;
    // {protocol}://{server}/{site}/check_mk/api/1.0
    QUrl apiBaseUrl() const;
    // Key of the secret in the keychain: the server, site and user it was accepted by, so that
    // editing a connection's server (or site or user) finds no secret instead of sending the
    // old one to the new server. Connections with the same triple share one entry.
    QString keychainKey() const;
    // The key of AgentDesk 0.1 (by connection name only); such entries are removed unread.
    QString legacyKeychainKey() const;
    // Empty when complete; otherwise the field at fault and what is expected.
    QString validationError() const;

    QVariantMap toVariant() const;
    static SiteConnection fromVariant(const QVariantMap &map);

    bool operator==(const SiteConnection &other) const = default;
};

Q_DECLARE_METATYPE(SiteConnection)
