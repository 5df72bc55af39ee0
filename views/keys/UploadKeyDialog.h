#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class PassphraseField;

// Collects an existing signature key to upload: the PEM (encrypted private key and
// certificate) from a file or pasted, and its passphrase. Checking the key is not its job.
class UploadKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadKeyDialog)

public:
    static constexpr qint64 maximumFileSize = 1024 * 1024; // a key PEM is a few KiB

    explicit UploadKeyDialog(QWidget *parent = nullptr);

    void setFilePath(const QString &path);
    void setPastedText(const QString &text);
    // The PEM from the chosen source; empty with error set when the file cannot be read.
    QByteArray pem(QString *error = nullptr) const;
    QByteArray takePassphrase();
    // A copy that leaves the field as it is (the dialog stays open until the upload is done).
    QByteArray passphrase() const;
    // On: OK emits submitted() and the dialog stays open until finish() says how it went.
    void setStayOpen(bool on) { m_stayOpen = on; }
    // The request ended: closes on success; on failure keeps every input and says why.
    void finish(bool ok, const QString &problem);

Q_SIGNALS:
    void submitted();

private:
    void updateState();

    QRadioButton *m_fromFile;
    QRadioButton *m_fromText;
    QLineEdit *m_filePath;
    QPushButton *m_browse;
    QPlainTextEdit *m_text;
    PassphraseField *m_passphrase;
    QLabel *m_error;
    bool m_stayOpen = false;
    QDialogButtonBox *m_buttons;
};
