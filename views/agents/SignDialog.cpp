#include "SignDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "DialogSubmission.h"
#include "PassphraseField.h"

using namespace Qt::StringLiterals;

SignDialog::SignDialog(const QList<QPair<int, QString>> &keys, int preferred, bool bake,
                       QWidget *parent)
    : QDialog(parent)
    , m_keys(new QComboBox(this))
    , m_passphrase(new PassphraseField(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
    , m_banner(new ErrorBanner(this))
    , m_submission(new DialogSubmission(this, m_buttons->button(QDialogButtonBox::Ok), m_banner))
{
    setWindowTitle(bake ? tr("Bake and sign agents") : tr("Sign agents"));
    setObjectName(u"signDialog"_s);
    m_keys->setObjectName(u"signKey"_s);
    m_passphrase->setObjectName(u"signPassphrase"_s);
    m_banner->setObjectName(u"signProblem"_s);
    for (const auto &[id, alias] : keys) {
        m_keys->addItem(tr("%1 (key %2)").arg(alias).arg(id), id);
        if (id == preferred)
            m_keys->setCurrentIndex(m_keys->count() - 1);
    }
    auto *intro
        = new QLabel(bake ? tr("The site bakes all agents anew, then signs them with this key.")
                          : tr("The site signs the current agents with this key. Hosts accept only "
                               "agents signed by a key listed in the agent updater rule."),
                     this);
    intro->setWordWrap(true);
    // Each field with its own message right below it.
    auto *keyError = new QLabel(this);
    keyError->setObjectName(u"signKeyError"_s);
    auto *passphraseError = new QLabel(this);
    passphraseError->setObjectName(u"signPassphraseError"_s);
    m_submission->addField(QString::fromLatin1(keyField), m_keys, keyError);
    m_submission->addField(QString::fromLatin1(passphraseField), m_passphrase, passphraseError);
    m_submission->addPassphrase(m_passphrase);
    m_submission->setInputComplete(
        [this] { return !m_passphrase->text().isEmpty() && m_keys->count() > 0; });
    const auto withError = [](QWidget *field, QLabel *error) {
        auto *column = new QVBoxLayout;
        column->setSpacing(2);
        column->addWidget(field);
        column->addWidget(error);
        return column;
    };
    // A layout as the field gets no buddy by itself: the mnemonics need one.
    auto *keyLabel = new QLabel(tr("Signature &key:"), this);
    keyLabel->setBuddy(m_keys);
    auto *passphraseLabel = new QLabel(tr("&Passphrase:"), this);
    passphraseLabel->setBuddy(m_passphrase);
    auto *form = new QFormLayout;
    form->addRow(keyLabel, withError(m_keys, keyError));
    form->addRow(passphraseLabel, withError(m_passphrase, passphraseError));
    m_buttons->button(QDialogButtonBox::Ok)->setText(bake ? tr("&Bake and sign") : tr("&Sign"));
    // A changed input answers the last refusal: its message would now be wrong.
    connect(m_passphrase, &QLineEdit::textEdited, this, [this] {
        if (!m_submission->isWorking())
            m_submission->clearProblem();
    });
    connect(m_keys, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_submission->isWorking())
            m_submission->clearProblem();
    });
    connect(m_passphrase, &QLineEdit::textChanged, m_submission, &DialogSubmission::updateOk);
    connect(m_submission, &DialogSubmission::submitted, this, &SignDialog::submitted);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_banner);
    layout->addWidget(m_buttons);
    m_submission->updateOk();
    resize(480, sizeHint().height());
}

int SignDialog::keyId() const
{
    return m_keys->currentData().toInt();
}

QByteArray SignDialog::takePassphrase()
{
    return m_passphrase->takePassphrase();
}

QByteArray SignDialog::passphrase() const
{
    return m_passphrase->text().toUtf8();
}

void SignDialog::setStayOpen(bool on)
{
    m_submission->setStayOpen(on);
}

void SignDialog::setRemedies(ErrorBanner::Remedies remedies)
{
    m_submission->setRemedies(std::move(remedies));
}

void SignDialog::accept()
{
    if (!m_submission->submit(tr("Waiting for the site…")))
        QDialog::accept();
}

void SignDialog::finish(bool ok, const ApiError &error)
{
    if (ok)
        m_submission->succeed();
    else
        m_submission->fail(error, tr("The agents were not signed."));
}
