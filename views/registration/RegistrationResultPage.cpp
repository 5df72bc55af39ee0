#include "RegistrationResultPage.h"

#include <QFontDatabase>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

#include "CertificateChainView.h"
#include "DisplayText.h"
#include "DistributedSite.h"

using namespace Qt::StringLiterals;

RegistrationResultPage::RegistrationResultPage(QWidget *parent)
    : QWizardPage(parent)
    , m_details(new QLabel)
    , m_monitored(new QLabel)
    , m_certificates(new CertificateChainView)
    , m_instructions(new QPlainTextEdit)
{
    setTitle(tr("Registered"));
    setFinalPage(true);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_monitored->setWordWrap(true);
    m_monitored->setStyleSheet(u"color: #8a5a00;"_s);
    m_monitored->hide();
    m_instructions->setReadOnly(true);
    m_instructions->setWhatsThis(tr("The commands that move the state file into place, when it "
                                    "could not be written to /etc directly. Run them as root."));
    m_instructions->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_instructions->setMaximumHeight(70);
    m_instructions->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_details);
    layout->addWidget(m_monitored);
    layout->addWidget(m_instructions);
    layout->addWidget(m_certificates, 1);
}

void RegistrationResultPage::setReport(const RegistrationReport &r)
{
    setSubTitle(tr("Host %1 is registered for automatic agent updates.").arg(r.hostName));
    QString html = tr("Host secret: <tt>%1</tt> (%2 characters, as expected; kept only in the "
                      "state file)")
                       .arg(r.maskedHostSecret.toHtmlEscaped())
                       .arg(r.hostSecretLength);
    // The update URL and the reasons for dropped certificates come from the site.
    if (!r.updateUrl.isEmpty()) {
        html += u"<br>"_s
            + tr("Update URL: %1")
                  .arg(DisplayText::breakLongRuns(DisplayText::sanitized(r.updateUrl, 500), 80)
                           .toHtmlEscaped());
        // The site that will serve the updates: in a distributed set-up the one monitoring the
        // host, which may not be the one registered at.
        DistributedSite::Address address;
        if (DistributedSite::parseUrl(r.updateUrl, &address))
            html += u"<br>"_s
                + tr("Updates are served by site <b>%1</b> on %2.")
                      .arg(DisplayText::sanitized(address.site, 100).toHtmlEscaped(),
                           DisplayText::sanitized(address.server, 200).toHtmlEscaped());
    }
    html += u"<br>"_s
        + tr("State file written to <tt>%1</tt> (mode 0600).").arg(r.stateFilePath.toHtmlEscaped());
    if (!r.stateFileAtDefault)
        html += u"<br>"_s
            + tr("The updater reads /etc/cmk-update-agent.state: move the file there as root:");
    if (!r.siteCertificates.isEmpty())
        html += u"<br>"_s
            + tr("The site's certificates below are stored as local certificates of the updater.");
    if (!r.droppedCertificates.isEmpty()) {
        html += u"<br>"_s
            + tr("%n certificate(s) the site sent were not kept:", nullptr,
                 int(r.droppedCertificates.size()));
        for (const QString &dropped : r.droppedCertificates.mid(0, 10))
            html += u"<br>• "_s
                + DisplayText::breakLongRuns(DisplayText::sanitized(dropped, 300), 80)
                      .toHtmlEscaped();
    }
    m_details->setText(html);
    m_instructions->setVisible(!r.stateFileAtDefault);
    m_instructions->setPlainText(r.moveInstructions);
    m_monitored->setVisible(!r.monitored);
    m_monitored->setText(tr("⚠ The host is not yet monitored: it is not in the site's activated "
                            "configuration. Activate the pending changes on the site; until "
                            "then the updater gets no agent."));
    m_certificates->setVisible(!r.siteCertificates.isEmpty());
    m_certificates->setChain(r.siteCertificates);
}
