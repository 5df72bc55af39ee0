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
};
