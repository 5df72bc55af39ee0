#pragma once

#include <functional>
#include <optional>

#include "DemoReply.h"

// A reply that is not known yet when the handler returns: a remote site's answer waits for the
// central site's. The handler returns DemoReply::later(pending) and resolves it when the
// answer is there; the server then records and sends it. The event loop never waits for it.
class DemoPendingReply final
{
public:
    DemoPendingReply() = default;
    DemoPendingReply(const DemoPendingReply &) = delete;
    DemoPendingReply &operator=(const DemoPendingReply &) = delete;

    // Called once by the server; runs at once when the reply is already there.
    void onReady(std::function<void(DemoReply)> callback);
    // Called once by the handler's asynchronous part.
    void resolve(DemoReply reply);

private:
    std::function<void(DemoReply)> m_callback;
    std::optional<DemoReply> m_reply;
    bool m_done = false;
};
