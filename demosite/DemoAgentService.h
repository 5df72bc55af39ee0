#pragma once

#include <QString>

struct HostUpdateStatus;

// The "Check_MK Agent" service of a host as a real site computes it from the updater's
// <<<cmk_update_agent_status>>> section (cmk/plugins/checkmk/agent_based/checkmk_agent.py):
// an update error is "Update error: {first line}" (WARN), "... globally disabled" and "agent
// updates are disabled for host" appear as they are (WARN by default), no check yet is "No
// successful connect to server yet" (WARN), a check older than two days is WARN; never CRIT.
// Summary parts are joined with ", " and a WARN part gets "(!)"; notices go to the long output.
struct DemoAgentService
{
    int state = 0; // 0 OK, 1 WARN
    QString summary; // plugin_output
    QString details; // long_plugin_output

    static DemoAgentService of(const HostUpdateStatus &row, const QString &os, qint64 now,
                               const QString &updateUrl);
    // render.datetime of Checkmk: "%Y-%m-%d %H:%M:%S" (the demo renders in UTC).
    static QString dateTime(qint64 epoch);
};
