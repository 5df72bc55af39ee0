#include "ErrorDiagnosis.h"

#include <QCoreApplication>

using namespace Qt::StringLiterals;

namespace {
QRegularExpression re(const QString &pattern)
{
    return QRegularExpression(pattern, QRegularExpression::CaseInsensitiveOption);
}
} // namespace

const QList<ErrorDiagnosis::Rule> &ErrorDiagnosis::rules()
{
    static const QList<Rule> table = {
        { u"globally-disabled"_s, re(u"deployment is currently globally disabled"_s),
          QT_TRANSLATE_NOOP("ErrorDiagnosis", "Automatic updates are switched off"),
          QT_TRANSLATE_NOOP(
              "ErrorDiagnosis",
              "The site answers every update check with \"deployment is currently globally "
              "disabled\": the master switch \"Activation of automatic agent updates\" is off."),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "Turn the master switch on (Setup page) once the prerequisites are "
                            "met, then activate the changes.") },
        { u"host-disabled"_s, re(u"agent updates are disabled for host"_s),
          QT_TRANSLATE_NOOP("ErrorDiagnosis", "Left out by the host selection"),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "The host selection of the automatic updates does not pick this host, "
                            "so the site refuses to hand it an agent."),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "Add the host to the host selection (use \"Test with this host name\" "
                            "to see which condition leaves it out) and activate the changes.") },
        { u"signature"_s,
          re(u"no valid signature|signature.*(invalid|not valid|verif)|certificate (is )?unknown|unknown certificate"_s),
          QT_TRANSLATE_NOOP("ErrorDiagnosis", "No valid signature"),
          QT_TRANSLATE_NOOP(
              "ErrorDiagnosis",
              "The updater installs only packages signed by one of the keys it accepts. The "
              "package it got carries no signature of such a key (or only one of an expired key)."),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "Sign the agents with a key of the rule's \"Accepted signature keys\" "
                            "(Setup page, Edit rule; in Checkmk \"Signature keys the agent will "
                            "accept\"), or tick the signing key there; bake and sign again.") },
        { u"not-registered"_s,
          re(u"not (yet )?registered|no host secret|missing host secret|host secret (is )?(missing|invalid)|register (first|this host)"_s),
          QT_TRANSLATE_NOOP("ErrorDiagnosis", "Not registered"),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "The site does not know a host secret for this host, so it cannot "
                            "trust the updater's requests."),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "Register the host: on the host run \"cmk-update-agent register\" (or "
                            "use AgentDesk's Register page there).") },
        { u"deploy-404"_s,
          re(u"(HTTP Error 404|404 Client Error|404: Not Found).*|deploy_agent\\.py.*404"_s),
          QT_TRANSLATE_NOOP("ErrorDiagnosis", "The deploy URL does not exist (404)"),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "The updater reached a web server, but not a Checkmk site with that "
                            "name: deploy_agent.py answered 404. The server or site in the agent "
                            "updater rule is wrong, or the site was renamed."),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "Correct \"Update server\" and its site in the agent updater rule "
                            "(Setup page, Edit rule), bake and sign, and let the host update once "
                            "by hand (cmk-update-agent -v).") },
        { u"tls"_s,
          re(u"certificate verify failed|CERTIFICATE_VERIFY_FAILED|SSL: |SSLError|self[- ]signed certificate|unable to get local issuer certificate"_s),
          QT_TRANSLATE_NOOP("ErrorDiagnosis", "TLS certificate not trusted"),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "The updater could not verify the site's HTTPS certificate against the "
                            "CAs it knows."),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "Add the root CA of the site's certificate to the rule's \"CA "
                            "certificates\" (Setup page, Edit rule; in Checkmk \"Certificates for "
                            "HTTPS verification\"), not the site's own leaf certificate. Bake and "
                            "sign again.") },
        { u"noexec-tmp"_s, re(u"failed to map segment from shared object"_s),
          QT_TRANSLATE_NOOP("ErrorDiagnosis", "/tmp is mounted noexec"),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "The packaged updater unpacks itself to a temporary directory and runs "
                            "from there; on this host that directory is mounted with noexec."),
          QT_TRANSLATE_NOOP(
              "ErrorDiagnosis",
              "Set TMPDIR to an executable directory in the \"Installation paths for agent files "
              "(Linux, UNIX)\" rule, or use the Python script edition of the updater.") },
        { u"prelink"_s, re(u"Cannot open self"_s),
          QT_TRANSLATE_NOOP("ErrorDiagnosis", "Damaged by prelink"),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "prelink rewrote the packaged updater binary, which then cannot read "
                            "its own archive (\"Cannot open self\")."),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "Add a blacklist entry for the updater binary to /etc/prelink.conf "
                            "(e.g. \"-b /usr/bin/cmk-update-agent\") and reinstall the agent.") },
        { u"selinux-rpm"_s,
          re(u"rpm.*(lock|transaction).*Permission denied|avc:\\s+denied|SELinux is preventing"_s),
          QT_TRANSLATE_NOOP("ErrorDiagnosis", "rpm refused under SELinux"),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "rpm works when run by hand but fails when the updater runs it as an "
                            "agent plug-in: SELinux confines the plug-in's context."),
          QT_TRANSLATE_NOOP("ErrorDiagnosis",
                            "Allow the updater's context to run rpm with a local SELinux policy "
                            "module (audit2allow on the logged denials), or run the updater from "
                            "cron instead of as a plug-in.") },
    };
    return table;
}

ErrorDiagnosis::Diagnosis ErrorDiagnosis::classify(const QString &errorText)
{
    const auto tr = [](const char *text) {
        return QCoreApplication::translate("ErrorDiagnosis", text);
    };
    for (const Rule &rule : rules()) {
        if (rule.pattern.match(errorText).hasMatch())
            return { rule.id, tr(rule.title), tr(rule.explanation), tr(rule.action) };
    }
    return { u"unknown"_s, tr("Unrecognised error"),
             tr("AgentDesk does not know this error. The updater reported:\n%1").arg(errorText),
             tr("Run \"cmk-update-agent -v\" on the host to see the whole output.") };
}
