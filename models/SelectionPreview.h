#pragma once

#include "HostBitset.h"
#include "HostSelection.h"

class Inventory;

// What an edited host selection would change, as sets of inventory positions: the hosts it
// selects and, against the saved selection, which hosts it adds and which it drops.
struct SelectionPreview
{
    HostBitset selected; // selected by the edited selection
    HostBitset unknown; // depends on host groups the site does not report
    HostBitset added; // selected now, not selected by the saved selection
    HostBitset removed; // selected by the saved selection, not any more
    qsizetype selectedCount = 0;
    qsizetype savedCount = 0; // selected by the saved selection

    qsizetype count() const { return selectedCount; }

    static SelectionPreview compute(const Inventory &inventory, const HostSelection &saved,
                                    const HostSelection &edited);
};
