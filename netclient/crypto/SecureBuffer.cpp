#include "SecureBuffer.h"

#include <openssl/crypto.h>

#include <utility>

SecureBuffer::SecureBuffer(QByteArray bytes)
    : m_bytes(std::move(bytes))
{
    m_bytes.detach(); // the wipe must reach the only copy
}

SecureBuffer SecureBuffer::fromString(const QString &text)
{
    return SecureBuffer(text.toUtf8());
}

SecureBuffer::~SecureBuffer()
{
    clear();
}

SecureBuffer::SecureBuffer(SecureBuffer &&other) noexcept
    : m_bytes(std::exchange(other.m_bytes, QByteArray()))
{ }

SecureBuffer &SecureBuffer::operator=(SecureBuffer &&other) noexcept
{
    if (this != &other) {
        clear();
        m_bytes = std::exchange(other.m_bytes, QByteArray());
    }
    return *this;
}

void SecureBuffer::clear()
{
    wipe(m_bytes);
}

void SecureBuffer::wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && !bytes.isDetached()) {
        // Shared data belongs to someone else too; drop our reference only.
        bytes = QByteArray();
        return;
    }
    if (!bytes.isEmpty())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
    bytes = QByteArray();
}

void SecureBuffer::wipe(QString &text)
{
    if (!text.isEmpty() && text.isDetached())
        OPENSSL_cleanse(text.data(), size_t(text.size()) * sizeof(QChar));
    text = QString();
}
