#pragma once

#include <QWizardPage>

#include "DistributedSite.h"
#include "RegistrationRequest.h"
#include "TlsCheckResult.h"

class CertificateChainView;
class QButtonGroup;
class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;

// Page 1: where the site is, and whether its certificate is trusted. "Check connection" shows
// the chain; an untrusted one can be trusted as a local certificate or skipped with a warning.
class RegistrationServerPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationServerPage)

public:
    explicit RegistrationServerPage(QWidget *parent = nullptr);

    void fill(RegistrationRequest &request) const;
    void setCheckResult(const TlsCheckResult &result);
    // Fills in a site the user has not typed over yet (from the active connection or the
    // agent updater rule's update server).
    void suggest(const QString &server, const QString &site, bool https);
    // The sites of the connected set-up: a host may register at any of them it can reach. The
    // local site is `localUrl` ({protocol}://{server}/{site}/check_mk/).
    void setSetupSites(const QList<DistributedSite> &sites, const QString &localUrl);
    QComboBox *setupSitesBox() const { return m_setupSites; }
    // The saved connection whose pinned certificate the check found, or empty.
    QString pinnedBy() const { return m_pinnedBy; }
    bool isComplete() const override;
    bool validatePage() override;

    QLineEdit *serverEdit() const { return m_serverEdit; }
    QLineEdit *siteEdit() const { return m_siteEdit; }
    QPushButton *checkButton() const { return m_check; }
    QRadioButton *trustButton() const { return m_trust; }
    QRadioButton *insecureButton() const { return m_insecure; }

Q_SIGNALS:
    void checkRequested();

private:
    void inputChanged();
    void startCheck(bool thenAdvance);
    void updateTrustWarning();

    void chooseSetupSite(int index);

    QComboBox *m_setupSites;
    QLabel *m_setupSitesLabel;
    QLineEdit *m_serverEdit;
    QLineEdit *m_siteEdit;
    QComboBox *m_protocol;
    QPushButton *m_check;
    QLabel *m_status;
    CertificateChainView *m_chainView;
    QWidget *m_trustBox;
    QRadioButton *m_trust;
    QRadioButton *m_insecure;
    QButtonGroup *m_trustGroup;
    QLabel *m_insecureWarning;
    TlsCheckResult m_result;
    QString m_pinnedBy;
    QString m_pinnedForSite; // set when the pin is the one for this site (Sites page)
    bool m_checked = false;
    bool m_suggesting = false;
    bool m_advanceAfterCheck = false;
    bool m_checkHadFocus = false;
    bool m_typed = false; // the user changed the site: suggestions no longer overwrite it
};
