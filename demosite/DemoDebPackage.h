#pragma once

#include <QByteArray>
#include <QList>
#include <QPair>
#include <QString>

// Writes a Debian binary package (ar archive of debian-binary, control.tar and data.tar, the
// tars uncompressed as dpkg-deb accepts them) so that the demo's linux_deb agents are real
// .deb files: `dpkg-deb --info` and `dpkg-deb --contents` read them.
class DemoDebPackage final
{
public:
    struct File
    {
        QString path; // inside the package, e.g. "usr/bin/check_mk_agent"
        QByteArray content;
        int mode = 0644;
    };
    static QByteArray build(const QString &package, const QString &version,
                            const QString &description, const QList<File> &files);

private:
    static QByteArray tar(const QList<File> &files);
    static QByteArray arMember(const QByteArray &name, const QByteArray &content);
};
