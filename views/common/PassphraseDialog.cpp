#include "PassphraseDialog.h"

#include "DialogSubmission.h"
#include "PassphraseField.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

PassphraseDialog::PassphraseDialog(const QString &context, QWidget *parent)
    : QDialog(parent)
    , m_context(new QLabel(context, this))
    , m_field(new PassphraseField(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_banner(new ErrorBanner(this))
    , m_submission(new DialogSubmission(this, m_buttons->button(QDialogButtonBox::Ok), m_banner))
{
    setWindowTitle(tr("Key passphrase"));
    m_context->setTextFormat(Qt::PlainText);
    m_context->setWordWrap(true);
    m_field->setObjectName(u"passphrase"_s);
    m_banner->setObjectName(u"passphraseProblem"_s);
    auto *fieldError = new QLabel(this);
    fieldError->setObjectName(u"passphraseError"_s);
    m_submission->addField(QString::fromLatin1(passphraseField), m_field, fieldError);
    m_submission->addPassphrase(m_field);
    m_submission->setInputComplete([this] { return !m_field->text().isEmpty(); });
    // The field with its message right below it; a layout needs the buddy set by hand.
    auto *column = new QVBoxLayout;
    column->setSpacing(2);
    column->addWidget(m_field);
    column->addWidget(fieldError);
    auto *label = new QLabel(tr("&Passphrase:"), this);
    label->setBuddy(m_field);
    auto *form = new QFormLayout;
    form->addRow(label, column);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_context);
    layout->addLayout(form);
    layout->addWidget(m_banner);
    layout->addWidget(m_buttons);
    connect(m_field, &QLineEdit::textChanged, m_submission, &DialogSubmission::updateOk);
    // A changed passphrase answers the last refusal: its message would now be wrong.
    connect(m_field, &QLineEdit::textEdited, this, [this] {
        if (!m_submission->isWorking())
            m_submission->clearProblem();
    });
    connect(m_submission, &DialogSubmission::submitted, this, &PassphraseDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PassphraseDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    m_submission->updateOk();
    setMinimumWidth(420);
}

QByteArray PassphraseDialog::takePassphrase()
{
    return m_field->takePassphrase();
}

QByteArray PassphraseDialog::passphrase() const
{
    return m_field->text().toUtf8();
}

void PassphraseDialog::setStayOpen(bool on)
{
    m_submission->setStayOpen(on);
}

void PassphraseDialog::setRemedies(ErrorBanner::Remedies remedies)
{
    m_submission->setRemedies(std::move(remedies));
}

void PassphraseDialog::accept()
{
    if (!m_submission->submit(tr("Waiting for the site…")))
        QDialog::accept();
}

void PassphraseDialog::finish(bool ok, const ApiError &error)
{
    if (ok)
        m_submission->succeed();
    else
        m_submission->fail(error);
}
