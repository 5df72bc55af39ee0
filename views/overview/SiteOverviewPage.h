#pragma once

#include <QWidget>

#include "SiteSummary.h"
#include "SiteVersion.h"

class QFormLayout;
class QLabel;
class QPushButton;

// The landing page of a connection: which site this is and how large its configuration is.
class SiteOverviewPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SiteOverviewPage)

public:
    explicit SiteOverviewPage(QWidget *parent = nullptr);

    void setNotConnected(const QString &reason);
    void setVersion(const SiteVersion &version, const QString &connectionName, const QString &url);
    void setSummary(const SiteSummary &summary);
    void setLoading(bool loading);
    // The embedded demo's users, shown with copy buttons so that every job (the registration
    // wizard and the agent updater's command line included) can be tried in the demo.
    // Hidden again for any other connection.
    void setDemoCredentials(const QString &automationUser, const QString &automationSecret,
                            const QString &webUser, const QString &webPassword);
    void clearDemoCredentials();
    QWidget *demoCredentialsBox() const { return m_demoBox; }

Q_SIGNALS:
    void refreshRequested();

private:
    QLabel *m_title;
    QLabel *m_state;
    QLabel *m_version;
    QLabel *m_edition;
    QLabel *m_url;
    QLabel *m_hosts;
    QLabel *m_folders;
    QLabel *m_sites;
    QLabel *m_tagGroups;
    QLabel *m_hostGroups;
    QLabel *m_pending;
    QPushButton *m_refresh;
    QWidget *m_details;
    QWidget *m_demoBox;
    QLabel *m_demoUser;
    QLabel *m_demoSecret;
    QLabel *m_demoWebUser;
    QLabel *m_demoPassword;
};
