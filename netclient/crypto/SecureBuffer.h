#pragma once

#include <QByteArray>
#include <QString>

// Holds a secret (a passphrase, a host secret) and wipes its bytes when it goes away, so that
// the secret is not left behind in freed memory. Move-only.
class SecureBuffer final
{
public:
    SecureBuffer() = default;
    explicit SecureBuffer(QByteArray bytes);
    // Takes the UTF-8 of text; the caller should wipe its own copy (see wipe(QString&)).
    static SecureBuffer fromString(const QString &text);
    ~SecureBuffer();

    SecureBuffer(SecureBuffer &&other) noexcept;
    SecureBuffer &operator=(SecureBuffer &&other) noexcept;
    SecureBuffer(const SecureBuffer &) = delete;
    SecureBuffer &operator=(const SecureBuffer &) = delete;

    const char *data() const { return m_bytes.constData(); }
    qsizetype size() const { return m_bytes.size(); }
    bool isEmpty() const { return m_bytes.isEmpty(); }
    const QByteArray &bytes() const { return m_bytes; }
    void clear();

    static void wipe(QByteArray &bytes);
    static void wipe(QString &text);

private:
    QByteArray m_bytes;
};
