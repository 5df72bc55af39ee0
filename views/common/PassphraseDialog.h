#pragma once

#include <QDialog>

#include "ApiError.h"
#include "ErrorBanner.h"

class DialogSubmission;
class QDialogButtonBox;
class QLabel;
class PassphraseField;

// Asks for the passphrase of a signature key before signing agents or downloading the key;
// the context line says which key and what for. With stay-open on, it stays open until the
// request has ended (DialogSubmission): a refusal keeps the passphrase typed and says why, at
// the field when it is about the passphrase, or with the fix of its cause at hand.
class PassphraseDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PassphraseDialog)

public:
    // The site's name of the passphrase in a refusal's fields.
    static constexpr const char *passphraseField = "passphrase";

    explicit PassphraseDialog(const QString &context, QWidget *parent = nullptr);

    // The passphrase as UTF-8, once; the receiver wipes it (PassphraseField::wipe or a
    // SecureBuffer).
    QByteArray takePassphrase();
    // A copy that leaves the field as it is (the dialog stays open until the request ended).
    // The receiver wipes it.
    QByteArray passphrase() const;
    PassphraseField *field() const { return m_field; }
    // On: OK emits submitted() and the dialog stays open until finish() says how it went.
    void setStayOpen(bool on);
    // The fixes the page's banner offers, offered here too.
    void setRemedies(ErrorBanner::Remedies remedies);
    // The request ended: closes on success (the field is cleared); on failure keeps the input
    // and shows the error next to the passphrase (when error.fields names it) or below the
    // form with the action that fixes it.
    void finish(bool ok, const ApiError &error = {});
    void accept() override;

Q_SIGNALS:
    void submitted();

private:
    QLabel *m_context;
    PassphraseField *m_field;
    QDialogButtonBox *m_buttons;
    ErrorBanner *m_banner;
    DialogSubmission *m_submission;
};
