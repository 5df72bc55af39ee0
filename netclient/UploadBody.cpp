#include "UploadBody.h"

#include <cstring>

UploadBody::UploadBody(std::shared_ptr<const SecureBuffer> bytes, QObject *parent)
    : QIODevice(parent)
    , m_bytes(std::move(bytes))
{
    // Unbuffered: QIODevice would otherwise keep a copy of the bytes in a buffer of its own.
    open(QIODevice::ReadOnly | QIODevice::Unbuffered);
}

UploadBody::~UploadBody() = default;

qint64 UploadBody::size() const
{
    return m_bytes ? m_bytes->size() : 0;
}

qint64 UploadBody::bytesAvailable() const
{
    return size() - m_position + QIODevice::bytesAvailable();
}

bool UploadBody::atEnd() const
{
    return m_position >= size() && QIODevice::bytesAvailable() == 0;
}

qint64 UploadBody::readData(char *data, qint64 maxSize)
{
    const qint64 n = qMin(maxSize, size() - m_position);
    if (n <= 0)
        return m_position >= size() ? -1 : 0;
    std::memcpy(data, m_bytes->data() + m_position, size_t(n));
    m_position += n;
    return n;
}
