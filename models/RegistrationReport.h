#pragma once

#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include "CertificateDetails.h"

// What a finished registration leaves for the user to see: never the host secret itself, only
// its masked form and the fact that it has the expected length.
struct RegistrationReport
{
    QString hostName;
    QString maskedHostSecret; // "abcd••••••••wxyz"
    int hostSecretLength = 0;
    bool monitored = true; // false: the host is not yet in the activated configuration
    QString updateUrl;
    QList<CertificateDetails> siteCertificates; // stored as local certificates
    QStringList droppedCertificates; // sent by the site but not kept: "subject: reason"
    QString stateFilePath; // where the state file was written
    bool stateFileAtDefault = true; // false: the user must move it to /etc/cmk-update-agent.state
    QString moveInstructions; // shell lines to put it in place, when not at the default

    // Shows the first and last four characters only: enough to compare, not enough to use.
    static QString mask(const QString &secret);
};

Q_DECLARE_METATYPE(RegistrationReport)
