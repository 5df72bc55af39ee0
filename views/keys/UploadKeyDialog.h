#pragma once

#include <QDialog>

#include "ApiError.h"
#include "ErrorBanner.h"

class DialogSubmission;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QPushButton;
class QRadioButton;
class PassphraseField;

// Collects an existing signature key to upload: the PEM (encrypted private key and
// certificate) from a file or pasted, and its passphrase. Checking the key is not its job.
// It stays open until the upload is done (DialogSubmission): a refusal keeps every input and
// says why at the field it concerns, or offers the fix of its cause.
class UploadKeyDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UploadKeyDialog)

public:
    static constexpr qint64 maximumFileSize = 1024 * 1024; // a key PEM is a few KiB
    // The name of the passphrase in a refusal's fields (the site's, and the local check's).
    static constexpr const char *passphraseField = "passphrase";

    explicit UploadKeyDialog(QWidget *parent = nullptr);

    void setFilePath(const QString &path);
    void setPastedText(const QString &text);
    // The PEM from the chosen source; empty with error set when the file cannot be read.
    QByteArray pem(QString *error = nullptr) const;
    QByteArray takePassphrase();
    // A copy that leaves the field as it is (the dialog stays open until the upload is done).
    QByteArray passphrase() const;
    // On: OK emits submitted() and the dialog stays open until finish() says how it went.
    void setStayOpen(bool on);
    // The fixes the page's banner offers, offered here too.
    void setRemedies(ErrorBanner::Remedies remedies);
    // The request ended: closes on success; on failure keeps every input and shows the error at
    // the passphrase (when error.fields names it) or below the form with the fix at hand.
    void finish(bool ok, const ApiError &error = {});
    void accept() override;

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
    QDialogButtonBox *m_buttons;
    ErrorBanner *m_banner;
    DialogSubmission *m_submission;
};
