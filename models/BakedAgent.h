#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

// One baked agent configuration as the site lists it, with the signatures over its package.
struct BakedAgent
{
    struct Signature
    {
        int keyId = 0;
        QString md5Digest;
        QByteArray certificatePem; // extension fields: present when the site sends them
        QByteArray signatureBase64;
    };
    QString hash; // 16 hex digits
    QString name;
    QStringList osTypes;
    int hosts = -1; // hosts that use it; -1 when unknown
    // The names of those hosts, where the site lists them (an extension field); the keys they
    // accept decide whether they take the agent's signatures.
    QStringList hostNames;
    bool hostNamesKnown = false;
    QList<Signature> signatures;
    // False when the site does not list signatures (a stock site: an extension field).
    bool signaturesKnown = true;
};

// The state of the site's baking job, as baking_status reports it.
struct BakingJob
{
    QString state; // initialized, running, finished
    double started = 0; // epoch seconds
    double progress = -1; // 0..1, -1 when unknown
    QStringList log;
};
