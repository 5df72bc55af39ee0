#pragma once

#include <QDialog>

// Asked when a save was refused because somebody changed the object on the site since it was
// read (412): shows the user's version next to the site's, or says why the site's could not be
// read (never empty data in its place), and offers reload, overwrite or keep editing.
class StaleVersionDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StaleVersionDialog)

public:
    enum class Choice { Reload, Overwrite, KeepEditing };

    // `what`: "the rule", "the master switch". `theirsError` non-empty: the site's version
    // could not be read; `theirs` is then ignored.
    StaleVersionDialog(const QString &what, const QStringList &mine, const QStringList &theirs,
                       const QString &theirsError, QWidget *parent = nullptr);

    Choice choice() const { return m_choice; }

private:
    void choose(Choice choice);

    Choice m_choice = Choice::KeepEditing;
};
