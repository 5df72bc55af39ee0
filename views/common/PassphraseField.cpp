#include "PassphraseField.h"

PassphraseField::PassphraseField(QWidget *parent)
    : QLineEdit(parent)
{
    setEchoMode(QLineEdit::Password); // also keeps the text out of the undo history
    setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
}

QByteArray PassphraseField::takePassphrase()
{
    QString text = this->text();
    QByteArray bytes = text.toUtf8();
    clear();
    // After clear() our copy is the only reference left, so the overwrite reaches the buffer
    // that held the text. (QLineEdit's own old buffer is freed by Qt without wiping.)
    if (text.isDetached()) {
        auto *chars = reinterpret_cast<volatile char16_t *>(text.data());
        for (qsizetype i = 0; i < text.size(); ++i)
            chars[i] = 0;
    }
    return bytes;
}

void PassphraseField::wipe(QByteArray &bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached()) {
        volatile char *data = bytes.data();
        for (qsizetype i = 0; i < bytes.size(); ++i)
            data[i] = 0;
    }
    bytes = QByteArray();
}
