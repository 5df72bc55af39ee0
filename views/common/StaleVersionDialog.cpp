#include "StaleVersionDialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

StaleVersionDialog::StaleVersionDialog(const QString &what, const QStringList &mine,
                                       const QStringList &theirs, const QString &theirsError,
                                       QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"staleVersionDialog"_s);
    setWindowTitle(tr("Changed on the site meanwhile"));
    auto *text = new QLabel(
        tr("Somebody else changed %1 on the site since you opened it, so your edits were not "
           "saved.\n\nReload to see their version (your edits are discarded), overwrite theirs "
           "with yours, or keep editing and decide later.")
            .arg(what),
        this);
    text->setWordWrap(true);

    const auto heading = [this](const QString &title) {
        auto *label = new QLabel(title, this);
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
        return label;
    };
    const auto summary = [this](const QString &content, const QString &name) {
        auto *label = new QLabel(content, this);
        label->setObjectName(name);
        label->setWordWrap(true);
        label->setTextInteractionFlags(Qt::TextSelectableByMouse);
        label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        label->setTextFormat(Qt::PlainText);
        return label;
    };
    auto *compare = new QGridLayout;
    compare->addWidget(heading(tr("Your edits")), 0, 0);
    compare->addWidget(heading(tr("On the site now")), 0, 1);
    compare->addWidget(summary(mine.join(u'\n'), u"mineSummary"_s), 1, 0);
    compare->addWidget(
        summary(theirsError.isEmpty()
                    ? theirs.join(u'\n')
                    : tr("The site's current version could not be read: %1").arg(theirsError),
                u"theirsSummary"_s),
        1, 1);
    compare->setColumnStretch(0, 1);
    compare->setColumnStretch(1, 1);
    compare->setHorizontalSpacing(24);

    auto *buttons = new QDialogButtonBox(this);
    auto *reload
        = buttons->addButton(tr("&Reload (discard my edits)"), QDialogButtonBox::DestructiveRole);
    reload->setObjectName(u"reloadButton"_s);
    auto *overwrite = buttons->addButton(tr("&Overwrite theirs"), QDialogButtonBox::AcceptRole);
    overwrite->setObjectName(u"overwriteButton"_s);
    auto *keep = buttons->addButton(tr("&Keep editing"), QDialogButtonBox::RejectRole);
    keep->setObjectName(u"keepEditingButton"_s);
    // The safe answer, also for Enter: nothing is lost.
    keep->setDefault(true);
    keep->setFocus();
    connect(reload, &QPushButton::clicked, this, [this] { choose(Choice::Reload); });
    connect(overwrite, &QPushButton::clicked, this, [this] { choose(Choice::Overwrite); });
    connect(keep, &QPushButton::clicked, this, [this] { choose(Choice::KeepEditing); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(text);
    layout->addSpacing(8);
    layout->addLayout(compare);
    layout->addStretch(1);
    layout->addSpacing(12);
    layout->addWidget(buttons);
    setMinimumWidth(640);
    // Word-wrapped summaries need their height for the width, or the last lines are cut.
    resize(640, qMax(sizeHint().height(), layout->totalHeightForWidth(640)));
}

void StaleVersionDialog::choose(Choice choice)
{
    m_choice = choice;
    if (choice == Choice::KeepEditing)
        reject();
    else
        accept();
}
