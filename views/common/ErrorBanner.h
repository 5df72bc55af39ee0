#pragma once

#include <QFrame>
#include <QList>

#include <functional>

#include "ApiError.h"

class QAbstractButton;
class QHBoxLayout;
class QLabel;
class QToolButton;

// The one place errors are shown: a dismissable banner with the summary, the per-field
// messages on demand, and the actions that fix the cause right at hand ("Edit connection…",
// "Show certificate…", "Retry"). Actions belong to the message shown: the next one clears them.
class ErrorBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)

public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const ApiError &error, const QString &context = {});
    void showMessage(const QString &text, bool warning = false);
    // Adds a button for the current message that emits actionTriggered(); cleared by the next
    // message.
    void setAction(const QString &text);
    // Adds a button for the current message that runs `handler` (and hides the banner, since
    // the action takes over); cleared by the next message.
    void addAction(const QString &text, std::function<void()> handler);
    QList<QAbstractButton *> actionButtons() const;
    // Run by every showError() after the previous actions are cleared: adds the actions that fix
    // the error's cause where this banner is (ApiError::remedy(): "Edit connection…" for a wrong
    // secret or site, "Show certificate…" for an untrusted one). The banner cannot know what
    // opens a connection or a certificate; whoever places it does.
    using Remedies = std::function<void(ErrorBanner *banner, const ApiError &error)>;
    void setRemedies(Remedies remedies);
    // The remedies set here, for a dialog opened from this banner's page to offer the same fixes.
    const Remedies &remedies() const { return m_remedies; }
    const ApiError &error() const { return m_error; }

Q_SIGNALS:
    void actionTriggered();

private:
    void setDetailsVisible(bool visible);
    void clearActions();

    ApiError m_error;
    QLabel *m_text;
    QLabel *m_details;
    QToolButton *m_detailsButton;
    QToolButton *m_actionButton;
    QHBoxLayout *m_actions;
    QList<QToolButton *> m_extraActions;
    QToolButton *m_closeButton;
    Remedies m_remedies;
};
