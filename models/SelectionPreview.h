#pragma once

#include <QList>
#include <QStringList>

#include "Host.h"
#include "HostSelection.h"

// What an edited host selection would change: the hosts it selects and, against the saved
// selection, which hosts it adds and which it drops. Lists keep inventory order.
struct SelectionPreview
{
    QStringList selected; // selected by the edited selection
    QStringList unknown; // depends on host groups the site does not report
    QStringList added; // selected now, not selected by the saved selection
    QStringList removed; // selected by the saved selection, not any more

    qsizetype count() const { return selected.size(); }

    static SelectionPreview compute(const QList<Host> &inventory, const HostSelection &saved,
                                    const HostSelection &edited);
};
