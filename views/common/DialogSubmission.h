#pragma once

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>

#include <functional>

#include "ApiError.h"
#include "ErrorBanner.h"

class QDialog;
class QLabel;
class QLineEdit;
class QPushButton;

// A dialog's request to the site, from OK to the site's answer, for every dialog that stays
// open until the site has answered (sign, download key, upload key) and for the rule editor's
// refusals. While the site answers, OK is disabled and "Waiting for the site…" shows. A refusal
// keeps every input and says what to do with the action at hand: the message next to the field
// the site names (the keyboard there, its text selected to be typed over), or in the dialog's
// banner with the fix of ApiError::remedy() ("Edit connection…", "Show certificate…", "Retry").
// One class so that the dialogs cannot drift apart in how they wait, fail and wipe.
class DialogSubmission final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DialogSubmission)

public:
    // `ok` is the dialog's OK button, `banner` the place for waiting and general problems.
    DialogSubmission(QDialog *dialog, QPushButton *ok, ErrorBanner *banner);

    // Whether the input is complete enough for OK; asked whenever the state changes.
    void setInputComplete(std::function<bool()> complete) { m_complete = std::move(complete); }
    // A field the site may name in a refusal (its name in the site's "fields"), the widget to
    // give the keyboard, and the label right below it for the message.
    void addField(const QString &siteField, QWidget *widget, QLabel *message);
    // The dialog's words for a field the site may name without a widget here ("value_raw" →
    // "Agent updater parameters"), for its message in the banner; empty or the name itself
    // when the dialog has none (the site's name is shown then).
    void setFieldLabel(std::function<QString(const QString &siteField)> label)
    {
        m_fieldLabel = std::move(label);
    }
    // A passphrase field: emptied when the request succeeded and when the dialog is cancelled,
    // so that the typed passphrase does not outlive the dialog's use.
    void addPassphrase(QLineEdit *field);
    // The fixes the page's banner offers (AppController's: they know what opens a connection or
    // a certificate); "Retry" is added here, as only the dialog can send its input again.
    void setRemedies(ErrorBanner::Remedies remedies) { m_remedies = std::move(remedies); }

    // On: OK emits submitted() and the dialog stays open until succeed() or fail().
    void setStayOpen(bool on) { m_stayOpen = on; }
    bool stayOpen() const { return m_stayOpen; }
    bool isWorking() const { return m_working; }

    // For the dialog's accept(): false when it is not to stay open (the dialog closes as usual);
    // otherwise shows `waiting`, disables OK, emits submitted() and returns true.
    bool submit(const QString &waiting);
    // The request succeeded: the passphrase fields are emptied and the dialog closes.
    void succeed();
    // The request was refused: the input stays. Every registered field the error names
    // (error.fields) shows its message, and the keyboard goes to the first of them. What the
    // error says of other fields, or the error itself when it names no registered field, goes
    // to the banner under `context` with the action that fixes its cause: nothing the site
    // said is dropped.
    void fail(const ApiError &error, const QString &context = {});
    // Clears every message (a changed input answers the last refusal).
    void clearProblem();
    // OK enabled when the input is complete and no request is on its way.
    void updateOk();

Q_SIGNALS:
    void submitted();

private:
    struct Field
    {
        QString siteField;
        QPointer<QWidget> widget;
        QPointer<QLabel> message;
    };
    // Grows the dialog to show a message in full.
    void fitContents();
    // The words above the site's text: what to do about it (the input is kept).
    static QString adviceFor(ApiError::Remedy remedy);
    // "Label: message" for each field the error names that no widget here shows.
    QStringList unshownFieldMessages(const ApiError &error) const;

    QDialog *m_dialog;
    QPushButton *m_ok;
    ErrorBanner *m_banner;
    QList<Field> m_fields;
    QList<QPointer<QLineEdit>> m_passphrases;
    std::function<bool()> m_complete;
    std::function<QString(const QString &)> m_fieldLabel;
    ErrorBanner::Remedies m_remedies;
    bool m_stayOpen = false;
    bool m_working = false;
};
