#pragma once

#include <QObject>
#include <QPointer>

#include "SiteConnection.h"
#include "TlsCheckResult.h"

class QSslSocket;
class QTimer;

// Makes one TLS handshake with a site's server (the wizard's "Check connection") and reports
// the chain it presented, whether it verified under the connection's trust, and the errors.
// Sends nothing over the connection; closes it after the handshake.
class TlsProbe final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsProbe)

public:
    explicit TlsProbe(QObject *parent = nullptr);
    ~TlsProbe() override;

    // Starts the handshake; finished() follows once. An earlier probe is abandoned.
    void start(const SiteConnection &connection, int timeoutMs = 10000);

Q_SIGNALS:
    void finished(const TlsCheckResult &result);

private:
    void finish(TlsCheckResult result);

    QPointer<QSslSocket> m_socket;
    QTimer *m_timer;
    TlsCheckResult m_result;
    bool m_running = false;
};
