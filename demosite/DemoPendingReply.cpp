#include "DemoPendingReply.h"

void DemoPendingReply::onReady(std::function<void(DemoReply)> callback)
{
    m_callback = std::move(callback);
    if (m_reply && !m_done) {
        m_done = true;
        m_callback(std::move(*m_reply));
    }
}

void DemoPendingReply::resolve(DemoReply reply)
{
    if (m_done)
        return;
    if (!m_callback) {
        m_reply = std::move(reply);
        return;
    }
    m_done = true;
    m_callback(std::move(reply));
}
