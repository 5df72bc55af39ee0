#pragma once

#include <QByteArray>
#include <QProcess>
#include <QStringList>
#include <QTemporaryDir>
#include <QUrl>

// Starts an agentdesk-demo-site process for a test and waits for its READY line; stops it in
// the destructor. Written once, used by every integration and GUI test that needs a site.
class DemoSiteProcess final
{
public:
    DemoSiteProcess() = default;
    ~DemoSiteProcess();
    DemoSiteProcess(const DemoSiteProcess &) = delete;
    DemoSiteProcess &operator=(const DemoSiteProcess &) = delete;

    // Extra arguments are passed on (e.g. {"--hosts", "500", "--http"}). False with error().
    bool start(const QStringList &arguments = {}, int timeoutMs = 20000);
    void stop();

    QUrl checkmkUrl() const { return m_checkmkUrl; } // https://127.0.0.1:PORT/demo/check_mk/
    QString server() const; // "127.0.0.1:PORT"
    QString site() const { return m_site; }
    QByteArray sha256() const { return m_sha256; } // lower-case hex, empty for http
    QByteArray secret() const { return m_secret; }
    QString error() const { return m_error; }
    QString stateDir() const { return m_dir.path(); }
    // The file (mode 0600) holding the automation secret: a remote site's --central-secret-file.
    QString secretFile() const { return m_dir.filePath(QStringLiteral("automation.secret")); }
    QByteArray output() const { return m_output; }
    qint64 processId() const { return m_process.processId(); } // for the bench's CPU figures

private:
    QProcess m_process;
    QTemporaryDir m_dir;
    QUrl m_checkmkUrl;
    QString m_site;
    QByteArray m_sha256;
    QByteArray m_secret;
    QByteArray m_output;
    QString m_error;
};
