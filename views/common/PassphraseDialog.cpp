#include "PassphraseDialog.h"

#include "PassphraseField.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

namespace {
QLabel *errorLabel(const QString &name, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(name);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->hide();
    return label;
}
} // namespace

PassphraseDialog::PassphraseDialog(const QString &context, QWidget *parent)
    : QDialog(parent)
    , m_context(new QLabel(context, this))
    , m_field(new PassphraseField(this))
    , m_fieldError(errorLabel(u"passphraseError"_s, this))
    , m_problem(errorLabel(u"passphraseProblem"_s, this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Key passphrase"));
    m_context->setTextFormat(Qt::PlainText);
    m_context->setWordWrap(true);
    m_field->setObjectName(u"passphrase"_s);
    m_fieldError->setStyleSheet(u"color:#b3261e"_s);
    // The field with its message right below it; a layout needs the buddy set by hand.
    auto *column = new QVBoxLayout;
    column->setSpacing(2);
    column->addWidget(m_field);
    column->addWidget(m_fieldError);
    auto *label = new QLabel(tr("&Passphrase:"), this);
    label->setBuddy(m_field);
    auto *form = new QFormLayout;
    form->addRow(label, column);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_context);
    layout->addLayout(form);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);
    QPushButton *ok = m_buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    connect(m_field, &QLineEdit::textChanged, ok,
            [this, ok](const QString &text) { ok->setEnabled(!text.isEmpty() && !m_working); });
    // A changed passphrase answers the last refusal: its message would now be wrong.
    connect(m_field, &QLineEdit::textEdited, this, [this] {
        if (!m_working)
            setProblem(QString(), false);
    });
    connect(m_buttons, &QDialogButtonBox::accepted, this, &PassphraseDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    // A cancelled dialog must not keep the typed text around.
    connect(this, &QDialog::rejected, m_field, &QLineEdit::clear);
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

void PassphraseDialog::accept()
{
    if (!m_stayOpen) {
        QDialog::accept();
        return;
    }
    m_working = true;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    setProblem(QString(), false);
    m_problem->setStyleSheet(QString());
    m_problem->setText(tr("Waiting for the site…"));
    m_problem->show();
    Q_EMIT submitted();
}

void PassphraseDialog::finish(bool ok, const QString &problem, bool atPassphrase)
{
    m_working = false;
    if (ok) {
        m_stayOpen = false;
        m_field->clear();
        QDialog::accept();
        return;
    }
    setProblem(problem, atPassphrase);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_field->text().isEmpty());
    if (atPassphrase) {
        m_field->setFocus();
        m_field->selectAll();
    }
}

void PassphraseDialog::setProblem(const QString &problem, bool atPassphrase)
{
    m_problem->setStyleSheet(u"color:#b3261e"_s);
    m_fieldError->setText(atPassphrase ? problem : QString());
    m_problem->setText(atPassphrase ? QString() : problem);
    m_fieldError->setVisible(!m_fieldError->text().isEmpty());
    m_problem->setVisible(!m_problem->text().isEmpty());
}
