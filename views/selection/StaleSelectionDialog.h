#pragma once

#include "HostSelection.h"
#include "StaleVersionDialog.h"

// The stale-version question (HTTP 412) for the host selection: both selections in a few words
// each, and reload, overwrite or keep editing. It only reports the choice; the page keeps the
// edits either way until app/ acts on it.
class StaleSelectionDialog final : public StaleVersionDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaleSelectionDialog)

public:
    StaleSelectionDialog(const HostSelection &mine, const HostSelection &theirs,
                         QWidget *parent = nullptr);

    // One line per condition, for showing a selection in a few words.
    static QString describe(const HostSelection &selection);
};
