#include "StaleSelectionDialog.h"

#include <QDialogButtonBox>
#include <QGridLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

StaleSelectionDialog::StaleSelectionDialog(const HostSelection &mine, const HostSelection &theirs,
                                           QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"staleSelectionDialog"_s);
    setWindowTitle(tr("Host selection changed on the site"));

    auto *text = new QLabel(
        tr("Somebody else changed the host selection on the site since you loaded it, so your "
           "edits were not saved.\n\nReload to see their selection (your edits are discarded), "
           "overwrite theirs with yours, or keep editing and decide later."),
        this);
    text->setWordWrap(true);

    const auto heading = [this](const QString &title) {
        auto *label = new QLabel(title, this);
        QFont font = label->font();
        font.setBold(true);
        label->setFont(font);
        return label;
    };
    const auto summary = [this](const HostSelection &selection, const QString &name) {
        auto *label = new QLabel(describe(selection), this);
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
    compare->addWidget(summary(mine, u"mineSummary"_s), 1, 0);
    compare->addWidget(summary(theirs, u"theirsSummary"_s), 1, 1);
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
    setMinimumWidth(560);
}

void StaleSelectionDialog::choose(Choice choice)
{
    m_choice = choice;
    if (choice == Choice::KeepEditing)
        reject();
    else
        accept();
}

QString StaleSelectionDialog::describe(const HostSelection &selection)
{
    if (selection.isEmpty())
        return tr("No conditions: all hosts");
    // Long lists are cut: the summary is for recognising a selection, not for reading it.
    const auto shortList = [](const QStringList &values) {
        constexpr qsizetype shown = 4;
        QString text = values.mid(0, shown).join(u", "_s);
        if (values.size() > shown)
            text += tr(" and %1 more").arg(values.size() - shown);
        return text;
    };
    const auto pairs = [](const QHash<QString, QString> &hash, const QString &separator) {
        QStringList out;
        for (auto it = hash.cbegin(); it != hash.cend(); ++it)
            out << it.key() + separator + it.value();
        out.sort();
        return out;
    };
    QStringList folders;
    for (const QString &f : selection.folders)
        folders << u'/' + HostSelection::normalFolder(f);
    QStringList lines;
    if (!selection.sites.isEmpty())
        lines << tr("Sites: %1").arg(shortList(selection.sites));
    if (!folders.isEmpty())
        lines << tr("Folders: %1").arg(shortList(folders));
    if (!selection.hostTags.isEmpty())
        lines << tr("Host tags: %1").arg(shortList(pairs(selection.hostTags, u" = "_s)));
    if (!selection.hostLabels.isEmpty())
        lines << tr("Host labels: %1").arg(shortList(pairs(selection.hostLabels, u": "_s)));
    if (!selection.hostGroups.isEmpty())
        lines << tr("Host groups: %1").arg(shortList(selection.hostGroups));
    if (!selection.hosts.isEmpty())
        lines << tr("Only hosts: %1").arg(shortList(selection.hosts));
    if (!selection.excludedHosts.isEmpty())
        lines << tr("Excluded hosts: %1").arg(shortList(selection.excludedHosts));
    return lines.join(u'\n');
}
