#pragma once

#include <QIODevice>

#include <memory>

#include "SecureBuffer.h"

// The body of a request, handed to Qt's HTTP stack as a device that can be read once.
// Two reasons: (1) the bytes stay in a SecureBuffer this code owns and wipes — Qt reads them in
// pieces, never as a shared QByteArray that a wipe could not reach; (2) it cannot be rewound,
// so when a server closes the connection before answering, Qt cannot silently send a POST,
// PUT or DELETE a second time: the request fails with ContentReSendError instead.
class UploadBody final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadBody)

public:
    UploadBody(std::shared_ptr<const SecureBuffer> bytes, QObject *parent = nullptr);
    ~UploadBody() override;

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    qint64 size() const override;
    bool atEnd() const override;
    // A second pass over the body is exactly what this device exists to prevent.
    bool reset() override { return false; }
    bool seek(qint64) override { return false; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *, qint64) override { return -1; }

private:
    std::shared_ptr<const SecureBuffer> m_bytes;
    qint64 m_position = 0;
};
