#pragma once

#include <QDialog>
#include <QHash>
#include <QList>

#include "ApiError.h"
#include "SiteConnection.h"
#include "SiteVersion.h"

class ConnectionEditor;
class QDialogButtonBox;
class QLabel;
class QListWidget;
class QPushButton;

// Add, edit, remove and test site connections. Testing and storing secrets are the app's job:
// the dialog asks through signals and shows the answer.
class ConnectionManagerDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConnectionManagerDialog)

public:
    explicit ConnectionManagerDialog(QWidget *parent = nullptr);
    ~ConnectionManagerDialog() override;

    void setConnections(const QList<SiteConnection> &connections, const QString &current = {});
    QList<SiteConnection> connections() const { return m_connections; }
    QString currentName() const;
    // Secrets typed in this dialog, by connection name. The caller stores and then wipes them.
    QHash<QString, QByteArray> takeSecrets();
    // Old name -> new name for connections renamed here, so their secrets can follow.
    QHash<QString, QString> renames() const { return m_renames; }

    void setTestResult(const SiteVersion &version);
    void setTestError(const ApiError &error);

Q_SIGNALS:
    // secret is empty when the user did not type one: use the stored one.
    void testRequested(const SiteConnection &connection, const QByteArray &secret);

protected:
    void done(int result) override;

private:
    void selectRow(int row);
    bool commitEditor();
    void addConnection();
    void removeConnection();
    void test();
    void reviewCertificate(const ApiError &error);
    void refreshList();
    void updateButtons();

    QList<SiteConnection> m_connections;
    QHash<QString, QByteArray> m_secrets;
    QHash<QString, QString> m_renames;
    int m_row = -1;
    QListWidget *m_list;
    ConnectionEditor *m_editor;
    QLabel *m_testResult;
    QPushButton *m_testFix; // the action that fixes what the test found, next to the message
    int m_testedRow = -1; // the row whose test runs or was answered; -1 after another is selected
    QLabel *m_error;
    QPushButton *m_add;
    QPushButton *m_remove;
    QPushButton *m_test;
    QDialogButtonBox *m_buttons;
};
