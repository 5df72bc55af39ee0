#include "InventoryBuilder.h"

#include <QSet>

#include <algorithm>
#include <numeric>

InventoryBuilder::InventoryBuilder()
    : m_inventory(std::make_unique<Inventory>())
{
    intern(u""); // id 0
}

void InventoryBuilder::reserve(qsizetype hosts)
{
    m_inventory->m_nameEnd.reserve(size_t(hosts));
    m_inventory->m_attrEnd.reserve(size_t(hosts));
    m_inventory->m_nameChars.reserve(hosts * 16);
    m_inventory->m_attrs.reserve(size_t(hosts) * 12);
}

quint32 InventoryBuilder::intern(QStringView text)
{
    Inventory &inv = *m_inventory;
    const QString key = text.toString();
    const auto it = inv.m_stringIds.constFind(key);
    if (it != inv.m_stringIds.cend())
        return *it;
    const auto id = quint32(inv.m_strings.size());
    inv.m_strings.append(key);
    inv.m_stringIds.insert(key, id);
    return id;
}

void InventoryBuilder::addAttribute(Inventory::Kind kind, quint32 key, quint32 value)
{
    Inventory &inv = *m_inventory;
    const quint64 k = Inventory::attributeKey(kind, key, value);
    auto it = inv.m_attributeIds.constFind(k);
    quint32 id = 0;
    if (it == inv.m_attributeIds.cend()) {
        id = quint32(inv.m_attributes.size());
        inv.m_attributes.push_back({ kind, key, value });
        inv.m_attributesOfKind[int(kind)].push_back(id);
        inv.m_attributeIds.insert(k, id);
    } else {
        id = *it;
    }
    // A host names each value once (a repeated group in a reply is no second membership).
    if (std::find(m_hostAttrs.cbegin(), m_hostAttrs.cend(), id) == m_hostAttrs.cend())
        m_hostAttrs.push_back(id);
}

void InventoryBuilder::beginHost(QStringView name)
{
    if (m_open)
        endHost();
    m_open = true;
    m_inventory->m_nameChars.append(name);
    m_inventory->m_nameEnd.push_back(quint32(m_inventory->m_nameChars.size()));
    m_hostAttrs.clear();
}

void InventoryBuilder::setFolder(QStringView folder)
{
    addAttribute(Inventory::Kind::Folder, 0, intern(folder));
}

void InventoryBuilder::setSite(QStringView site)
{
    addAttribute(Inventory::Kind::Site, 0, intern(site));
}

void InventoryBuilder::addTag(QStringView group, QStringView tag)
{
    addAttribute(Inventory::Kind::Tag, intern(group), intern(tag));
}

void InventoryBuilder::addLabel(QStringView key, QStringView value)
{
    addAttribute(Inventory::Kind::Label, intern(key), intern(value));
}

void InventoryBuilder::addGroup(QStringView group)
{
    addAttribute(Inventory::Kind::Group, 0, intern(group));
}

void InventoryBuilder::setGroupsKnown()
{
    m_groupsKnown.push_back(quint32(m_inventory->m_nameEnd.size() - 1));
}

void InventoryBuilder::endHost()
{
    if (!m_open)
        return;
    m_open = false;
    Inventory &inv = *m_inventory;
    // Every host has a site and a folder attribute, even an empty one, so host() is complete.
    bool site = false;
    bool folder = false;
    for (const quint32 a : m_hostAttrs) {
        site = site || inv.m_attributes[a].kind == Inventory::Kind::Site;
        folder = folder || inv.m_attributes[a].kind == Inventory::Kind::Folder;
    }
    if (!site)
        addAttribute(Inventory::Kind::Site, 0, 0);
    if (!folder)
        addAttribute(Inventory::Kind::Folder, 0, 0);
    inv.m_attrs.insert(inv.m_attrs.end(), m_hostAttrs.cbegin(), m_hostAttrs.cend());
    inv.m_attrEnd.push_back(quint32(inv.m_attrs.size()));
}

