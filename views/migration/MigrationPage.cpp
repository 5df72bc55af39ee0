#include "MigrationPage.h"

#include "RegistrationWizard.h"

MigrationPage::MigrationPage(QWidget *parent)
    : QWizardPage(parent)
{ }

void MigrationPage::setComplete(bool complete)
{
    if (m_complete == complete)
        return;
    m_complete = complete;
    // Keeps the keyboard focus where it was (see RegistrationWizard::emitCompleteChanged).
    RegistrationWizard::emitCompleteChanged(this);
}

void MigrationPage::initializePage()
{
    if (m_onShow)
        m_onShow();
}
