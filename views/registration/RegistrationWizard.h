#pragma once

#include <QList>
#include <QWizard>

#include <functional>

#include "ApiError.h"
#include "DistributedSite.h"
#include "RegistrationReport.h"
#include "RegistrationRequest.h"
#include "SiteConnection.h"
#include "TlsCheckResult.h"

class RegistrationServerPage;
class RegistrationHostPage;
class RegistrationCredentialsPage;
class RegistrationSummaryPage;
class RegistrationResultPage;

// What the site said about the host name before registering.
struct HostCheck
{
    enum class State { Unknown, Checking, Exists, Missing };
    State state = State::Unknown;
    QString message;
};

// Registers this machine for automatic updates in five pages: server (and its certificate),
// host, credentials, summary (then Register), result. Keeps the answers in a RegistrationRequest;
// asks the app for everything that needs the network through signals, and is answered through
// the setters. Holds the secret only in its line edit until the wizard is closed.
class RegistrationWizard final : public QWizard
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationWizard)
    // The help topic of the page in view, for F1 (the main window asks a page for it).
    Q_PROPERTY(QString helpTopic READ helpTopic)

public:
    enum PageId { ServerPage, HostPage, CredentialsPage, SummaryPage, ResultPage };

    explicit RegistrationWizard(QWidget *parent = nullptr);
    ~RegistrationWizard() override;

    // The answers so far.
    RegistrationRequest request() const;
    // The secret or password as typed; the caller wipes its copy after use.
    QByteArray secret() const;

    void setKnownConnections(const QList<SiteConnection> &connections);
    const QList<SiteConnection> &knownConnections() const { return m_connections; }
    void setDefaultHostName(const QString &name);
    // Suggestions for the first page, unless the user typed over them: the agent updater rule's
    // update server wins over the active connection, as it is where the updater will ask. The
    // rule server is the one of the rule effective for the host name on the host page (see
    // hostNameChanged()); once the first page is passed it is not changed behind the user's
    // back (its certificate check would no longer hold): the host page says so instead.
    void setActiveConnection(const SiteConnection &connection);
    void setRuleServer(const QString &server, const QString &site, bool https);
    void setStateFilePath(const QString &path, bool isDefaultLocation);
    // Distributed monitoring: the sites of the connected set-up (the local one at `localUrl`),
    // and which site monitors a host (empty when not known). A host gets its updates from the
    // site that monitors it; the summary says which one that will be.
    void setSetupSites(const QList<DistributedSite> &sites, const QString &localUrl);
    const QList<DistributedSite> &setupSites() const { return m_setupSites; }
    QString setupLocalUrl() const { return m_setupLocalUrl; }
    using MonitoringSiteLookup = std::function<QString(const QString &hostName)>;
    void setMonitoringSiteLookup(MonitoringSiteLookup lookup)
    {
        m_monitoringSite = std::move(lookup);
    }
    QString monitoringSiteOf(const QString &hostName) const
    {
        return m_monitoringSite ? m_monitoringSite(hostName) : QString();
    }

    // Answers to the signals.
    void setConnectionCheckResult(const TlsCheckResult &result);
    void setHostCheck(const HostCheck &check);
    void setStoredSecret(const QByteArray &secret);
    void setStoredSecretError(const QString &reason);
    void setRegistrationResult(const RegistrationReport &report);
    // What the summary's error offers as the fix, next to the message: back to the page where
    // the wrong input is, with the keyboard there (or the certificate check started).
    enum class Fix { None, Credentials, Site, Certificate };
    void setRegistrationError(const ApiError &error, const QString &context, Fix fix = Fix::None);

    bool isRegistered() const { return m_registered; }
    // Each page has help of its own ("register/server", "register/host", ...): F1 shows the
    // help of the page in view, not one text for the whole wizard.
    static QString helpTopic(int pageId);
    QString helpTopic() const;

    // Pages emit completeChanged() through this. QWizard hides and shows its page area on every
    // completeChanged() (to avoid flicker), and hiding the area moves the keyboard focus out of
    // it: typing "my-server" left "m" in the field and the focus on the next widget. The focus
    // goes back where the user was typing.
    static void emitCompleteChanged(QWizardPage *page);
    RegistrationServerPage *serverPage() const { return m_server; }
    RegistrationHostPage *hostPage() const { return m_host; }
    RegistrationCredentialsPage *credentialsPage() const { return m_credentials; }
    RegistrationSummaryPage *summaryPage() const { return m_summary; }
    RegistrationResultPage *resultPage() const { return m_result; }

Q_SIGNALS:
    void checkConnectionRequested(const RegistrationRequest &request);
    void hostCheckRequested(const RegistrationRequest &request);
    void storedSecretRequested(const QString &connectionName);
    void registerRequested(const RegistrationRequest &request);
    // The host name on the host page changed (typed, or pre-filled): the rule effective for it
    // may name another update server.
    void hostNameChanged(const QString &hostName);

private:
    friend class RegistrationSummaryPage;
    QList<SiteConnection> m_connections;
    QList<DistributedSite> m_setupSites;
    QString m_setupLocalUrl;
    MonitoringSiteLookup m_monitoringSite;
    RegistrationServerPage *m_server;
    RegistrationHostPage *m_host;
    RegistrationCredentialsPage *m_credentials;
    RegistrationSummaryPage *m_summary;
    RegistrationResultPage *m_result;
    void applySuggestion();
    void goBackTo(int id, QWidget *focus);
    void updateRuleHint();

    SiteConnection m_active;
    QString m_ruleServer;
    QString m_ruleSite;
    bool m_ruleHttps = true;
    bool m_registered = false;
};
