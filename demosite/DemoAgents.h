#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

struct DemoKeyStore;

// The baked agents of the demo site: one agent configuration per group of hosts that share the
// same rules, each with its hash, package bytes and the signatures over them.
struct DemoAgents
{
    struct Signature
    {
        int keyId = 0;
        QByteArray certificatePem;
        QByteArray signature; // raw RSA signature
    };
    struct Agent
    {
        quint64 hash = 0;
        QString name; // which hosts it is for, e.g. "Linux web servers"
        QStringList osTypes;
        QByteArray package;
        QList<Signature> signatures;
    };

    QList<Agent> agents;
    int generation = 0; // bumped by every bake

    // The agent configuration a host belongs to, by its folder.
    static int configurationOf(const QString &folder);
    static QString configurationName(int configuration);
    static int configurationCount();

    // Bakes every configuration anew (new package bytes and hashes, no signatures).
    void bake(quint32 seed);
    // Signs every agent with the key; false with *error (a wrong passphrase: nothing signed).
    bool sign(const DemoKeyStore &keys, int keyId, const QByteArray &passphrase, QString *error);
    const Agent *find(quint64 hash) const;
};
