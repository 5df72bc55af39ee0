#include "RegistrationWizard.h"

#include <QApplication>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QTimer>

#include "ErrorBanner.h"
#include "RegistrationCredentialsPage.h"
#include "RegistrationHostPage.h"
#include "RegistrationResultPage.h"
#include "RegistrationServerPage.h"
#include "RegistrationSummaryPage.h"

using namespace Qt::StringLiterals;

RegistrationWizard::RegistrationWizard(QWidget *parent)
    : QWizard(parent)
    , m_server(new RegistrationServerPage)
    , m_host(new RegistrationHostPage)
    , m_credentials(new RegistrationCredentialsPage)
    , m_summary(new RegistrationSummaryPage)
    , m_result(new RegistrationResultPage)
{
    setWindowTitle(tr("Register this machine for automatic updates"));
    setWizardStyle(QWizard::ClassicStyle);
    setOption(QWizard::NoBackButtonOnLastPage);
    setPage(ServerPage, m_server);
    setPage(HostPage, m_host);
    setPage(CredentialsPage, m_credentials);
    setPage(SummaryPage, m_summary);
    setPage(ResultPage, m_result);
    setMinimumSize(640, 520);

    // After a page switch the keyboard belongs in the page's first input. QWizard's own choice
    // is undone by the same hide/show as above (the focus lands outside the wizard), and on the
    // credentials page the wanted input is not the first child anyway. Queued: the switch moves
    // the focus after emitting currentIdChanged.
    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        // Back on the first page, the suggestion of the rule for the host typed since applies.
        if (id == ServerPage)
            applySuggestion();
        updateRuleHint();
        QTimer::singleShot(0, this, [this, id] {
            QWizardPage *page = currentPage();
            if (currentId() != id || !page)
                return;
            if (id == CredentialsPage) {
                m_credentials->focusFirstInput();
                return;
            }
            const QWidget *focus = QApplication::focusWidget();
            if (focus && page->isAncestorOf(focus))
                return;
            for (QLineEdit *edit : page->findChildren<QLineEdit *>()) {
                if (edit->isVisible() && edit->isEnabled()) {
                    edit->setFocus(Qt::TabFocusReason);
                    return;
                }
            }
        });
    });
    connect(m_server, &RegistrationServerPage::checkRequested, this,
            [this] { Q_EMIT checkConnectionRequested(request()); });
    connect(m_host, &RegistrationHostPage::hostNameChanged, this,
            &RegistrationWizard::hostNameChanged);
    connect(m_credentials, &RegistrationCredentialsPage::storedSecretRequested, this,
            &RegistrationWizard::storedSecretRequested);
    connect(m_credentials, &RegistrationCredentialsPage::credentialsEntered, this, [this] {
        m_summary->setHostCheck({ HostCheck::State::Checking, {} });
        Q_EMIT hostCheckRequested(request());
    });
}

QString RegistrationWizard::helpTopic(int pageId)
{
    switch (pageId) {
    case ServerPage:
        return u"register/server"_s;
    case HostPage:
        return u"register/host"_s;
    case CredentialsPage:
        return u"register/credentials"_s;
    case SummaryPage:
        return u"register/summary"_s;
    case ResultPage:
        return u"register/result"_s;
    default:
        return u"register"_s;
    }
}

QString RegistrationWizard::helpTopic() const
{
    // Before the first show no page is current: it will be the start page.
    return helpTopic(currentId() < 0 ? startId() : currentId());
}

RegistrationWizard::~RegistrationWizard() = default;

void RegistrationWizard::emitCompleteChanged(QWizardPage *page)
{
    QPointer<QWidget> focus = QApplication::focusWidget();
    Q_EMIT page->completeChanged();
    if (focus && focus != QApplication::focusWidget() && focus->isVisible() && focus->isEnabled())
        focus->setFocus(Qt::OtherFocusReason);
}

RegistrationRequest RegistrationWizard::request() const
{
    RegistrationRequest r;
    m_server->fill(r);
    r.hostName = m_host->hostName();
    m_credentials->fill(r);
    r.stateFilePath = m_summary->stateFilePath();
    return r;
}

QByteArray RegistrationWizard::secret() const
{
    return m_credentials->secret();
}

