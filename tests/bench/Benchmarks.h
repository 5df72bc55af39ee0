#pragma once

#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QTextStream>

// The figures agentdesk-bench prints: one JSON object a line, {name, value, unit}.
inline void benchLine(QTextStream &out, const QString &name, double value, const QString &unit,
                      const QJsonObject &extra = {})
{
    QJsonObject o = extra;
    o.insert(QStringLiteral("name"), name);
    o.insert(QStringLiteral("value"), value);
    o.insert(QStringLiteral("unit"), unit);
    out << QString::fromUtf8(QJsonDocument(o).toJson(QJsonDocument::Compact)) << '\n';
    out.flush();
}
