#pragma once

#include <QDialog>

class PassphraseField;
class QComboBox;
class QLabel;

// Asks which key signs the agents and its passphrase (asked at every signing, never kept).
class SignDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignDialog)

public:
    // keys: id -> alias, in the site's order; preferred: the key to preselect (0: the first).
    SignDialog(const QList<QPair<int, QString>> &keys, int preferred, bool bake,
               QWidget *parent = nullptr);

    int keyId() const;
    // The passphrase once; the field is cleared. The caller wipes the bytes after use.
    QByteArray takePassphrase();

private:
    QComboBox *m_keys;
    PassphraseField *m_passphrase;
};
