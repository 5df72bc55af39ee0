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
{
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
    layout->addStretch();
    connect(m_hostEdit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (!text.isEmpty() && !hostPattern.match(text).hasMatch())
            m_hint->setText(tr("A host name may contain only letters, digits, '-', '_' and '.'."));
        else
            m_hint->setText(tr("The host must exist in the site's setup. Whether it does is "
                               "checked with your credentials before registering."));
        RegistrationWizard::emitCompleteChanged(this);
    });
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
