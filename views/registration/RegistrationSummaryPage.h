#pragma once

#include <QWizardPage>

#include "ApiError.h"

class ErrorBanner;
class QLabel;
class QLineEdit;
class QPushButton;
struct HostCheck;

// Page 4: what will happen, the equivalent cmk-update-agent command line (never the secret),
// the host check, where the state file goes; "Register" sends the request.
class RegistrationSummaryPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RegistrationSummaryPage)

public:
    explicit RegistrationSummaryPage(QWidget *parent = nullptr);

    void initializePage() override;
    bool validatePage() override;
    void setHostCheck(const HostCheck &check);
    void setStateFilePath(const QString &path, bool isDefaultLocation);
    QString stateFilePath() const;
    void setError(const ApiError &error, const QString &context);
    void setBusy(bool busy);

    QLabel *summaryLabel() const { return m_summary; }
    QLabel *commandLineLabel() const { return m_commandLine; }
    QLabel *hostCheckLabel() const { return m_hostCheck; }
    QLabel *updateSiteLabel() const { return m_updateSite; }
    ErrorBanner *errorBanner() const { return m_banner; }

private:
    QLabel *m_summary;
    QLabel *m_commandLine;
    QLabel *m_hostCheck;
    QLabel *m_updateSite;
    QLineEdit *m_statePath;
    QPushButton *m_choosePath;
    QLabel *m_stateHint;
    ErrorBanner *m_banner;
    bool m_busy = false;
};
