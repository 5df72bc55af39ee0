#pragma once

#include <QElapsedTimer>
#include <QHash>
#include <QPointer>
#include <QWidget>

#include <optional>

#include "ApiError.h"
#include "BakedAgent.h"
#include "SignDialog.h"

class ErrorBanner;
class QLabel;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTableWidget;
class QTimer;

// The baked agents with their signatures, and the baking job: Bake, Bake and sign, Sign, the
// job's log and elapsed time, and Verify, which checks a package's signatures offline.
class AgentsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentsPage)

public:
    explicit AgentsPage(QWidget *parent = nullptr);

    void setAgents(const QList<BakedAgent> &agents);
    // id -> alias of the site's keys, the keys the updater rules accept (preselected), and per
    // key the enabled rules that set accepted keys without it (signing with it is warned of).
    void setKeys(const QList<QPair<int, QString>> &keys, const QList<int> &accepted,
                 const QHash<int, QStringList> &refusingRules = {});
    void setJob(const BakingJob &job, qint64 elapsedMs);
    void setVerification(const QString &hash, const QStringList &lines, bool ok);
    // The signing request ended: the Sign dialog closes when it was accepted; when refused it
    // stays open with the key and passphrase typed and says why at the field the error names
    // (SignDialog::keyField, passphraseField) or with the fix at hand. Without a dialog
    // (signing started elsewhere) a refusal goes to the banner.
    void finishSign(bool ok, const ApiError &error);
    SignDialog *signDialog() const { return m_signDialog; }
    void showError(const ApiError &error, const QString &context = {});
    void showMessage(const QString &text);
    QString selectedHash() const;
    void clearVerification();
    // Asks before signing with a key some enabled rules do not accept (naming them); true when
    // there is nothing to ask or the user goes on.
    bool confirmSigningKey(int keyId);
    const QList<QPair<int, QString>> &keys() const { return m_keys; }
    // The text of the last question asked before baking or signing (tests).
    QString lastQuestion() const { return m_lastQuestion; }
    // Answers the next question before baking or signing without showing it (tests).
    static void setNextConfirmation(std::optional<bool> answer);

Q_SIGNALS:
    void refreshRequested();
    void bakeRequested();
    // The passphrase bytes live only while the signal is delivered: connect directly.
    void signRequested(int keyId, const QByteArray &passphrase, bool bake);
    void verifyRequested(const QString &hash);

private:
    void askBake();
    void askSign(bool bake);
    bool confirm(const QString &title, const QString &text, const QString &yes);

    QList<BakedAgent> m_agents;
    QList<QPair<int, QString>> m_keys;
    QList<int> m_accepted;
    QHash<int, QStringList> m_refusingRules;
    QString m_verifiedHash;
    QString m_lastQuestion;
    QPointer<SignDialog> m_signDialog;
    ErrorBanner *m_banner;
    QTableWidget *m_table;
    QPushButton *m_bake;
    QPushButton *m_bakeSign;
    QPushButton *m_sign;
    QPushButton *m_verify;
    QLabel *m_jobState;
    QProgressBar *m_jobProgress;
    QPlainTextEdit *m_log;
    QLabel *m_verdictTitle;
    QPlainTextEdit *m_verdicts;
};
