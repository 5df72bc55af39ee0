#pragma once

#include <QDialog>

#include "HostSelection.h"

// Asks what to do when saving the host selection failed because somebody else changed it on
// the site (HTTP 412): take theirs, overwrite it with ours, or go on editing. It only reports
// the choice; the page keeps the edits either way until app/ acts on it.
class StaleSelectionDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaleSelectionDialog)

public:
    enum class Choice { Reload, Overwrite, KeepEditing };

    StaleSelectionDialog(const HostSelection &mine, const HostSelection &theirs,
                         QWidget *parent = nullptr);

    // KeepEditing unless a button said otherwise (closing the dialog loses nothing).
    Choice choice() const { return m_choice; }

    // One line per condition, for showing a selection in a few words.
    static QString describe(const HostSelection &selection);

private:
    void choose(Choice choice);

    Choice m_choice = Choice::KeepEditing;
};
