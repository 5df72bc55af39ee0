#include "SiteSettingDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QUrl>
#include <QVBoxLayout>

#include "SitesPage.h"

using namespace Qt::StringLiterals;

namespace {
QStringList pemCertificates(const QString &text)
{
    static const QRegularExpression block(
        u"-----BEGIN CERTIFICATE-----[\\s\\S]*?-----END CERTIFICATE-----"_s);
    QStringList out;
    auto it = block.globalMatch(text);
    while (it.hasNext())
        out << it.next().captured(0) + u'\n';
    return out;
}
} // namespace

SiteSettingDialog::SiteSettingDialog(const SiteSetting &setting, QWidget *parent)
    : QDialog(parent)
    , m_setting(setting)
    , m_error(new QLabel(this))
    , m_url(new QLineEdit(setting.url(), this))
{
    setObjectName(u"siteSettingDialog"_s);
    setWindowTitle(
        setting.site.isEmpty()
            ? tr("%1 (all sites)").arg(SitesPage::settingTitle(setting.varname))
            : tr("%1 (site %2)").arg(SitesPage::settingTitle(setting.varname), setting.site));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #8a1c12;"_s);
    m_error->hide();
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    if (setting.varname == SiteSetting::centralBakery) {
        intro->setText(tr("Remote sites forward the updaters' requests to the central agent "
                          "bakery at this URL and log in there as this automation user."));
        m_url->setPlaceholderText(u"https://central.example.com/central/check_mk"_s);
        form->addRow(tr("Central bakery &URL:"), m_url);
        m_user = new QLineEdit(setting.user(), this);
        form->addRow(tr("&Automation user:"), m_user);
    } else {
        intro->setText(tr("The URL at which the hosts reach the site for their updates, and the "
                          "CA certificates handed to the updater for it. Empty: the site's own "
                          "URL."));
        m_url->setPlaceholderText(u"https://remote1.example.com/remote1/check_mk"_s);
        form->addRow(tr("Site &URL:"), m_url);
        m_certificates = new QPlainTextEdit(setting.certificates().join(QString()), this);
        m_certificates->setPlaceholderText(tr("-----BEGIN CERTIFICATE----- … (PEM)"));
        m_certificates->setTabChangesFocus(true);
        form->addRow(tr("CA &certificates:"), m_certificates);
    }
    if (!setting.site.isEmpty() && setting.isDefault)
        intro->setText(intro->text() + u' '
                       + tr("Saving gives site %1 a value of its own (a site-specific global "
                            "setting).")
                             .arg(setting.site));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &SiteSettingDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SiteSettingDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_error);
    layout->addLayout(form);
    layout->addWidget(buttons);
    resize(620, sizeHint().height());
}

SiteSetting SiteSettingDialog::setting() const
{
    SiteSetting out = m_setting;
    out.value.insert(u"url"_s, m_url->text().trimmed());
    if (m_user)
        out.value.insert(u"user"_s, m_user->text().trimmed());
    if (m_certificates)
        out.value.insert(u"certificates"_s, pemCertificates(m_certificates->toPlainText()));
    return out;
}

void SiteSettingDialog::setError(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

QString SiteSettingDialog::validationError() const
{
    const QString text = m_url->text().trimmed();
    if (!text.isEmpty()) {
        const QUrl url(text, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != u"http"_s && url.scheme() != u"https"_s)
            || url.host().isEmpty())
            return tr("URL: expected an http or https URL such as %1.")
                .arg(m_url->placeholderText());
        if (m_user && !url.path().endsWith(u"/check_mk"_s) && !url.path().endsWith(u"/check_mk/"_s))
            return tr("Central bakery URL: the URL must include the site and end with "
                      "/check_mk.");
    }
    if (m_user && m_user->text().trimmed().isEmpty())
        return tr("Automation user: expected the name of the automation user the remote sites "
                  "log in with (usually \"automation\").");
    if (m_certificates) {
        const QString pem = m_certificates->toPlainText().trimmed();
        if (!pem.isEmpty() && pemCertificates(pem).isEmpty())
            return tr("CA certificates: expected PEM certificates "
                      "(-----BEGIN CERTIFICATE----- …), or nothing.");
    }
    return {};
}

void SiteSettingDialog::accept()
{
    const QString error = validationError();
    if (!error.isEmpty()) {
        setError(error);
        return; // the dialog stays open with everything typed
    }
    QDialog::accept();
}
