#include "PemBlocks.h"

namespace {

constexpr QByteArrayView dashes("-----");
constexpr QByteArrayView beginMarker("-----BEGIN ");
constexpr QByteArrayView endMarker("-----END ");

// Labels are short; a longer run is not a label, and bounding it keeps each marker's look-up
// constant so that the whole split stays linear.
constexpr qsizetype maxLabel = 64;

// At `at` a marker's label starts: the label up to the closing dashes, or empty.
QByteArrayView labelAt(QByteArrayView pem, qsizetype at, qsizetype *end)
{
    const QByteArrayView window = pem.sliced(at, qMin(maxLabel + dashes.size(), pem.size() - at));
    const qsizetype close = window.indexOf(dashes);
    if (close <= 0)
        return {};
    const QByteArrayView label = window.first(close);
    if (!PemBlocks::isLabel(label))
        return {};
    *end = at + close + dashes.size();
    return label;
}

} // namespace

bool PemBlocks::isLabel(QByteArrayView label)
{
    if (label.isEmpty() || label.size() > maxLabel || label.front() == ' ' || label.back() == ' ')
        return false;
    for (const char c : label) {
        if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' '))
            return false;
    }
    return true;
}

QList<PemBlocks::Block> PemBlocks::split(QByteArrayView pem)
{
    QList<Block> blocks;
    qsizetype openStart = -1; // where the open block's BEGIN starts
    QByteArrayView openLabel;
    qsizetype pos = 0;
    // Every marker starts with five dashes; each step moves past what it looked at, so every
    // byte is looked at a bounded number of times.
    while (pos < pem.size()) {
        const qsizetype at = pem.indexOf(dashes, pos);
        if (at < 0)
            break;
        const QByteArrayView rest = pem.sliced(at);
        qsizetype end = -1;
        if (rest.startsWith(beginMarker)) {
            const QByteArrayView label = labelAt(pem, at + beginMarker.size(), &end);
            if (!label.isEmpty()) {
                openStart = at;
                openLabel = label;
                pos = end;
                continue;
            }
        } else if (rest.startsWith(endMarker)) {
            const QByteArrayView label = labelAt(pem, at + endMarker.size(), &end);
            if (!label.isEmpty()) {
                if (openStart >= 0 && label == openLabel)
                    blocks.append({ openLabel.toByteArray(),
                                    pem.sliced(openStart, end - openStart).toByteArray() });
                openStart = -1;
                openLabel = {};
                pos = end;
                continue;
            }
        }
        pos = at + 1;
    }
    return blocks;
}
