#pragma once

#include <QAbstractHttpServer>
#include <QPointer>

#include "DemoReply.h"
#include "DemoRouter.h"

class DemoRecorder;
class DemoState;
class QTcpSocket;

// The HTTP side of the demo site: checks what every Checkmk REST request is checked for
// (site prefix, Bearer auth, Accept, Content-Type), routes, applies injected faults and writes
// the reply itself so that faults can cut it short.
class DemoHttpServer final : public QAbstractHttpServer
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoHttpServer)

public:
    DemoHttpServer(DemoState &state, QObject *parent = nullptr);

    DemoRouter &router() { return m_router; }
    // Every exchange from now on is appended to the recorder (not owned; may be null).
    void setRecorder(DemoRecorder *recorder) { m_recorder = recorder; }
    // The path with runs of '/' collapsed, as the web server in front of a real site does.
    static QString normalizedPath(const QString &path);

protected:
    bool handleRequest(const QHttpServerRequest &request, QTcpSocket *socket) override;
    void missingHandler(const QHttpServerRequest &request, QTcpSocket *socket) override;

private:
    DemoReply dispatch(const QHttpServerRequest &request, DemoRequest &demo, bool *isApi);
    void send(QPointer<QTcpSocket> socket, DemoReply reply, int bodyMode);

    DemoState &m_state;
    DemoRouter m_router;
    DemoRecorder *m_recorder = nullptr;
};
