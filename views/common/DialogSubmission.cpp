#include "DialogSubmission.h"

#include <QAbstractButton>
#include <QDialog>
#include <QLabel>
#include <QLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QScreen>

#include <algorithm>

#include "DisplayText.h"

using namespace Qt::StringLiterals;

DialogSubmission::DialogSubmission(QDialog *dialog, QPushButton *ok, ErrorBanner *banner)
    : QObject(dialog)
    , m_dialog(dialog)
    , m_ok(ok)
    , m_banner(banner)
{
    // The banner's actions: the page's fixes, and sending the same input again, which only the
    // dialog can do (its accept() submits when it stays open, or closes to be sent again).
    m_banner->setRemedies([this](ErrorBanner *banner, const ApiError &error) {
        if (m_remedies)
            m_remedies(banner, error);
        if (error.remedy() == ApiError::Remedy::Retry)
            banner->addAction(tr("Retry"), [this] { m_dialog->accept(); });
        // After the fix (the connection manager or the certificate closed again) the keyboard
        // belongs in this dialog, which is still open with the input: the window system may
        // have given the activation to the main window behind it.
        for (QAbstractButton *button : banner->actionButtons()) {
            connect(button, &QAbstractButton::clicked, m_dialog, [this] {
                if (m_dialog->isVisible()) {
                    m_dialog->raise();
                    m_dialog->activateWindow();
                }
            });
        }
    });
    // A cancelled dialog must not keep a typed passphrase around.
    connect(dialog, &QDialog::rejected, this, [this] {
        for (const QPointer<QLineEdit> &field : std::as_const(m_passphrases)) {
            if (field)
                field->clear();
        }
    });
}

void DialogSubmission::addField(const QString &siteField, QWidget *widget, QLabel *message)
{
    message->setWordWrap(true);
    message->setTextFormat(Qt::PlainText);
    message->setStyleSheet(u"color:#b3261e"_s);
    message->hide();
    m_fields.append({ siteField, widget, message });
}

void DialogSubmission::addPassphrase(QLineEdit *field)
{
    m_passphrases.append(field);
}

bool DialogSubmission::submit(const QString &waiting)
{
    if (!m_stayOpen)
        return false;
    m_working = true;
    clearProblem();
    m_banner->showMessage(waiting);
    fitContents();
    updateOk();
    Q_EMIT submitted();
    return true;
}

void DialogSubmission::succeed()
{
    m_working = false;
    m_stayOpen = false;
    for (const QPointer<QLineEdit> &field : std::as_const(m_passphrases)) {
        if (field)
            field->clear();
    }
    m_banner->hide();
    // done(), not accept(): the dialog's accept() is the one that submits.
    m_dialog->done(QDialog::Accepted);
}

void DialogSubmission::fail(const ApiError &error, const QString &context)
{
    m_working = false;
    clearProblem();
    // Every field the site names gets its words (sanitized: they come from the site), not only
    // the first: a refusal of two fields would otherwise be fixed one round trip at a time.
    QWidget *first = nullptr;
    bool anyShown = false;
    for (const Field &field : std::as_const(m_fields)) {
        if (!field.message || !error.fields.contains(field.siteField))
            continue;
        field.message->setText(DisplayText::sanitized(
            error.fields.value(field.siteField).join(u' '), 500, DisplayText::Newlines::Keep));
        field.message->show();
        anyShown = true;
        if (!first && field.widget)
            first = field.widget;
    }
    // What the site said of fields without a widget here, in the banner: nothing it said is
    // dropped because the dialog has no place for it next to an input.
    const QStringList unshown = unshownFieldMessages(error);
    if (!anyShown || !unshown.isEmpty()) {
        const QString advice = adviceFor(error.remedy());
        QStringList lines { context.isEmpty()      ? advice
                                : advice.isEmpty() ? context
                                                   : context + u' ' + advice };
        lines << unshown;
        lines.removeAll(QString());
        m_banner->showError(error, lines.join(u'\n'));
    }
    fitContents();
    updateOk();
    if (first) {
        // The keyboard goes to the first field named, its text selected to be typed over.
        first->setFocus(Qt::OtherFocusReason);
        if (auto *edit = qobject_cast<QLineEdit *>(first))
            edit->selectAll();
        return;
    }
    // The keyboard goes to the fix, so that Space or Enter takes it.
    const QList<QAbstractButton *> actions = m_banner->actionButtons();
    if (!actions.isEmpty())
        actions.first()->setFocus(Qt::OtherFocusReason);
}

QStringList DialogSubmission::unshownFieldMessages(const ApiError &error) const
{
    QStringList names = error.fields.keys();
    std::sort(names.begin(), names.end());
    QStringList lines;
    for (const QString &name : std::as_const(names)) {
        const bool shown = std::any_of(m_fields.cbegin(), m_fields.cend(), [&](const Field &f) {
            return f.message && f.siteField == name;
        });
        if (shown)
            continue;
        QString label = m_fieldLabel ? m_fieldLabel(name) : QString();
        if (label.isEmpty())
            label = name;
        // The site's field name and words are the site's: sanitized and capped.
        lines << DisplayText::breakLongRuns(
            u"%1: %2"_s.arg(DisplayText::sanitized(label, 100),
                            DisplayText::sanitized(error.fields.value(name).join(u' '), 500,
                                                   DisplayText::Newlines::Keep)),
            100);
        if (lines.size() == 20) // a hostile reply with thousands of fields: the rest in Details
            break;
    }
    return lines;
}

void DialogSubmission::clearProblem()
{
    for (const Field &field : std::as_const(m_fields)) {
        if (field.message) {
            field.message->clear();
            field.message->hide();
        }
    }
    m_banner->hide();
}

void DialogSubmission::updateOk()
{
    if (m_ok)
        m_ok->setEnabled(!m_working && (!m_complete || m_complete()));
}

void DialogSubmission::fitContents()
{
    // The dialog was sized for its form alone: a message that wraps to more lines would be cut
    // at the bottom. It grows downwards (never narrower, so the wrapping stays as laid out).
    QLayout *layout = m_dialog->layout();
    if (!layout)
        return;
    layout->activate();
    const int needed = layout->hasHeightForWidth() ? layout->totalHeightForWidth(m_dialog->width())
                                                   : layout->totalSizeHint().height();
    // Never taller than the screen: the form would be pushed out of reach.
    const QScreen *screen = m_dialog->screen();
    const int most = screen ? screen->availableGeometry().height() : needed;
    if (needed > m_dialog->height())
        m_dialog->resize(m_dialog->width(), qMin(needed, most));
}

QString DialogSubmission::adviceFor(ApiError::Remedy remedy)
{
    switch (remedy) {
    case ApiError::Remedy::EditConnection:
        return tr("The site did not accept the connection's user, secret or site name: edit the "
                  "connection, then try again. What you typed here is kept.");
    case ApiError::Remedy::ShowCertificate:
        return tr("The site's certificate is not trusted: look at it and trust it if its "
                  "fingerprint is the one your site administrator gives you. What you typed "
                  "here is kept.");
    case ApiError::Remedy::Retry:
        return tr("The site could not be reached: try again once it is reachable. What you "
                  "typed here is kept.");
    case ApiError::Remedy::None:
        break;
    }
    return {};
}
