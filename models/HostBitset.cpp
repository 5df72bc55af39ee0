#include "HostBitset.h"

#include <algorithm>

HostBitset::HostBitset(qsizetype size, bool filled)
    : m_words(size_t((size + 63) / 64), filled ? ~quint64(0) : quint64(0))
    , m_size(size)
{
    trimTail();
}

void HostBitset::trimTail()
{
    // Bits past the last host stay zero so that count() and == need no mask.
    if (m_size % 64 && !m_words.empty())
        m_words.back() &= (quint64(1) << (m_size % 64)) - 1;
}

void HostBitset::clear()
{
    std::fill(m_words.begin(), m_words.end(), quint64(0));
}

qsizetype HostBitset::count() const
{
    qsizetype n = 0;
    for (const quint64 w : m_words)
        n += std::popcount(w);
    return n;
}

HostBitset &HostBitset::operator&=(const HostBitset &other)
{
    Q_ASSERT(other.m_size == m_size);
    for (size_t i = 0; i < m_words.size(); ++i)
        m_words[i] &= other.m_words[i];
    return *this;
}

HostBitset &HostBitset::operator|=(const HostBitset &other)
{
    Q_ASSERT(other.m_size == m_size);
    for (size_t i = 0; i < m_words.size(); ++i)
        m_words[i] |= other.m_words[i];
    return *this;
}

HostBitset &HostBitset::andNot(const HostBitset &other)
{
    Q_ASSERT(other.m_size == m_size);
    for (size_t i = 0; i < m_words.size(); ++i)
        m_words[i] &= ~other.m_words[i];
    return *this;
}
