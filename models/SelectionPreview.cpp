#include "SelectionPreview.h"

#include "HostSelectionEvaluator.h"

SelectionPreview SelectionPreview::compute(const QList<Host> &inventory, const HostSelection &saved,
                                           const HostSelection &edited)
{
    using Verdict = HostSelectionEvaluator::Verdict;
    const HostSelectionEvaluator before(saved);
    const HostSelectionEvaluator after(edited);
    const bool same = saved == edited;
    SelectionPreview preview;
    for (const Host &host : inventory) {
        const Verdict now = after.evaluate(host);
        if (now == Verdict::Selected)
            preview.selected.append(host.name);
        else if (now == Verdict::Unknown)
            preview.unknown.append(host.name);
        if (same)
            continue;
        // Unknown on either side is not a change we can claim.
        const Verdict then = before.evaluate(host);
        if (now == Verdict::Selected && then == Verdict::NotSelected)
            preview.added.append(host.name);
        else if (now == Verdict::NotSelected && then == Verdict::Selected)
            preview.removed.append(host.name);
    }
    return preview;
}
