#pragma once

#include <QSslConfiguration>
#include <QTcpServer>

// A QTcpServer whose connections are QSslSockets that start the server side of a TLS handshake
// at once. Each is offered as a pending connection right away; readyRead() then delivers the
// decrypted request. (Written for HostileServer: QSslServer of Qt 6.4 never offered a
// connection to it.)
class TlsListener final : public QTcpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TlsListener)

public:
    TlsListener(const QSslConfiguration &configuration, QObject *parent = nullptr);
    ~TlsListener() override;

protected:
    void incomingConnection(qintptr descriptor) override;

private:
    QSslConfiguration m_configuration;
};
