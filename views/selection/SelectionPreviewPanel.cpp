#include "SelectionPreviewPanel.h"

#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QTabWidget>
#include <QVBoxLayout>

#include "Inventory.h"
#include "SelectionPreview.h"

using namespace Qt::StringLiterals;

namespace {

void fillHostList(QListWidget *list, const Inventory &inventory, const HostBitset &hosts,
                  qsizetype count)
{
    list->clear();
    list->addItems(inventory.names(hosts, SelectionPreviewPanel::MaxListedHosts));
    if (count > SelectionPreviewPanel::MaxListedHosts) {
        auto *more = new QListWidgetItem(
            SelectionPreviewPanel::tr("… and %1 more")
                .arg(QLocale().toString(count - SelectionPreviewPanel::MaxListedHosts)),
            list);
        QFont font = more->font();
        font.setItalic(true);
        more->setFont(font);
        more->setFlags(Qt::NoItemFlags);
    }
}

} // namespace

SelectionPreviewPanel::SelectionPreviewPanel(QWidget *parent)
    : QGroupBox(tr("&Preview"), parent)
    , m_summary(new QLabel(this))
    , m_tabs(new QTabWidget(this))
{
    setObjectName(u"previewBox"_s);
    m_summary->setObjectName(u"previewSummary"_s);
    m_summary->setWordWrap(true);
    m_tabs->setObjectName(u"previewTabs"_s);
    const auto makeList = [this](const QString &name) {
        auto *list = new QListWidget(m_tabs);
        list->setObjectName(name);
        list->setUniformItemSizes(true);
        list->setWhatsThis(tr("The preview of the selection as edited, before it is saved: the "
                              "hosts it selects, those it adds and removes compared with the "
                              "saved selection, and those whose attributes the site did not "
                              "report (they cannot be judged)."));
        m_tabs->addTab(list, QString());
        return list;
    };
    m_selected = makeList(u"previewSelected"_s);
    m_added = makeList(u"previewAdded"_s);
    m_removed = makeList(u"previewRemoved"_s);
    m_unknown = makeList(u"previewUnknown"_s);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_tabs, 1);
    showNoInventory();
}

void SelectionPreviewPanel::showNoInventory()
{
    m_summary->setText(tr("No hosts in the inventory yet: reload to fetch the site's "
                          "hosts, then the preview shows which ones are selected."));
    for (QListWidget *list : { m_selected, m_added, m_removed, m_unknown })
        list->clear();
    m_tabs->setTabText(0, tr("Selected"));
    m_tabs->setTabText(1, tr("Added"));
    m_tabs->setTabText(2, tr("Removed"));
    m_tabs->setTabText(3, tr("Undecided"));
}

void SelectionPreviewPanel::showPreview(const Inventory &inventory, const SelectionPreview &preview)
{
    const QLocale locale;
    const qsizetype added = preview.added.count();
    const qsizetype removed = preview.removed.count();
    const qsizetype unknown = preview.unknown.count();
    QString summary = tr("%1 of %2 hosts selected")
                          .arg(locale.toString(preview.count()), locale.toString(inventory.size()));
    summary += u'\n'
        + tr("+%1 added / −%2 removed against the saved selection")
              .arg(locale.toString(added), locale.toString(removed));
    if (unknown > 0)
        summary += u'\n'
            + tr("%1 hosts depend on host groups the site does not report: the site decides")
                  .arg(locale.toString(unknown));
    m_summary->setText(summary);
    fillHostList(m_selected, inventory, preview.selected, preview.count());
    fillHostList(m_added, inventory, preview.added, added);
    fillHostList(m_removed, inventory, preview.removed, removed);
    fillHostList(m_unknown, inventory, preview.unknown, unknown);
    m_tabs->setTabText(0, tr("Selected (%1)").arg(locale.toString(preview.count())));
    m_tabs->setTabText(1, tr("Added (%1)").arg(locale.toString(added)));
    m_tabs->setTabText(2, tr("Removed (%1)").arg(locale.toString(removed)));
    m_tabs->setTabText(3, tr("Undecided (%1)").arg(locale.toString(unknown)));
}
