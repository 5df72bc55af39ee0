#pragma once

#include <QThread>

#include "DemoSiteOptions.h"

class DemoSite;

// Runs a DemoSite in a thread of its own, so that an in-process demo site never serves
// requests on the UI thread. start() returns once the site listens (or failed).
class DemoSiteThread final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DemoSiteThread)

public:
    explicit DemoSiteThread(QObject *parent = nullptr);
    ~DemoSiteThread() override;

    bool start(const DemoSiteOptions &options, QString *error);
    void stop();
    // Valid between start() and stop(); read its getters only (its state belongs to its thread).
    DemoSite *site() const { return m_site; }

private:
    QThread m_thread;
    DemoSite *m_site = nullptr;
};
