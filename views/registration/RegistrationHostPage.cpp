#include "RegistrationHostPage.h"

#include "RegistrationWizard.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QRegularExpression>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
const QRegularExpression hostPattern(u"^[-0-9a-zA-Z_.]+$"_s);
}

RegistrationHostPage::RegistrationHostPage(QWidget *parent)
    : QWizardPage(parent)
    , m_hostEdit(new QLineEdit)
    , m_hint(new QLabel)
    , m_ruleHint(new QLabel)
{
    m_hostEdit->setObjectName(u"hostNameEdit"_s);
    m_ruleHint->setObjectName(u"ruleServerHint"_s);
    m_ruleHint->setWordWrap(true);
    m_hostEdit->setWhatsThis(tr("The host name (-H) of this machine as it is known in the "
                                "site's setup; the host must exist there. It also decides which "
                                "agent updater rule, and so which update server, applies."));
    m_ruleHint->hide();
    setTitle(tr("Host"));
    setSubTitle(tr("The name of this machine as a host in the site's setup."));
    m_hint->setWordWrap(true);
    m_hint->setText(tr("The host must exist in the site's setup. Whether it does is checked "
                       "with your credentials before registering."));
    auto *form = new QFormLayout;
    form->addRow(tr("&Host name:"), m_hostEdit);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_hint);
    layout->addWidget(m_ruleHint);
    layout->addStretch();
    connect(m_hostEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!text.isEmpty() && !hostPattern.match(text).hasMatch())
            m_hint->setText(tr("A host name may contain only letters, digits, '-', '_' and '.'."));
        else
            m_hint->setText(tr("The host must exist in the site's setup. Whether it does is "
                               "checked with your credentials before registering."));
        RegistrationWizard::emitCompleteChanged(this);
        Q_EMIT hostNameChanged(hostName());
    });
}

void RegistrationHostPage::setRuleHint(const QString &text)
{
    m_ruleHint->setText(text);
    m_ruleHint->setVisible(!text.isEmpty());
}

void RegistrationHostPage::setDefaultHostName(const QString &name)
{
    if (m_hostEdit->text().isEmpty())
        m_hostEdit->setText(name);
}

QString RegistrationHostPage::hostName() const
{
    return m_hostEdit->text().trimmed();
}

bool RegistrationHostPage::isComplete() const
{
    return hostPattern.match(hostName()).hasMatch();
}
