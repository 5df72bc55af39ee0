#pragma once

#include <QDialog>

#include "ApiError.h"
#include "ErrorBanner.h"

class DialogSubmission;
class PassphraseField;
class QComboBox;
class QDialogButtonBox;
class QLabel;

// Asks which key signs the agents and its passphrase (asked at every signing, never kept).
// With stay-open on, it stays open until the site has answered (DialogSubmission): a refused
// request keeps the key and the passphrase typed and says why next to the field it concerns,
// or offers the fix of the cause ("Edit connection…", "Show certificate…", "Retry").
class SignDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignDialog)

public:
    // The site's names of the fields a refusal can be about.
    static constexpr const char *keyField = "key_id";
    static constexpr const char *passphraseField = "passphrase";

    // keys: id -> alias, in the site's order; preferred: the key to preselect (0: the first).
    SignDialog(const QList<QPair<int, QString>> &keys, int preferred, bool bake,
               QWidget *parent = nullptr);

    int keyId() const;
    // The passphrase once; the field is cleared. The caller wipes the bytes after use.
    QByteArray takePassphrase();
    // A copy of the passphrase that leaves the field as it is (the dialog stays open until the
    // site answered). The caller wipes the bytes after use.
    QByteArray passphrase() const;
    // On: OK emits submitted() and the dialog stays open until finish() says how it went.
    void setStayOpen(bool on);
    // The fixes the page's banner offers, offered here too.
    void setRemedies(ErrorBanner::Remedies remedies);
    // The request ended: closes on success (the passphrase is cleared); on failure keeps the
    // input and shows the error at the field it names (error.fields: keyField,
    // passphraseField), or below the form with the action that fixes it.
    void finish(bool ok, const ApiError &error = {});
    void accept() override;

Q_SIGNALS:
    void submitted();

private:
    QComboBox *m_keys;
    PassphraseField *m_passphrase;
    QDialogButtonBox *m_buttons;
    ErrorBanner *m_banner;
    DialogSubmission *m_submission;
};
