#include "StaleSelectionDialog.h"

using namespace Qt::StringLiterals;

StaleSelectionDialog::StaleSelectionDialog(const HostSelection &mine, const HostSelection &theirs,
                                           QWidget *parent)
    : StaleVersionDialog(tr("the host selection"), describe(mine).split(u'\n'),
                         describe(theirs).split(u'\n'), {}, parent)
{
    setObjectName(u"staleSelectionDialog"_s);
    setWindowTitle(tr("Host selection changed on the site"));
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
