#pragma once

#include <QObject>
#include <QTemporaryDir>
#include <QUrl>

#include <memory>

#include "DemoSiteOptions.h"

class DemoCentralLink;
class DemoHttpServer;
class DemoRecorder;
class DemoState;

// The demo site as one object: state, endpoints, TLS, listening socket. Lives in one thread;
// DemoSiteThread runs it off the UI thread for `agentdesk --demo`.
class DemoSite final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoSite)

public:
    explicit DemoSite(QObject *parent = nullptr);
    ~DemoSite() override;

    bool start(const DemoSiteOptions &options, QString *error);
    void stop();

    // {scheme}://127.0.0.1:{port}/{site}/check_mk/
    QUrl checkmkUrl() const { return m_checkmkUrl; }
    quint16 port() const { return m_port; }
    QByteArray certificatePem() const { return m_certificatePem; }
    QByteArray certificateSha256() const { return m_sha256; } // lower-case hex, empty for http
    QByteArray automationSecret() const { return m_secret; }
    QByteArray adminPassword() const { return m_password; }
    DemoState *state() const { return m_state.get(); }

private:
    static QByteArray randomSecret(int length);
    bool seedRollOut(QString *error);
    bool writeSecretFile(const QString &path, QString *error) const;
    bool openRecorder(const DemoSiteOptions &options, QString *error);
    bool connectCentral(const DemoSiteOptions &options, QString *error);
    void spreadHostsOverSites(const DemoSiteOptions &options);

    std::unique_ptr<DemoState> m_state;
    std::unique_ptr<DemoRecorder> m_recorder;
    std::unique_ptr<DemoHttpServer> m_server;
    std::unique_ptr<DemoCentralLink> m_central; // a remote site's link to its central site
    std::unique_ptr<QTemporaryDir> m_tempDir;
    QUrl m_checkmkUrl;
    quint16 m_port = 0;
    QByteArray m_certificatePem;
    QByteArray m_sha256;
    QByteArray m_secret;
    QByteArray m_password;
};
