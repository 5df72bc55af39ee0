#pragma once

#include <QWizardPage>

#include <functional>

// A page of the migration assistant whose completeness the assistant sets: the pages wait for
// answers from the sites (a plan, a finished step), which arrive through the assistant.
class MigrationPage final : public QWizardPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MigrationPage)

public:
    explicit MigrationPage(QWidget *parent = nullptr);

    void setComplete(bool complete);
    bool isComplete() const override { return m_complete; }
    // Called when the page is shown (QWizard::initializePage), so the assistant can start the
    // page's work.
    void setOnShow(std::function<void()> onShow) { m_onShow = std::move(onShow); }
    void initializePage() override;

private:
    bool m_complete = true;
    std::function<void()> m_onShow;
};
