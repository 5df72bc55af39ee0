#pragma once

#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

#include <memory>
#include <vector>

#include "Host.h"
#include "HostBitset.h"
#include "HostSelection.h"

// The site's hosts with their folders, tags, labels and host groups, held once for the whole
// console and shared read-only by every page (std::shared_ptr<const Inventory>). Compact on
// purpose: names in one buffer, every other text interned once, each host a list of attribute
// ids; every attribute value has the hosts that carry it (a bitset when many do, a sorted list
// when few do), so a host selection is evaluated with word operations. Built by
// InventoryBuilder, normally in a worker thread.
class Inventory final
{
public:
    enum class Kind : quint8 { Site, Folder, Tag, Label, Group };

    qsizetype size() const { return qsizetype(m_nameEnd.size()); }
    bool isEmpty() const { return m_nameEnd.empty(); }
    QStringView name(qsizetype host) const;
    // The host with every attribute, for explaining one host (built on demand).
    Host host(qsizetype index) const;
    // Position of the host with exactly this name, or -1. A binary search.
    qsizetype indexOf(QStringView name) const;
    // Hosts whose name starts with prefix (case-insensitively), in case-insensitive name order,
    // at most limit of them. A binary search plus limit steps: fast at any inventory size.
    QList<qsizetype> withPrefix(QStringView prefix, qsizetype limit) const;

    // Sorted distinct values seen in the inventory.
    const QStringList &sites() const { return m_sites; }
    // Normalised folder paths ("linux/web", "" for the root) with all their ancestors.
    const QStringList &folders() const { return m_folders; }
    int hostFolderCount() const { return m_hostFolderCount; } // distinct folders holding hosts
    const QStringList &labelKeys() const { return m_labelKeys; }
    QStringList labelValues(const QString &key) const { return m_labelValues.value(key); }

    // The hosts a selection picks; hosts that depend on host groups the site does not report
    // go to *unknown instead (both sets have size() bits).
    HostBitset select(const HostSelection &selection, HostBitset *unknown) const;
    // Up to limit names of the hosts in set, in inventory order.
    QStringList names(const HostBitset &set, qsizetype limit) const;
    // The memory this inventory holds (its own buffers), for the benchmark's per-host figure.
    qsizetype bytesUsed() const;

private:
    friend class InventoryBuilder;

    struct Attribute
    {
        Kind kind;
        quint32 key; // string id (tag group, label key); 0 for site, folder and group
        quint32 value; // string id
    };
    static quint64 attributeKey(Kind kind, quint32 key, quint32 value)
    {
        return (quint64(kind) << 58) | (quint64(key) << 29) | quint64(value);
    }
    qsizetype attributeId(Kind kind, const QString &key, const QString &value) const;
    // The hosts that carry one attribute, as a bitset of size() bits.
    HostBitset hostsWith(qsizetype attribute) const;
    void addHostsWith(qsizetype attribute, HostBitset *into) const;

    QString m_nameChars; // every name, one after the other
    std::vector<quint32> m_nameEnd; // host i's name ends here (starts at the previous end)
    std::vector<quint32> m_byName; // host positions, case-insensitive name order
    std::vector<quint32> m_attrEnd; // host i's attribute ids end here in m_attrs
    std::vector<quint32> m_attrs;
    HostBitset m_groupsKnown; // the site reported host groups for these hosts

    QStringList m_strings; // interned texts; id 0 is ""
    QHash<QString, quint32> m_stringIds;
    std::vector<Attribute> m_attributes;
    std::vector<quint32> m_attributesOfKind[5]; // attribute ids per Kind
    QHash<quint64, quint32> m_attributeIds;
    // Per attribute: a bitset when many hosts carry it, else the sorted host positions.
    std::vector<HostBitset> m_dense;
    std::vector<std::vector<quint32>> m_sparse;

    QStringList m_sites;
    QStringList m_folders;
    int m_hostFolderCount = 0;
    QStringList m_labelKeys;
    QHash<QString, QStringList> m_labelValues;
};
