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

    // Empty when OK may be pressed; otherwise what is still missing (shown in the dialog).
    QString problem() const;
    // 0..4: too short, weak, fair, good, strong (length and character classes).
    static int strength(const QString &passphrase);

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
};
