#pragma once

#include <QDialog>

class PassphraseField;
class QComboBox;
class QDialogButtonBox;
class QLabel;

// Asks which key signs the agents and its passphrase (asked at every signing, never kept).
// With stay-open on, it stays open until the site has answered: a refused request keeps the key
// and the passphrase typed and says why next to the field it concerns.
class SignDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignDialog)

public:
    // Where a refusal is shown.
    enum class Field { General, Key, Passphrase };

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
    void setStayOpen(bool on) { m_stayOpen = on; }
    // The request ended: closes on success (the passphrase is cleared); on failure keeps the
    // input and shows `problem` in words at `field`.
    void finish(bool ok, Field field, const QString &problem);
    void accept() override;

Q_SIGNALS:
    void submitted();

private:
    void setProblem(Field field, const QString &problem);
    void updateOk();

    QComboBox *m_keys;
    PassphraseField *m_passphrase;
    QLabel *m_keyError;
    QLabel *m_passphraseError;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    bool m_stayOpen = false;
    bool m_working = false;
};
