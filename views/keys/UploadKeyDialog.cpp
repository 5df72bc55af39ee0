#include "UploadKeyDialog.h"

#include "DialogSubmission.h"
#include "FileDialogs.h"

#include "common/PassphraseField.h"

#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

UploadKeyDialog::UploadKeyDialog(QWidget *parent)
    : QDialog(parent)
    , m_fromFile(new QRadioButton(tr("From a &file"), this))
    , m_fromText(new QRadioButton(tr("&Pasted text"), this))
    , m_filePath(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_text(new QPlainTextEdit(this))
    , m_passphrase(new PassphraseField(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_banner(new ErrorBanner(this))
    , m_submission(new DialogSubmission(this, m_buttons->button(QDialogButtonBox::Ok), m_banner))
{
    setWindowTitle(tr("Upload signature key"));
    m_filePath->setObjectName(u"filePath"_s);
    m_text->setObjectName(u"pemText"_s);
    m_passphrase->setObjectName(u"passphrase"_s);
    m_text->setPlaceholderText(
        tr("-----BEGIN ENCRYPTED PRIVATE KEY-----\n…\n-----END ENCRYPTED PRIVATE KEY-----\n"
           "-----BEGIN CERTIFICATE-----\n…\n-----END CERTIFICATE-----"));
    m_text->setFont(QFont(u"monospace"_s));
    m_text->setMinimumHeight(140);
    m_banner->setObjectName(u"uploadProblem"_s);
    auto *passphraseError = new QLabel(this);
    passphraseError->setObjectName(u"uploadPassphraseError"_s);
    m_submission->addField(QString::fromLatin1(passphraseField), m_passphrase, passphraseError);
    m_submission->addPassphrase(m_passphrase);
    m_submission->setInputComplete([this] {
        const bool haveSource = m_fromFile->isChecked()
            ? !m_filePath->text().trimmed().isEmpty()
            : !m_text->toPlainText().trimmed().isEmpty();
        return haveSource && !m_passphrase->text().isEmpty();
    });
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Upload"));
    m_fromFile->setChecked(true);

    auto *intro = new QLabel(tr("Give the encrypted private key together with its certificate, "
                                "as the site's download hands them out."),
                             this);
    intro->setWordWrap(true);
    auto *fileRow = new QHBoxLayout;
    fileRow->addWidget(m_filePath, 1);
    fileRow->addWidget(m_browse);
    // The field with its message right below it; a layout needs the buddy set by hand.
    auto *passphraseColumn = new QVBoxLayout;
    passphraseColumn->setSpacing(2);
    passphraseColumn->addWidget(m_passphrase);
    passphraseColumn->addWidget(passphraseError);
    auto *passphraseLabel = new QLabel(tr("Pa&ssphrase:"), this);
    passphraseLabel->setBuddy(m_passphrase);
    auto *form = new QFormLayout;
    form->addRow(passphraseLabel, passphraseColumn);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_fromFile);
    layout->addLayout(fileRow);
    layout->addWidget(m_fromText);
    layout->addWidget(m_text);
    layout->addLayout(form);
    layout->addWidget(m_banner);
    layout->addWidget(m_buttons);

    connect(m_fromFile, &QRadioButton::toggled, this, &UploadKeyDialog::updateState);
    connect(m_filePath, &QLineEdit::textChanged, this, &UploadKeyDialog::updateState);
    connect(m_text, &QPlainTextEdit::textChanged, this, [this] {
        if (!m_text->toPlainText().isEmpty())
            m_fromText->setChecked(true);
        updateState();
    });
    connect(m_passphrase, &QLineEdit::textChanged, this, &UploadKeyDialog::updateState);
    connect(m_browse, &QPushButton::clicked, this, [this] {
        // Keys usually arrive as downloads; then the folder last used for keys.
        const QString path = FileDialogs::openFileName(
            this, u"key"_s, tr("Open signature key"),
            tr("PEM files (*.pem *.crt *.key);;All files (*)"), QStandardPaths::DownloadLocation);
        if (!path.isEmpty())
            setFilePath(path);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &UploadKeyDialog::accept);
    connect(m_submission, &DialogSubmission::submitted, this, &UploadKeyDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateState();
    setMinimumWidth(560);
}

QByteArray UploadKeyDialog::passphrase() const
{
    return m_passphrase->text().toUtf8();
}

void UploadKeyDialog::setStayOpen(bool on)
{
    m_submission->setStayOpen(on);
}

void UploadKeyDialog::setRemedies(ErrorBanner::Remedies remedies)
{
    m_submission->setRemedies(std::move(remedies));
}

void UploadKeyDialog::accept()
{
    // A file that cannot be read is said before anything is sent.
    QString error;
    if (pem(&error).isEmpty()) {
        m_submission->fail(ApiError::local(tr("The key was not uploaded"), error));
        return;
    }
    if (!m_submission->submit(tr("Uploading the key…")))
        QDialog::accept();
}

void UploadKeyDialog::finish(bool ok, const ApiError &error)
{
    if (ok)
        m_submission->succeed();
    else
        m_submission->fail(error, tr("The key was not uploaded."));
}

void UploadKeyDialog::setFilePath(const QString &path)
{
    m_fromFile->setChecked(true);
    m_filePath->setText(path);
}

void UploadKeyDialog::setPastedText(const QString &text)
{
    m_text->setPlainText(text);
    m_fromText->setChecked(true);
}

QByteArray UploadKeyDialog::pem(QString *error) const
{
    if (m_fromText->isChecked())
        return m_text->toPlainText().toLatin1();
    QFile file(m_filePath->text());
    if (QFileInfo(file).size() > maximumFileSize) {
        if (error)
            *error = tr("%1 is too large for a key file.").arg(file.fileName());
        return {};
    }
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = tr("Cannot read %1: %2").arg(file.fileName(), file.errorString());
        return {};
    }
    QByteArray bytes = file.read(maximumFileSize);
    if (bytes.isEmpty() && error)
        *error = tr("%1 is empty.").arg(file.fileName());
    return bytes;
}

QByteArray UploadKeyDialog::takePassphrase()
{
    return m_passphrase->takePassphrase();
}

void UploadKeyDialog::updateState()
{
    m_filePath->setEnabled(m_fromFile->isChecked());
    m_browse->setEnabled(m_fromFile->isChecked());
    if (!m_submission->isWorking())
        m_submission->clearProblem();
    m_submission->updateOk();
}
