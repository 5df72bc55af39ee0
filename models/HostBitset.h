#pragma once

#include <QtGlobal>

#include <bit>
#include <vector>

// A set of host positions in an Inventory, one bit per host: the form in which host-selection
// conditions are combined (AND/OR over 100,000 hosts is a few thousand word operations).
class HostBitset final
{
public:
    HostBitset() = default;
    explicit HostBitset(qsizetype size, bool filled = false);

    qsizetype size() const { return m_size; }
    bool test(qsizetype i) const { return (m_words[size_t(i >> 6)] >> (i & 63)) & 1u; }
    void set(qsizetype i) { m_words[size_t(i >> 6)] |= quint64(1) << (i & 63); }
    void reset(qsizetype i) { m_words[size_t(i >> 6)] &= ~(quint64(1) << (i & 63)); }
    void clear();
    qsizetype count() const;
    bool none() const { return count() == 0; }

    HostBitset &operator&=(const HostBitset &other);
    HostBitset &operator|=(const HostBitset &other);
    HostBitset &andNot(const HostBitset &other);
    friend bool operator==(const HostBitset &, const HostBitset &) = default;

    // Calls f(position) for every set bit in ascending order until f returns false.
    template<typename F> void forEach(F f) const
    {
        for (size_t w = 0; w < m_words.size(); ++w) {
            quint64 word = m_words[w];
            while (word) {
                const int bit = std::countr_zero(word);
                if (!f(qsizetype(w * 64 + size_t(bit))))
                    return;
                word &= word - 1;
            }
        }
    }

    qsizetype bytesUsed() const { return qsizetype(m_words.capacity() * sizeof(quint64)); }

private:
    void trimTail();

    std::vector<quint64> m_words;
    qsizetype m_size = 0;
};
