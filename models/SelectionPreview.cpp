#include "SelectionPreview.h"

#include "Inventory.h"

SelectionPreview SelectionPreview::compute(const Inventory &inventory, const HostSelection &saved,
                                           const HostSelection &edited)
{
    SelectionPreview preview;
    preview.selected = inventory.select(edited, &preview.unknown);
    preview.selectedCount = preview.selected.count();
    HostBitset unknownBefore;
    const HostBitset before
        = saved == edited ? preview.selected : inventory.select(saved, &unknownBefore);
    if (saved == edited)
        unknownBefore = preview.unknown;
    preview.savedCount = before.count();
    // Unknown on either side is not a change we can claim.
    preview.added = preview.selected;
    preview.added.andNot(before);
    preview.added.andNot(unknownBefore);
    preview.removed = before;
    preview.removed.andNot(preview.selected);
    preview.removed.andNot(preview.unknown);
    return preview;
}
