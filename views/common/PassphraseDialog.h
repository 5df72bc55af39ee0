#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class PassphraseField;

// Asks for the passphrase of a signature key before signing agents or downloading the key;
// the context line says which key and what for.
class PassphraseDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PassphraseDialog)

public:
    explicit PassphraseDialog(const QString &context, QWidget *parent = nullptr);

    // The passphrase as UTF-8, once; the receiver wipes it (PassphraseField::wipe or a
    // SecureBuffer).
    QByteArray takePassphrase();
    PassphraseField *field() const { return m_field; }

private:
    QLabel *m_context;
    PassphraseField *m_field;
    QDialogButtonBox *m_buttons;
};