void InventoryBuilder::addHost(const Host &host)
{
    beginHost(host.name);
    setSite(host.site);
    setFolder(host.folder);
    for (auto it = host.tags.cbegin(); it != host.tags.cend(); ++it)
        addTag(it.key(), it.value());
    for (auto it = host.labels.cbegin(); it != host.labels.cend(); ++it)
        addLabel(it.key(), it.value());
    for (const QString &g : host.hostGroups)
        addGroup(g);
    if (host.hostGroupsKnown)
        setGroupsKnown();
    endHost();
}

std::shared_ptr<const Inventory> InventoryBuilder::finish()
{
    endHost();
    Inventory &inv = *m_inventory;
    const auto n = qsizetype(inv.m_nameEnd.size());
    inv.m_nameChars.squeeze();
    inv.m_attrs.shrink_to_fit();

    // Name order, case-insensitive (ties in exact order), for prefix lookups and indexOf().
    inv.m_byName.resize(size_t(n));
    std::iota(inv.m_byName.begin(), inv.m_byName.end(), 0u);
    std::sort(inv.m_byName.begin(), inv.m_byName.end(), [&inv](quint32 a, quint32 b) {
        const QStringView x = inv.name(a);
        const QStringView y = inv.name(b);
        const int c = x.compare(y, Qt::CaseInsensitive);
        return c != 0 ? c < 0 : x.compare(y) < 0;
    });

    inv.m_groupsKnown = HostBitset(n);
    for (const quint32 h : m_groupsKnown)
        inv.m_groupsKnown.set(h);
    m_groupsKnown = {};

    // The hosts of every attribute: counted first, then a bitset for common values (cheaper
    // than a list above n/32 hosts) and a list for rare ones.
    const size_t attributes = inv.m_attributes.size();
    std::vector<qsizetype> counts(attributes, 0);
    for (const quint32 a : inv.m_attrs)
        ++counts[a];
    inv.m_dense.resize(attributes);
    inv.m_sparse.resize(attributes);
    for (size_t a = 0; a < attributes; ++a) {
        if (counts[a] * 32 > n)
            inv.m_dense[a] = HostBitset(n);
        else
            inv.m_sparse[a].reserve(size_t(counts[a]));
    }
    quint32 begin = 0;
    for (qsizetype h = 0; h < n; ++h) {
        const quint32 end = inv.m_attrEnd[size_t(h)];
        for (quint32 i = begin; i < end; ++i) {
            const quint32 a = inv.m_attrs[i];
            if (inv.m_dense[a].size())
                inv.m_dense[a].set(h);
            else
                inv.m_sparse[a].push_back(quint32(h));
        }
        begin = end;
    }

    // Catalogues for the condition editors.
    QSet<QString> folders;
    QHash<QString, QSet<QString>> labelValues;
    for (const Inventory::Attribute &a : inv.m_attributes) {
        switch (a.kind) {
        case Inventory::Kind::Site:
            inv.m_sites.append(inv.m_strings.at(a.value));
            break;
        case Inventory::Kind::Folder: {
            ++inv.m_hostFolderCount;
            // Every ancestor is a useful condition too: "linux" covers "linux/web".
            QString folder = HostSelection::normalFolder(inv.m_strings.at(a.value));
            while (!folders.contains(folder)) {
                folders.insert(folder);
                const qsizetype slash = folder.lastIndexOf(u'/');
                folder = slash < 0 ? QString() : folder.left(slash);
            }
            break;
        }
        case Inventory::Kind::Label:
            labelValues[inv.m_strings.at(a.key)].insert(inv.m_strings.at(a.value));
            break;
        case Inventory::Kind::Tag:
        case Inventory::Kind::Group:
            break;
        }
    }
    inv.m_sites.sort();
    inv.m_folders = QStringList(folders.cbegin(), folders.cend());
    inv.m_folders.sort();
    for (auto it = labelValues.cbegin(); it != labelValues.cend(); ++it) {
        inv.m_labelKeys << it.key();
        QStringList values(it.value().cbegin(), it.value().cend());
        values.sort();
        inv.m_labelValues.insert(it.key(), values);
    }
    inv.m_labelKeys.sort();
    m_hostAttrs = {};
    std::shared_ptr<const Inventory> out(m_inventory.release());
    m_inventory = std::make_unique<Inventory>();
    intern(u"");
    return out;
}
