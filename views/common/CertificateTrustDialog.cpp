#include "CertificateTrustDialog.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPushButton>
#include <QTextBrowser>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "DisplayText.h"

using namespace Qt::StringLiterals;

CertificateTrustDialog::CertificateTrustDialog(const QString &siteLabel, const ApiError &error,
                                               QWidget *parent)
    : QDialog(parent)
    , m_error(error)
    , m_chain(new QTreeWidget(this))
    , m_details(new QTextBrowser(this))
    , m_confirm(new QCheckBox(this))
    , m_trust(new QPushButton(tr("&Trust this certificate"), this))
    , m_insecure(new QPushButton(tr("Connect &without verification"), this))
{
    setWindowTitle(tr("Untrusted certificate"));
    setObjectName(u"certificateTrustDialog"_s);
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    intro->setText(tr("The certificate of %1 could not be verified: %2\n\nCheck the SHA-256 "
                      "fingerprint with the site's administrator before you trust it.")
                       .arg(siteLabel, error.tlsErrors.join(u"; "_s)));

    m_chain->setHeaderLabels({ tr("Certificate"), tr("Valid until") });
    m_chain->setRootIsDecorated(false);
    m_chain->header()->setStretchLastSection(false);
    m_chain->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_chain->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_chain->setMaximumHeight(110);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (int i = 0; i < error.certificateChain.size(); ++i) {
        const CertificateDetails &c = error.certificateChain.at(i);
        QString role = i == 0 ? tr("server") : (c.isSelfSigned ? tr("root") : tr("intermediate"));
        if (i == 0 && c.isSelfSigned)
            role = tr("server, self-signed");
        auto *item = new QTreeWidgetItem(
            m_chain,
            { u"%1 (%2)"_s.arg(DisplayText::sanitized(c.subject, 300), role),
              QLocale().toString(c.notAfter.toLocalTime(), QLocale::ShortFormat) });
        if (!c.isValidAt(now))
            item->setForeground(1, QColor(0x8a, 0x1c, 0x12));
    }
    m_details->setOpenLinks(false);
    m_details->setMinimumHeight(170);

    m_confirm->setText(
        tr("I have checked the fingerprint and trust this certificate for this site"));
    m_confirm->setObjectName(u"confirmTrust"_s);
    m_trust->setObjectName(u"trustButton"_s);
    m_insecure->setObjectName(u"insecureButton"_s);
    m_trust->setEnabled(false);
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_trust, QDialogButtonBox::AcceptRole);
    buttons->addButton(m_insecure, QDialogButtonBox::ActionRole);
    QPushButton *refuse = buttons->addButton(tr("&Refuse"), QDialogButtonBox::RejectRole);
    refuse->setDefault(true);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_chain);
    layout->addWidget(m_details, 1);
    layout->addWidget(m_confirm);
    layout->addWidget(buttons);
    resize(680, 520);

    connect(m_chain, &QTreeWidget::currentItemChanged, this,
            [this] { showCertificate(m_chain->indexOfTopLevelItem(m_chain->currentItem())); });
    connect(m_confirm, &QCheckBox::toggled, m_trust, &QPushButton::setEnabled);
    connect(m_trust, &QPushButton::clicked, this, [this] {
        m_choice = Choice::TrustCertificate;
        accept();
    });
    connect(m_insecure, &QPushButton::clicked, this, [this] {
        const auto answer = QMessageBox::warning(
            this, tr("Connect without verification?"),
            tr("Without verification anyone on the network path can pose as this site, read "
               "the automation secret and change what AgentDesk shows. Use this only on a "
               "network you control. The status bar shows \"Insecure\" while it is in use."),
            QMessageBox::Yes | QMessageBox::Cancel, QMessageBox::Cancel);
        if (answer != QMessageBox::Yes)
            return;
        m_choice = Choice::Insecure;
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    if (m_chain->topLevelItemCount() > 0)
        m_chain->setCurrentItem(m_chain->topLevelItem(0));
}

CertificateDetails CertificateTrustDialog::trustedCertificate() const
{
    return m_error.certificateChain.value(0);
}

void CertificateTrustDialog::showCertificate(int index)
{
    if (index < 0 || index >= m_error.certificateChain.size()) {
        m_details->clear();
        return;
    }
    const CertificateDetails &c = m_error.certificateChain.at(index);
    const auto row = [](const QString &k, const QString &v) {
        return u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(
            k.toHtmlEscaped(), DisplayText::sanitized(v, 1000).toHtmlEscaped());
    };
    QLocale locale;
    QString html = u"<table cellspacing=4>"_s;
    html += row(tr("Subject"), c.subject);
    html += row(tr("Issuer"), c.issuer);
    html += row(tr("Valid from"), locale.toString(c.notBefore.toLocalTime(), QLocale::LongFormat));
    html += row(tr("Valid until"), locale.toString(c.notAfter.toLocalTime(), QLocale::LongFormat));
    html += row(tr("Certificate authority"), c.isCa ? tr("yes") : tr("no"));
    html += row(tr("Self-signed"), c.isSelfSigned ? tr("yes") : tr("no"));
    html += u"</table><p><b>%1</b><br><code>%2</code></p>"_s.arg(
        tr("SHA-256 fingerprint").toHtmlEscaped(), c.sha256Display().toHtmlEscaped());
    m_details->setHtml(html);
}

void CertificateTrustDialog::setInsecureAllowed(bool allowed)
{
    m_insecure->setVisible(allowed);
}
