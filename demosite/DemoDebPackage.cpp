#include "DemoDebPackage.h"

#include <QSet>

#include <cstring>

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 fixedTime = 1735689600; // 2025-01-01: packages are reproducible

void octal(char *field, int size, qint64 value)
{
    // size - 1 digits and a NUL, as ustar writes them.
    const QByteArray digits = QByteArray::number(value, 8).rightJustified(size - 1, '0');
    std::memcpy(field, digits.constData(), size_t(size - 1));
    field[size - 1] = '\0';
}

QByteArray header(const QByteArray &name, qint64 size, int mode, char type)
{
    QByteArray h(512, '\0');
    char *p = h.data();
    std::memcpy(p, name.constData(), size_t(qMin<qsizetype>(name.size(), 99)));
    octal(p + 100, 8, mode);
    octal(p + 108, 8, 0); // uid root
    octal(p + 116, 8, 0); // gid root
    octal(p + 124, 12, size);
    octal(p + 136, 12, fixedTime);
    std::memset(p + 148, ' ', 8); // checksum field counts as spaces
    p[156] = type;
    std::memcpy(p + 257,
                "ustar\0"
                "00",
                8);
    std::memcpy(p + 265, "root", 4);
    std::memcpy(p + 297, "root", 4);
    unsigned sum = 0;
    for (int i = 0; i < 512; ++i)
        sum += static_cast<unsigned char>(h.at(i));
    const QByteArray digits = QByteArray::number(sum, 8).rightJustified(6, '0');
    std::memcpy(p + 148, digits.constData(), 6);
    p[154] = '\0';
    p[155] = ' ';
    return h;
}

} // namespace

QByteArray DemoDebPackage::tar(const QList<File> &files)
{
    QByteArray out;
    QSet<QString> directories;
    out += header("./", 0, 0755, '5');
    for (const File &f : files) {
        // Every parent directory once, before its files.
        const QStringList parts = f.path.split(u'/', Qt::SkipEmptyParts);
        QString dir;
        for (qsizetype i = 0; i + 1 < parts.size(); ++i) {
            dir += parts.at(i) + u'/';
            if (!directories.contains(dir)) {
                directories.insert(dir);
                out += header("./" + dir.toUtf8(), 0, 0755, '5');
            }
        }
        out += header("./" + f.path.toUtf8(), f.content.size(), f.mode, '0');
        out += f.content;
        out += QByteArray((512 - f.content.size() % 512) % 512, '\0');
    }
    out += QByteArray(1024, '\0'); // two empty blocks end the archive
    return out;
}

QByteArray DemoDebPackage::arMember(const QByteArray &name, const QByteArray &content)
{
    // name/16, mtime/12, uid/6, gid/6, mode/8 (octal), size/10, "`\n"
    QByteArray h = name.leftJustified(16, ' ');
    h += QByteArray::number(fixedTime).leftJustified(12, ' ');
    h += QByteArray("0").leftJustified(6, ' ');
    h += QByteArray("0").leftJustified(6, ' ');
    h += QByteArray("100644").leftJustified(8, ' ');
    h += QByteArray::number(content.size()).leftJustified(10, ' ');
    h += "`\n";
    QByteArray out = h + content;
    if (content.size() % 2)
        out += '\n';
    return out;
}

QByteArray DemoDebPackage::build(const QString &package, const QString &version,
                                 const QString &description, const QList<File> &files)
{
    qint64 installedKb = 0;
    for (const File &f : files)
        installedKb += (f.content.size() + 1023) / 1024;
    const QByteArray control = "Package: " + package.toUtf8() + "\nVersion: " + version.toUtf8()
        + "\nArchitecture: all\nMaintainer: AgentDesk demo site <demo@localhost>\n"
          "Installed-Size: "
        + QByteArray::number(installedKb)
        + "\nSection: admin\nPriority: optional\nDescription: " + description.toUtf8() + "\n";
    QByteArray out = "!<arch>\n";
    out += arMember("debian-binary", "2.0\n");
    out += arMember("control.tar", tar({ { u"control"_s, control, 0644 } }));
    out += arMember("data.tar", tar(files));
    return out;
}
