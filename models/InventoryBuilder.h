#pragma once

#include <QHash>
#include <QStringView>

#include <memory>
#include <vector>

#include "Host.h"
#include "Inventory.h"

// Builds an Inventory host by host (from a reply reader or from Host values) and derives its
// indexes in finish(): the name order for prefix lookups, the hosts of every attribute value,
// the folder tree and the label catalogue. Meant for a worker thread; not thread-safe itself.
class InventoryBuilder final
{
public:
    InventoryBuilder();

    void reserve(qsizetype hosts);
    void beginHost(QStringView name);
    void setFolder(QStringView folder);
    void setSite(QStringView site);
    void addTag(QStringView group, QStringView tag);
    void addLabel(QStringView key, QStringView value);
    void addGroup(QStringView group);
    void setGroupsKnown();
    void endHost();
    void addHost(const Host &host);
    qsizetype hostCount() const { return m_inventory->size(); }

    std::shared_ptr<const Inventory> finish();

private:
    quint32 intern(QStringView text);
    void addAttribute(Inventory::Kind kind, quint32 key, quint32 value);

    std::unique_ptr<Inventory> m_inventory;
    std::vector<quint32> m_hostAttrs; // the open host's attributes
    std::vector<quint32> m_groupsKnown;
    bool m_open = false;
};