void RegistrationWizard::setKnownConnections(const QList<SiteConnection> &connections)
{
    m_connections = connections;
}

void RegistrationWizard::setDefaultHostName(const QString &name)
{
    m_host->setDefaultHostName(name);
}

void RegistrationWizard::setActiveConnection(const SiteConnection &connection)
{
    m_active = connection;
    applySuggestion();
}

void RegistrationWizard::setRuleServer(const QString &server, const QString &site, bool https)
{
    m_ruleServer = server;
    m_ruleSite = site;
    m_ruleHttps = https;
    applySuggestion();
}

void RegistrationWizard::applySuggestion()
{
    updateRuleHint();
    if (currentId() > ServerPage)
        return; // the first page is checked and passed; the host page's hint says it
    if (!m_ruleServer.isEmpty())
        m_server->suggest(m_ruleServer, m_ruleSite, m_ruleHttps);
    else
        m_server->suggest(m_active.server, m_active.site,
                          m_active.protocol == SiteConnection::Protocol::Https);
}

void RegistrationWizard::setSetupSites(const QList<DistributedSite> &sites, const QString &localUrl)
{
    m_setupSites = sites;
    m_setupLocalUrl = localUrl;
    m_server->setSetupSites(sites, localUrl);
}

void RegistrationWizard::updateRuleHint()
{
    RegistrationRequest shown;
    m_server->fill(shown);
    const bool differs = !m_ruleServer.isEmpty()
        && (shown.server.compare(m_ruleServer, Qt::CaseInsensitive) != 0
            || (!m_ruleSite.isEmpty() && shown.site != m_ruleSite));
    if (!differs || currentId() <= ServerPage) {
        m_host->setRuleHint({});
        return;
    }
    m_host->setRuleHint(tr("The agent updater rule for host %1 names the update server %2 "
                           "(site %3), not %4 as on the first page. Go back to register "
                           "there.")
                            .arg(m_host->hostName(), m_ruleServer,
                                 m_ruleSite.isEmpty() ? tr("not set") : m_ruleSite,
                                 shown.server.isEmpty() ? tr("no server") : shown.server));
}

void RegistrationWizard::setStateFilePath(const QString &path, bool isDefaultLocation)
{
    m_summary->setStateFilePath(path, isDefaultLocation);
}

void RegistrationWizard::setConnectionCheckResult(const TlsCheckResult &result)
{
    m_server->setCheckResult(result);
}

void RegistrationWizard::setHostCheck(const HostCheck &check)
{
    m_summary->setHostCheck(check);
}

void RegistrationWizard::setStoredSecret(const QByteArray &secret)
{
    m_credentials->setStoredSecret(secret);
}

void RegistrationWizard::setStoredSecretError(const QString &reason)
{
    m_credentials->setStoredSecretError(reason);
}

void RegistrationWizard::setRegistrationResult(const RegistrationReport &report)
{
    m_registered = true;
    m_summary->setBusy(false);
    m_result->setReport(report);
    if (currentId() == SummaryPage)
        next();
}

void RegistrationWizard::setRegistrationError(const ApiError &error, const QString &context,
                                              Fix fix)
{
    m_summary->setError(error, context);
    ErrorBanner *banner = m_summary->errorBanner();
    switch (fix) {
    case Fix::None:
        break;
    case Fix::Credentials:
        banner->addAction(tr("Edit credentials…"),
                          [this] { goBackTo(CredentialsPage, m_credentials->secretEdit()); });
        break;
    case Fix::Site:
        banner->addAction(tr("Edit site…"), [this] { goBackTo(ServerPage, m_server->siteEdit()); });
        break;
    case Fix::Certificate:
        banner->addAction(tr("Show certificate…"), [this] {
            goBackTo(ServerPage, m_server->serverEdit());
            m_server->checkButton()->click();
        });
        break;
    }
}

void RegistrationWizard::goBackTo(int id, QWidget *focus)
{
    while (currentId() > id)
        back();
    // After the page switch's own focus choice (queued in currentIdChanged).
    QTimer::singleShot(0, focus, [focus] {
        focus->setFocus(Qt::OtherFocusReason);
        if (auto *edit = qobject_cast<QLineEdit *>(focus))
            edit->selectAll();
    });
}
