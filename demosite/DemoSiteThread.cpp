#include "DemoSiteThread.h"

#include "DemoSite.h"

DemoSiteThread::DemoSiteThread(QObject *parent)
    : QObject(parent)
{
    m_thread.setObjectName(QStringLiteral("demo-site"));
}

DemoSiteThread::~DemoSiteThread()
{
    stop();
}

bool DemoSiteThread::start(const DemoSiteOptions &options, QString *error)
{
    stop();
    m_site = new DemoSite;
    m_site->moveToThread(&m_thread);
    m_thread.start();
    bool ok = false;
    QString message;
    QMetaObject::invokeMethod(
        m_site, [&] { ok = m_site->start(options, &message); }, Qt::BlockingQueuedConnection);
    if (!ok) {
        *error = message;
        stop();
    }
    return ok;
}

void DemoSiteThread::stop()
{
    if (!m_site)
        return;
    DemoSite *site = m_site;
    m_site = nullptr;
    // The site's sockets belong to its thread: it is deleted there.
    QMetaObject::invokeMethod(
        site, [site] { delete site; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}
