#pragma once

#include <QObject>
#include <QPointer>
#include <QTimer>

#include "Prerequisites.h"

class SetupPage;
class SiteSession;
class UpdateStatusModel;

// Feeds the setup page: reads keys, rules, agents, registrations, the master switch and the
// pending changes, decides the prerequisites, switches the master switch and activates changes.
class SetupController final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SetupController)

public:
    SetupController(SiteSession *session, SetupPage *page, UpdateStatusModel *statusModel,
                    QObject *parent = nullptr);

    void refresh();
    void setMasterSwitch(bool on);
    void activate();

Q_SIGNALS:
    // The checklist was decided from a complete round of replies.
    void refreshed(const QList<Prerequisites::Result> &results);
    void activationFinished(bool ok);

private:
    void loadPendingChanges();
    void pollActivation(const QString &id);
    void evaluate();

    SiteSession *m_session;
    SetupPage *m_page;
    QPointer<UpdateStatusModel> m_statusModel;
    Prerequisites::Input m_input;
    int m_outstanding = 0;
    int m_generation = 0;
    QTimer m_poll;
};
