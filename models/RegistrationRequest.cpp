#include "RegistrationRequest.h"

#include <QCoreApplication>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

namespace {

// Quotes an argument for a POSIX shell only when it needs it.
QString shellQuoted(const QString &argument)
{
    static const QRegularExpression plain(u"^[A-Za-z0-9_./:=@%+-]+$"_s);
    if (plain.match(argument).hasMatch())
        return argument;
    QString quoted = argument;
    quoted.replace(u"'"_s, u"'\\''"_s);
    return u'\'' + quoted + u'\'';
}

} // namespace

SiteConnection RegistrationRequest::toConnection() const
{
    SiteConnection c;
    c.name = u"registration"_s;
    c.server = server;
    c.site = site;
    c.protocol = protocol;
    c.user = user;
    c.insecure = trust == Trust::Insecure;
    if (trust == Trust::TrustCertificate) {
        c.trustedCertificatesPem = trustedCertificatesPem;
        c.pinnedSha256 = pinnedSha256;
    }
    return c;
}

QStringList RegistrationRequest::commandLineArguments() const
{
    QStringList args { u"cmk-update-agent"_s,
                       u"register"_s,
                       u"-s"_s,
                       server,
                       u"-i"_s,
                       site,
                       u"-H"_s,
                       hostName,
                       u"-p"_s,
                       protocol == SiteConnection::Protocol::Https ? u"https"_s : u"http"_s,
                       u"-U"_s,
                       user };
    if (trust == Trust::TrustCertificate)
        args << u"--trust-cert"_s;
    else if (trust == Trust::Insecure)
        args << u"--insecure"_s;
    args << u"-v"_s;
    return args;
}

QString RegistrationRequest::commandLine() const
{
    QStringList quoted;
    for (const QString &a : commandLineArguments())
        quoted << shellQuoted(a);
    return quoted.join(u' ');
}

QString RegistrationRequest::validationError() const
{
    static const QRegularExpression hostPattern(u"^[-0-9a-zA-Z_.]+$"_s);
    if (server.trimmed().isEmpty())
        return QCoreApplication::translate("RegistrationRequest", "Enter the site's server.");
    if (site.trimmed().isEmpty())
        return QCoreApplication::translate("RegistrationRequest", "Enter the site's name.");
    if (!hostPattern.match(hostName).hasMatch())
        return QCoreApplication::translate(
            "RegistrationRequest",
            "The host name may contain only letters, digits, '-', '_' and '.'.");
    if (user.trimmed().isEmpty())
        return QCoreApplication::translate("RegistrationRequest", "Enter the user.");
    return {};
}
