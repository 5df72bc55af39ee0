#pragma once

#include <QList>
#include <QWidget>

#include "DistributedSite.h"
#include "SiteSetting.h"

class QLabel;
class QProgressBar;
class QPushButton;
class QTableWidget;

// The sites of a distributed set-up as the connected (central) site lists them: connection
// state, URL and version of each; the automatic-update settings globally and per site; and the
// activation of the pending changes on the sites the user ticks.
class SitesPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SitesPage)

public:
    enum SiteColumn {
        ActivateColumn,
        IdColumn,
        StateColumn,
        UrlColumn,
        CertificateColumn,
        VersionColumn,
        AliasColumn
    };
    enum SettingColumn { ScopeColumn, SettingNameColumn, ValueColumn, SourceColumn };

    explicit SitesPage(QWidget *parent = nullptr);

    void setNotConnected(const QString &reason);
    void setLoading(bool loading);
    void setSites(const QList<DistributedSite> &sites);
    void setSitesError(const QString &error);
    // "2.4.0p17 Enterprise"; or, with `why` set, "unknown" and why in the tooltip.
    void setVersion(const QString &site, const QString &text, const QString &why = {});
    // What the site's URL presented ("trusted", "not trusted", ...) with the details in the
    // tooltip; an untrusted one can be shown (Show certificate…) and trusted for that site.
    void setCertificate(const QString &site, const QString &text, const QString &detail,
                        bool untrusted);
    void setSettings(const QList<SiteSetting> &settings);
    void setSettingsError(const QString &error);
    void setPendingChanges(int count); // -1: not known
    void setActivation(bool running, const QString &text);
    void showMessage(const QString &text);

    QStringList checkedSites() const;
    void setChecked(const QString &site, bool checked);
    QTableWidget *siteTable() const { return m_sites; }
    QTableWidget *settingsTable() const { return m_settings; }
    QPushButton *activateButton() const { return m_activate; }
    QPushButton *showCertificateButton() const { return m_showCertificate; }
    QString selectedSite() const; // of the site table's current row; empty when none
    QLabel *messageLabel() const { return m_message; }
    // The setting of the selected row of the settings table; nullopt when none.
    std::optional<SiteSetting> selectedSetting() const;
    void selectSetting(const QString &site, const QString &varname);

    static QString settingTitle(const QString &varname);
    static QString valueText(const SiteSetting &setting);
    static QString stateText(DistributedSite::State state);

Q_SIGNALS:
    void refreshRequested();
    void activateRequested(const QStringList &sites);
    void editRequested(const SiteSetting &setting);
    void resetRequested(const SiteSetting &setting);
    void certificateRequested(const QString &site);

private:
    void updateButtons();

    QLabel *m_state;
    QTableWidget *m_sites;
    QLabel *m_pending;
    QPushButton *m_activate;
    QPushButton *m_showCertificate;
    QStringList m_untrusted; // sites whose URL presented a certificate not trusted
    QProgressBar *m_progress;
    QLabel *m_activationText;
    QTableWidget *m_settings;
    QPushButton *m_edit;
    QPushButton *m_reset;
    QPushButton *m_reload;
    QLabel *m_message;
    QList<SiteSetting> m_settingRows;
    int m_pendingCount = -1;
    bool m_running = false;
};
