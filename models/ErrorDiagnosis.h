#pragma once

#include <QList>
#include <QRegularExpression>
#include <QString>

// Explains an updater error in words with what to do about it. The knowledge is a table of
// patterns over the real texts that cmk-update-agent and the site report.
class ErrorDiagnosis final
{
public:
    struct Diagnosis
    {
        QString id; // stable key, e.g. "signature"
        QString title;
        QString explanation;
        QString action; // what to do
    };
    struct Rule
    {
        QString id;
        QRegularExpression pattern;
        const char *title;
        const char *explanation;
        const char *action;
    };

    // The first rule whose pattern matches the error text wins; "unknown" when none does.
    static Diagnosis classify(const QString &errorText);
    static const QList<Rule> &rules();
};
