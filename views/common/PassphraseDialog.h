#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class PassphraseField;

// Asks for the passphrase of a signature key before signing agents or downloading the key;
// the context line says which key and what for. With stay-open on, it stays open until the
// request has ended: a refusal keeps the passphrase typed and says why, at the field when it
// is about the passphrase.
class PassphraseDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PassphraseDialog)

public:
    explicit PassphraseDialog(const QString &context, QWidget *parent = nullptr);

    // The passphrase as UTF-8, once; the receiver wipes it (PassphraseField::wipe or a
    // SecureBuffer).
    QByteArray takePassphrase();
    // A copy that leaves the field as it is (the dialog stays open until the request ended).
    // The receiver wipes it.
    QByteArray passphrase() const;
    PassphraseField *field() const { return m_field; }
    // On: OK emits submitted() and the dialog stays open until finish() says how it went.
    void setStayOpen(bool on) { m_stayOpen = on; }
    // The request ended: closes on success (the field is cleared); on failure keeps the input
    // and shows `problem` next to the passphrase (`atPassphrase`) or below the form.
    void finish(bool ok, const QString &problem, bool atPassphrase);
    void accept() override;

Q_SIGNALS:
    void submitted();

private:
    void setProblem(const QString &problem, bool atPassphrase);

    QLabel *m_context;
    PassphraseField *m_field;
    QLabel *m_fieldError;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    bool m_stayOpen = false;
    bool m_working = false;
};
