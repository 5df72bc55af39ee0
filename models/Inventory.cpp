#include "Inventory.h"

#include <QSet>

#include <algorithm>

#include "HostSelectionEvaluator.h"

QStringView Inventory::name(qsizetype host) const
{
    const quint32 begin = host == 0 ? 0 : m_nameEnd[size_t(host - 1)];
    const quint32 end = m_nameEnd[size_t(host)];
    return QStringView(m_nameChars).mid(begin, end - begin);
}

Host Inventory::host(qsizetype index) const
{
    Host h;
    h.name = name(index).toString();
    h.hostGroupsKnown = m_groupsKnown.test(index);
    const quint32 begin = index == 0 ? 0 : m_attrEnd[size_t(index - 1)];
    for (quint32 i = begin; i < m_attrEnd[size_t(index)]; ++i) {
        const Attribute &a = m_attributes[m_attrs[i]];
        const QString &value = m_strings.at(a.value);
        switch (a.kind) {
        case Kind::Site:
            h.site = value;
            break;
        case Kind::Folder:
            h.folder = value;
            break;
        case Kind::Tag:
            h.tags.insert(m_strings.at(a.key), value);
            break;
        case Kind::Label:
            h.labels.insert(m_strings.at(a.key), value);
            break;
        case Kind::Group:
            h.hostGroups << value;
            break;
        }
    }
    return h;
}

qsizetype Inventory::indexOf(QStringView wanted) const
{
    auto it = std::lower_bound(
        m_byName.cbegin(), m_byName.cend(), wanted,
        [this](quint32 h, QStringView n) { return name(h).compare(n, Qt::CaseInsensitive) < 0; });
    // Names that differ only in case sit together; the exact one is among them.
    for (; it != m_byName.cend() && name(*it).compare(wanted, Qt::CaseInsensitive) == 0; ++it) {
        if (name(*it) == wanted)
            return *it;
    }
    return -1;
}

QList<qsizetype> Inventory::withPrefix(QStringView prefix, qsizetype limit) const
{
    QList<qsizetype> out;
    auto it = std::lower_bound(
        m_byName.cbegin(), m_byName.cend(), prefix,
        [this](quint32 h, QStringView p) { return name(h).compare(p, Qt::CaseInsensitive) < 0; });
    for (; it != m_byName.cend() && out.size() < limit; ++it) {
        if (!name(*it).startsWith(prefix, Qt::CaseInsensitive))
            break;
        out.append(*it);
    }
    return out;
}

qsizetype Inventory::attributeId(Kind kind, const QString &key, const QString &value) const
{
    const auto k = m_stringIds.constFind(key);
    const auto v = m_stringIds.constFind(value);
    if (k == m_stringIds.cend() || v == m_stringIds.cend())
        return -1;
    const auto a = m_attributeIds.constFind(attributeKey(kind, *k, *v));
    return a == m_attributeIds.cend() ? -1 : qsizetype(*a);
}

void Inventory::addHostsWith(qsizetype attribute, HostBitset *into) const
{
    if (m_dense[size_t(attribute)].size()) {
        *into |= m_dense[size_t(attribute)];
        return;
    }
    for (const quint32 h : m_sparse[size_t(attribute)])
        into->set(h);
}

HostBitset Inventory::hostsWith(qsizetype attribute) const
{
    if (m_dense[size_t(attribute)].size())
        return m_dense[size_t(attribute)];
    HostBitset out(size());
    addHostsWith(attribute, &out);
    return out;
}

HostBitset Inventory::select(const HostSelection &selection, HostBitset *unknown) const
{
    const qsizetype n = size();
    HostBitset result(n, true);
    *unknown = HostBitset(n);
    // OR over the values of one kind that a predicate accepts (sites, folders, groups).
    const auto anyOf = [this, n](Kind kind, auto accepts) {
        HostBitset any(n);
        for (const quint32 a : m_attributesOfKind[int(kind)]) {
            if (accepts(m_strings.at(m_attributes[a].value)))
                addHostsWith(a, &any);
        }
        return any;
    };
    if (!selection.sites.isEmpty()) {
        const QSet<QString> sites(selection.sites.cbegin(), selection.sites.cend());
        result &= anyOf(Kind::Site, [&sites](const QString &s) { return sites.contains(s); });
    }
    if (!selection.folders.isEmpty()) {
        // The evaluator's own folder rule (subfolders, spellings), once per distinct folder.
        HostSelection folderOnly;
        folderOnly.folders = selection.folders;
        const HostSelectionEvaluator evaluator(folderOnly);
        result &= anyOf(Kind::Folder, [&evaluator](const QString &folder) {
            Host h;
            h.folder = folder;
            return evaluator.selects(h);
        });
    }
    for (auto it = selection.hostTags.cbegin(); it != selection.hostTags.cend(); ++it) {
        const qsizetype a = attributeId(Kind::Tag, it.key(), it.value());
        if (a < 0)
            result.clear();
        else
            result &= hostsWith(a);
    }
    for (auto it = selection.hostLabels.cbegin(); it != selection.hostLabels.cend(); ++it) {
        const qsizetype a = attributeId(Kind::Label, it.key(), it.value());
        if (a < 0)
            result.clear();
        else
            result &= hostsWith(a);
    }
    if (!selection.hosts.isEmpty()) {
        HostBitset only(n);
        for (const QString &name : selection.hosts) {
            if (const qsizetype i = indexOf(name); i >= 0)
                only.set(i);
        }
        result &= only;
    }
    for (const QString &name : selection.excludedHosts) {
        if (const qsizetype i = indexOf(name); i >= 0)
            result.reset(i);
    }
    if (!selection.hostGroups.isEmpty()) {
        // Everything else holds; without reported groups only the site can decide.
        *unknown = result;
        unknown->andNot(m_groupsKnown);
        const QSet<QString> groups(selection.hostGroups.cbegin(), selection.hostGroups.cend());
        result &= m_groupsKnown;
        result &= anyOf(Kind::Group, [&groups](const QString &g) { return groups.contains(g); });
    }
    return result;
}

QStringList Inventory::names(const HostBitset &set, qsizetype limit) const
{
    QStringList out;
    set.forEach([&](qsizetype h) {
        if (out.size() >= limit)
            return false;
        out.append(name(h).toString());
        return true;
    });
    return out;
}

qsizetype Inventory::bytesUsed() const
{
    qsizetype bytes = qsizetype(sizeof(Inventory)) + m_nameChars.capacity() * 2;
    bytes += qsizetype(
        (m_nameEnd.capacity() + m_byName.capacity() + m_attrEnd.capacity() + m_attrs.capacity())
        * sizeof(quint32));
    bytes += m_groupsKnown.bytesUsed();
    for (const QString &s : m_strings)
        bytes += qsizetype(sizeof(QString)) + 16 + s.capacity() * 2;
    bytes += m_stringIds.capacity() * qsizetype(sizeof(QString) + sizeof(quint32) + 8);
    bytes += qsizetype(m_attributes.capacity() * sizeof(Attribute));
    bytes += m_attributeIds.capacity() * qsizetype(sizeof(quint64) + sizeof(quint32) + 8);
    for (const auto &kind : m_attributesOfKind)
        bytes += qsizetype(kind.capacity() * sizeof(quint32));
    for (const HostBitset &d : m_dense)
        bytes += qsizetype(sizeof(HostBitset)) + d.bytesUsed();
    for (const auto &s : m_sparse)
        bytes += qsizetype(sizeof(s) + s.capacity() * sizeof(quint32));
    return bytes;
}
