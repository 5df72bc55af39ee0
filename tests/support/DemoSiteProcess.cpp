#include "DemoSiteProcess.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QRegularExpression>

using namespace Qt::StringLiterals;

DemoSiteProcess::~DemoSiteProcess()
{
    stop();
}

bool DemoSiteProcess::start(const QStringList &arguments, int timeoutMs)
{
    const QString secretFile = m_dir.filePath(u"automation.secret"_s);
    QStringList args { u"--port"_s, u"0"_s, u"--secret-file"_s, secretFile };
    if (!arguments.contains(u"--state-dir"_s))
        args << u"--state-dir"_s << m_dir.filePath(u"state"_s);
    args << arguments;
    m_process.setProcessChannelMode(QProcess::SeparateChannels);
    m_process.start(QStringLiteral(AGENTDESK_DEMO_SITE_EXE), args);
    if (!m_process.waitForStarted(timeoutMs)) {
        m_error = u"cannot start demo site: "_s + m_process.errorString();
        return false;
    }
    static const QRegularExpression ready(uR"(^READY url=(\S+) sha256=(\S+) control=(\S+)\s*$)"_s,
                                          QRegularExpression::MultilineOption);
    const QDeadlineTimer deadline(timeoutMs);
    while (!deadline.hasExpired()) {
        if (!m_process.waitForReadyRead(int(qMax<qint64>(1, deadline.remainingTime())))) {
            if (m_process.state() != QProcess::Running)
                break;
            continue;
        }
        m_output += m_process.readAllStandardOutput();
        const auto match = ready.match(QString::fromUtf8(m_output));
        if (!match.hasMatch())
            continue;
        m_checkmkUrl = QUrl(match.captured(1));
        m_sha256 = match.captured(2) == u"-"_s ? QByteArray() : match.captured(2).toLatin1();
        m_controlToken = match.captured(3).toLatin1();
        const QStringList parts = m_checkmkUrl.path().split(u'/', Qt::SkipEmptyParts);
        m_site = parts.value(0);
        QFile f(secretFile);
        if (!f.open(QIODevice::ReadOnly)) {
            m_error = u"demo site wrote no secret file"_s;
            return false;
        }
        m_secret = f.readAll().trimmed();
        return true;
    }
    m_error = u"demo site did not get ready: "_s + QString::fromUtf8(m_output)
        + QString::fromUtf8(m_process.readAllStandardError());
    return false;
}

void DemoSiteProcess::stop()
{
    if (m_process.state() == QProcess::NotRunning)
        return;
    m_process.terminate();
    if (!m_process.waitForFinished(5000)) {
        m_process.kill();
        m_process.waitForFinished(2000);
    }
}

QString DemoSiteProcess::server() const
{
    return m_checkmkUrl.host() + u':' + QString::number(m_checkmkUrl.port());
}

SiteConnection DemoSiteProcess::controlConnection() const
{
    SiteConnection c;
    c.name = u"demo-control"_s;
    c.server = server();
    c.site = m_site;
    c.user = u"demo-control"_s;
    c.protocol = m_checkmkUrl.scheme() == u"http"_s ? SiteConnection::Protocol::Http
                                                    : SiteConnection::Protocol::Https;
    if (!m_sha256.isEmpty())
        c.pinnedSha256 = { QString::fromLatin1(m_sha256) };
    c.timeoutMs = 20000;
    return c;
}
