#pragma once

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class PassphraseField;

// Collects what a new signature key needs: description, passphrase (twice, at least 12
// characters, with a strength meter), the acknowledgement that it cannot be recovered, and
// where to keep a backup. Only collects; OK stays disabled until everything is valid.
class CreateKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CreateKeyDialog)

public:
    static constexpr int minimumPassphraseLength = 12; // what the site demands

    explicit CreateKeyDialog(QWidget *parent = nullptr);

    QString alias() const;
    QString backupPath() const;
    // UTF-8 of the passphrase, once; both fields are empty afterwards. The receiver wipes it.
    QByteArray takePassphrase();
    // A copy of the passphrase that leaves the fields as they are (the dialog stays open until
    // the key exists). The receiver wipes it.
    QByteArray passphrase() const;
    // On: OK emits submitted() and the dialog stays open until finish() says how it went.
    void setStayOpen(bool on) { m_stayOpen = on; }
    // The request ended: closes on success; on failure keeps every input and says why.
    void finish(bool ok, const QString &problem);
    void accept() override;
    // Where a backup goes when the user has not chosen: the folder last chosen for one, else the
    // Documents folder when it exists, else the home folder (a server often has no Documents).
    static QString defaultBackupFolder();

    // Empty when OK may be pressed; otherwise what is still missing (shown in the dialog).
    QString problem() const;
    // 0..4: too short, weak, fair, good, strong (length and character classes).
    static int strength(const QString &passphrase);

Q_SIGNALS:
    void submitted();

private:
    void updateState();
    void browseBackup();

    QLineEdit *m_alias;
    PassphraseField *m_passphrase;
    PassphraseField *m_repeat;
    QProgressBar *m_strength;
    QLabel *m_strengthText;
    QLabel *m_mismatch;
    QCheckBox *m_understood;
    QLineEdit *m_backupPath;
    QPushButton *m_browse;
    QLabel *m_problem;
    QDialogButtonBox *m_buttons;
    bool m_backupPathEdited = false;
    bool m_stayOpen = false;
    bool m_working = false;
    QString m_siteProblem;
};
