#include "ErrorBanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

#include "DisplayText.h"

using namespace Qt::StringLiterals;

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent)
    , m_text(new QLabel(this))
    , m_details(new QLabel(this))
    , m_detailsButton(new QToolButton(this))
    , m_actionButton(new QToolButton(this))
    , m_actions(new QHBoxLayout)
    , m_closeButton(new QToolButton(this))
{
    setObjectName(u"errorBanner"_s);
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setTextFormat(Qt::PlainText);
    m_details->setWordWrap(true);
    m_details->setTextFormat(Qt::PlainText);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->hide();
    m_detailsButton->setText(tr("&Details"));
    m_detailsButton->setCheckable(true);
    m_actionButton->hide();
    m_closeButton->setIcon(style()->standardIcon(QStyle::SP_TitleBarCloseButton));
    m_closeButton->setToolTip(tr("Dismiss"));
    m_closeButton->setAccessibleName(tr("Dismiss message"));
    m_closeButton->setAutoRaise(true);

    auto *top = new QHBoxLayout;
    top->addWidget(m_text, 1);
    top->addWidget(m_detailsButton);
    m_actions->setContentsMargins(0, 0, 0, 0);
    top->addLayout(m_actions);
    top->addWidget(m_actionButton);
    top->addWidget(m_closeButton);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 6, 8, 6);
    layout->addLayout(top);
    layout->addWidget(m_details);

    connect(m_detailsButton, &QToolButton::toggled, this, &ErrorBanner::setDetailsVisible);
    connect(m_actionButton, &QToolButton::clicked, this, &ErrorBanner::actionTriggered);
    connect(m_closeButton, &QToolButton::clicked, this, &QWidget::hide);
    hide();
}

void ErrorBanner::showError(const ApiError &error, const QString &context)
{
    m_error = error;
    // The error's texts come from a site: escaped and capped here as well as where they were
    // read, so that no path around the reader puts raw text into a label. The banner's line
    // stays short; the whole (capped) text is under Details. Long runs without a space (a line
    // of escapes) get line breaks, or the label could only clip them.
    const QString summary
        = DisplayText::sanitized(error.summary(), 2000, DisplayText::Newlines::Keep);
    const QString shortSummary = DisplayText::breakLongRuns(
        DisplayText::sanitized(summary, 300, DisplayText::Newlines::Keep), 100);
    m_text->setText(context.isEmpty() ? shortSummary : context + u"\n"_s + shortSummary);
    QStringList details;
    if (summary.size() > 300)
        details << DisplayText::breakLongRuns(summary, 100);
    const QStringList fields = error.fieldMessages();
    for (const QString &line : fields.mid(0, 50))
        details << DisplayText::breakLongRuns(DisplayText::sanitized(line, 500), 100);
    if (!error.url.isEmpty())
        details << DisplayText::breakLongRuns(
            tr("Request: %1").arg(DisplayText::sanitized(error.url, 500)), 100);
    m_details->setText(details.join(u'\n'));
    m_detailsButton->setVisible(!details.isEmpty());
    m_detailsButton->setChecked(false);
    clearActions();
    QPalette p = palette();
    p.setColor(QPalette::Window, QColor(0xfd, 0xec, 0xea));
    p.setColor(QPalette::WindowText, QColor(0x8a, 0x1c, 0x12));
    setPalette(p);
    if (m_remedies)
        m_remedies(this, error);
    show();
}

void ErrorBanner::setRemedies(Remedies remedies)
{
    m_remedies = std::move(remedies);
}

void ErrorBanner::showMessage(const QString &text, bool warning)
{
    m_error = {};
    m_text->setText(text);
    m_details->clear();
    m_detailsButton->hide();
    clearActions();
    QPalette p = palette();
    p.setColor(QPalette::Window, warning ? QColor(0xff, 0xf4, 0xd6) : QColor(0xe8, 0xf1, 0xfb));
    p.setColor(QPalette::WindowText, warning ? QColor(0x6b, 0x4a, 0x00) : QColor(0x12, 0x3b, 0x66));
    setPalette(p);
    show();
}

void ErrorBanner::setAction(const QString &text)
{
    m_actionButton->setText(text);
    m_actionButton->show();
}

void ErrorBanner::addAction(const QString &text, std::function<void()> handler)
{
    auto *button = new QToolButton(this);
    button->setText(text);
    m_actions->addWidget(button);
    m_extraActions << button;
    connect(button, &QToolButton::clicked, this, [this, handler = std::move(handler)] {
        hide();
        handler();
    });
}

QList<QAbstractButton *> ErrorBanner::actionButtons() const
{
    QList<QAbstractButton *> buttons;
    for (QToolButton *b : m_extraActions)
        buttons << b;
    if (!m_actionButton->isHidden())
        buttons << m_actionButton;
    return buttons;
}

void ErrorBanner::clearActions()
{
    m_actionButton->hide();
    for (QToolButton *b : std::as_const(m_extraActions)) {
        b->hide();
        b->deleteLater(); // it may be the button whose click shows the next message
    }
    m_extraActions.clear();
}

void ErrorBanner::setDetailsVisible(bool visible)
{
    m_details->setVisible(visible);
}
