#pragma once

#include <QByteArray>
#include <QFile>
#include <QJsonObject>
#include <QString>

struct DemoReply;
struct DemoRequest;

// Appends every exchange of a demo site as one JSON line (method, path, query, request
// content type and body, status, reply content type and body) so that tests/contract/validate.py
// can hold each request and reply to the OpenAPI document. Secrets are replaced before anything
// is written: the Authorization header is never recorded, passphrases, passwords, automation and
// host secrets and package bytes become "<redacted>".
class DemoRecorder final
{
public:
    DemoRecorder() = default;
    Q_DISABLE_COPY_MOVE(DemoRecorder)

    // Opens (appends to) the file; false with *error.
    bool open(const QString &path, QString *error);
    bool isOpen() const { return m_file.isOpen(); }
    QString path() const { return m_file.fileName(); }
    // The request's part of a record, taken before the handlers run (they wipe secrets from
    // the body).
    QJsonObject requestPart(const DemoRequest &request) const;
    // fault: the reply came from fault injection, not from an endpoint (not validated).
    void record(QJsonObject requestPart, const QString &fullPath, const DemoReply &reply,
                bool fault);

    // Bodies larger than this are recorded by size only.
    static constexpr qsizetype maxBody = 8 * 1024 * 1024;

private:
    QFile m_file;
};
