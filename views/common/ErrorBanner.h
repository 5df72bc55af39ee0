#pragma once

#include <QFrame>

#include "ApiError.h"

class QLabel;
class QToolButton;

// The one place errors are shown: a dismissable banner with the summary, the per-field
// messages on demand, and an optional action (such as "Retry").
class ErrorBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ErrorBanner)

public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const ApiError &error, const QString &context = {});
    void showMessage(const QString &text, bool warning = false);
    // Adds a button for the current message; cleared by the next message.
    void setAction(const QString &text);
    const ApiError &error() const { return m_error; }

Q_SIGNALS:
    void actionTriggered();

private:
    void setDetailsVisible(bool visible);

    ApiError m_error;
    QLabel *m_text;
    QLabel *m_details;
    QToolButton *m_detailsButton;
    QToolButton *m_actionButton;
    QToolButton *m_closeButton;
};
