#include "SignDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "PassphraseField.h"

using namespace Qt::StringLiterals;

namespace {
QLabel *errorLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setStyleSheet(u"color:#b3261e"_s);
    label->hide();
    return label;
}
} // namespace

SignDialog::SignDialog(const QList<QPair<int, QString>> &keys, int preferred, bool bake,
                       QWidget *parent)
    : QDialog(parent)
    , m_keys(new QComboBox(this))
    , m_passphrase(new PassphraseField(this))
    , m_keyError(errorLabel(u"signKeyError"_s, this))
    , m_passphraseError(errorLabel(u"signPassphraseError"_s, this))
    , m_problem(errorLabel(u"signProblem"_s, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(bake ? tr("Bake and sign agents") : tr("Sign agents"));
    setObjectName(u"signDialog"_s);
    m_keys->setObjectName(u"signKey"_s);
    m_passphrase->setObjectName(u"signPassphrase"_s);
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
    form->addRow(keyLabel, withError(m_keys, m_keyError));
    form->addRow(passphraseLabel, withError(m_passphrase, m_passphraseError));
    m_buttons->button(QDialogButtonBox::Ok)->setText(bake ? tr("&Bake and sign") : tr("&Sign"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    // A changed input answers the last refusal: its message would now be wrong.
    connect(m_passphrase, &QLineEdit::textEdited, this, [this] {
        if (!m_working)
            setProblem(Field::General, QString());
    });
    connect(m_keys, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_working)
            setProblem(Field::General, QString());
    });
    connect(m_passphrase, &QLineEdit::textChanged, this, &SignDialog::updateOk);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SignDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A cancelled dialog must not keep the typed passphrase around.
    connect(this, &QDialog::rejected, m_passphrase, &QLineEdit::clear);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
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

void SignDialog::accept()
{
    if (!m_stayOpen) {
        QDialog::accept();
        return;
    }
    m_working = true;
    setProblem(Field::General, QString());
    m_problem->setStyleSheet(QString());
    m_problem->setText(tr("Waiting for the site…"));
    m_problem->show();
    updateOk();
    Q_EMIT submitted();
}

void SignDialog::finish(bool ok, Field field, const QString &problem)
{
    m_working = false;
    if (ok) {
        m_stayOpen = false;
        m_passphrase->clear();
        QDialog::accept();
        return;
    }
    setProblem(field, problem);
    updateOk();
    // The field at fault gets the focus, its text selected to be typed over.
    if (field == Field::Passphrase) {
        m_passphrase->setFocus();
        m_passphrase->selectAll();
    } else if (field == Field::Key) {
        m_keys->setFocus();
    }
}

void SignDialog::setProblem(Field field, const QString &problem)
{
    m_problem->setStyleSheet(u"color:#b3261e"_s);
    m_keyError->setText(field == Field::Key ? problem : QString());
    m_passphraseError->setText(field == Field::Passphrase ? problem : QString());
    m_problem->setText(field == Field::General ? problem : QString());
    m_keyError->setVisible(!m_keyError->text().isEmpty());
    m_passphraseError->setVisible(!m_passphraseError->text().isEmpty());
    m_problem->setVisible(!m_problem->text().isEmpty());
}

void SignDialog::updateOk()
{
    m_buttons->button(QDialogButtonBox::Ok)
        ->setEnabled(!m_working && !m_passphrase->text().isEmpty() && m_keys->count() > 0);
}
