#include "PassphraseDialog.h"

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
{
    setWindowTitle(tr("Key passphrase"));
    m_context->setTextFormat(Qt::PlainText);
    m_context->setWordWrap(true);
    m_field->setObjectName(u"passphrase"_s);
    auto *form = new QFormLayout;
    form->addRow(tr("&Passphrase:"), m_field);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_context);
    layout->addLayout(form);
    layout->addWidget(m_buttons);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_field, &QLineEdit::textChanged, ok,
            [ok](const QString &text) { ok->setEnabled(!text.isEmpty()); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A cancelled dialog must not keep the typed text around.
    connect(this, &QDialog::rejected, m_field, &QLineEdit::clear);
    setMinimumWidth(420);
}

QByteArray PassphraseDialog::takePassphrase()
{
    return m_field->takePassphrase();
}
