#pragma once

#include <QLineEdit>

// A password line edit that hands its text out once, as UTF-8, and clears itself, so the
// passphrase does not linger in the widget. Views cannot use SecureBuffer (netclient); the
// receiver of the bytes moves them into one and wipes them.
class PassphraseField final : public QLineEdit
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PassphraseField)

public:
    explicit PassphraseField(QWidget *parent = nullptr);

    // The UTF-8 of the text; the field is empty afterwards.
    QByteArray takePassphrase();
    // Overwrites the bytes (if this is the only copy) and empties the array.
    static void wipe(QByteArray &bytes);
};
