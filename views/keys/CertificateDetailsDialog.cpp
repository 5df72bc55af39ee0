#include "CertificateDetailsDialog.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include "DisplayText.h"

using namespace Qt::StringLiterals;

CertificateDetailsDialog::CertificateDetailsDialog(const CertificateSummary &certificate,
                                                   QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(
        tr("Certificate of %1").arg(DisplayText::sanitized(certificate.commonName, 100)));
    auto *form = new QFormLayout;
    const auto addRow
        = [this, form](const QString &label, const QString &value, bool monospace = false) {
              // Whatever the key's maker wrote: escaped and capped before it is shown.
              auto *field = new QLabel(DisplayText::sanitized(value, 1000), this);
              field->setTextFormat(Qt::PlainText);
              field->setTextInteractionFlags(Qt::TextSelectableByMouse);
              field->setWordWrap(true);
              if (monospace)
                  field->setFont(QFont(u"monospace"_s));
              form->addRow(label, field);
          };
    const auto date = [](const QDateTime &utc) {
        return utc.isValid() ? utc.toString(u"yyyy-MM-dd HH:mm:ss 'UTC'"_s) : QString();
    };
    addRow(tr("Common name:"), certificate.commonName);
    addRow(tr("Organization:"), certificate.organization);
    addRow(tr("Organizational unit:"), certificate.organizationalUnit);
    addRow(tr("Issuer:"), certificate.isSelfSigned ? tr("Self-signed") : certificate.issuer);
    addRow(tr("Serial number:"), certificate.serialNumberHex, true);
    addRow(tr("Valid from:"), date(certificate.notBefore));
    addRow(tr("Valid until:"), date(certificate.notAfter));
    addRow(tr("Key:"), tr("%1, %2 bits").arg(certificate.keyType).arg(certificate.keyBits));
    addRow(tr("Signature algorithm:"), certificate.signatureAlgorithm);
    addRow(tr("Key usage:"), certificate.keyUsage.join(u", "_s));
    addRow(tr("Certificate authority:"), certificate.isCa ? tr("Yes") : tr("No"));
    addRow(tr("MD5 digest:"), certificate.md5Digest, true);
    addRow(tr("SHA-256 fingerprint:"), certificate.sha256Fingerprint, true);

    auto *pem = new QPlainTextEdit(QString::fromLatin1(certificate.pem), this);
    pem->setObjectName(u"pem"_s);
    pem->setReadOnly(true);
    pem->setFont(QFont(u"monospace"_s));
    pem->setMinimumHeight(120);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *copy = buttons->addButton(tr("&Copy PEM"), QDialogButtonBox::ActionRole);
    connect(copy, &QPushButton::clicked, this, [certificate] {
        QApplication::clipboard()->setText(QString::fromLatin1(certificate.pem));
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(pem);
    layout->addWidget(buttons);
    setMinimumWidth(620);
}
