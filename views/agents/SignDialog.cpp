#include "SignDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

#include "PassphraseField.h"

SignDialog::SignDialog(const QList<QPair<int, QString>> &keys, int preferred, bool bake,
                       QWidget *parent)
    : QDialog(parent)
    , m_keys(new QComboBox(this))
    , m_passphrase(new PassphraseField(this))
{
    setWindowTitle(bake ? tr("Bake and sign agents") : tr("Sign agents"));
    setObjectName(QStringLiteral("signDialog"));
    m_keys->setObjectName(QStringLiteral("signKey"));
    m_passphrase->setObjectName(QStringLiteral("signPassphrase"));
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
    auto *form = new QFormLayout;
    form->addRow(tr("Signature &key:"), m_keys);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(bake ? tr("&Bake and sign") : tr("&Sign"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    connect(m_passphrase, &QLineEdit::textChanged, this, [this, buttons] {
        buttons->button(QDialogButtonBox::Ok)
            ->setEnabled(!m_passphrase->text().isEmpty() && m_keys->count() > 0);
    });
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(buttons);
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
