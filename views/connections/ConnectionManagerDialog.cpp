#include "ConnectionManagerDialog.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

#include "CertificateTrustDialog.h"
#include "ConnectionEditor.h"

using namespace Qt::StringLiterals;

namespace {
void wipe(QByteArray &bytes)
{
    std::fill(bytes.begin(), bytes.end(), '\0');
    bytes.clear();
}
} // namespace

ConnectionManagerDialog::ConnectionManagerDialog(QWidget *parent)
    : QDialog(parent)
    , m_list(new QListWidget(this))
    , m_editor(new ConnectionEditor(this))
    , m_testResult(new QLabel(this))
    , m_testFix(new QPushButton(this))
    , m_error(new QLabel(this))
    , m_add(new QPushButton(tr("&Add"), this))
    , m_remove(new QPushButton(tr("Remo&ve"), this))
    , m_test(new QPushButton(tr("&Test connection"), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Site connections"));
    setObjectName(u"connectionManager"_s);
    m_list->setObjectName(u"connectionList"_s);
    m_test->setObjectName(u"testButton"_s);
    m_testResult->setObjectName(u"testResult"_s);
    m_testFix->setObjectName(u"testFix"_s);
    m_testFix->setAutoDefault(false);
    m_testFix->hide();
    m_error->setObjectName(u"validationError"_s);
    m_list->setMinimumWidth(180);
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_testResult->setMinimumHeight(48);
    m_testResult->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(u"color: #8a1c12;"_s);

    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_add);
    listButtons->addWidget(m_remove);
    auto *left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);

    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_testFix);
    testRow->addStretch(1);
    auto *right = new QVBoxLayout;
    right->addWidget(m_editor, 1);
    right->addWidget(m_error);
    right->addLayout(testRow);
    right->addWidget(m_testResult);

    auto *top = new QHBoxLayout;
    top->addLayout(left);
    top->addLayout(right, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(top, 1);
    layout->addWidget(m_buttons);
    resize(760, 460);

    connect(m_list, &QListWidget::currentRowChanged, this, &ConnectionManagerDialog::selectRow);
    connect(m_add, &QPushButton::clicked, this, &ConnectionManagerDialog::addConnection);
    connect(m_remove, &QPushButton::clicked, this, &ConnectionManagerDialog::removeConnection);
    connect(m_test, &QPushButton::clicked, this, &ConnectionManagerDialog::test);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_editor, &ConnectionEditor::changed, this, [this] {
        m_error->setText(m_editor->validationError());
        m_testResult->clear();
        m_testFix->hide();
        updateButtons();
    });
    updateButtons();
}

ConnectionManagerDialog::~ConnectionManagerDialog()
{
    for (QByteArray &secret : m_secrets)
        wipe(secret);
}

void ConnectionManagerDialog::setConnections(const QList<SiteConnection> &connections,
                                             const QString &current)
{
    m_connections = connections;
    m_row = -1;
    refreshList();
    int row = 0;
    for (int i = 0; i < m_connections.size(); ++i) {
        if (m_connections.at(i).name == current)
            row = i;
    }
    m_list->setCurrentRow(m_connections.isEmpty() ? -1 : row);
    if (m_connections.isEmpty())
        addConnection();
}

QString ConnectionManagerDialog::currentName() const
{
    return m_row >= 0 && m_row < m_connections.size() ? m_connections.at(m_row).name : QString();
}

QHash<QString, QByteArray> ConnectionManagerDialog::takeSecrets()
{
    return std::exchange(m_secrets, {});
}

void ConnectionManagerDialog::refreshList()
{
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    for (const SiteConnection &c : std::as_const(m_connections))
        m_list->addItem(c.name.isEmpty() ? tr("(unnamed)") : c.name);
    if (m_row >= 0)
        m_list->setCurrentRow(m_row);
}

bool ConnectionManagerDialog::commitEditor()
{
    if (m_row < 0 || m_row >= m_connections.size())
        return true;
    const SiteConnection edited = m_editor->connection();
    const QString error = edited.validationError();
    for (int i = 0; i < m_connections.size(); ++i) {
        if (i != m_row && m_connections.at(i).name == edited.name) {
            m_error->setText(tr("Name: another connection is called \"%1\".").arg(edited.name));
            return false;
        }
    }
    if (!error.isEmpty()) {
        m_error->setText(error);
        return false;
    }
    const QString oldName = m_connections.at(m_row).name;
    if (!oldName.isEmpty() && oldName != edited.name)
        m_renames.insert(oldName, edited.name);
    if (m_secrets.contains(oldName) && oldName != edited.name)
        m_secrets.insert(edited.name, m_secrets.take(oldName));
    if (m_editor->secretEdited()) {
        QByteArray &slot = m_secrets[edited.name];
        wipe(slot);
        slot = m_editor->secret();
    }
    m_connections[m_row] = edited;
    if (QListWidgetItem *item = m_list->item(m_row))
        item->setText(edited.name);
    return true;
}

void ConnectionManagerDialog::selectRow(int row)
{
    if (row == m_row)
        return;
    if (!commitEditor()) {
        const QSignalBlocker blocker(m_list);
        m_list->setCurrentRow(m_row);
        return;
    }
    m_row = row;
    // A test result, its fix and a test still running belong to the connection that was
    // tested: a certificate trusted from them must never land on the one selected now.
    m_testedRow = -1;
    m_testResult->clear();
    m_testFix->disconnect();
    m_testFix->hide();
    m_test->setEnabled(true);
    if (row >= 0 && row < m_connections.size()) {
        const SiteConnection &c = m_connections.at(row);
        m_editor->setConnection(c);
        m_editor->setSecretPlaceholder(m_secrets.contains(c.name)
                                           ? tr("Changed; saved with the connection")
                                           : tr("Stored in the keychain; type to replace"));
    }
    m_error->setText(m_editor->validationError());
    updateButtons();
}

void ConnectionManagerDialog::addConnection()
{
    if (!commitEditor())
        return;
    SiteConnection c;
    c.name = tr("New site");
    for (int n = 2; std::any_of(m_connections.cbegin(), m_connections.cend(),
                                [&](const SiteConnection &o) { return o.name == c.name; });
         ++n) {
        c.name = tr("New site %1").arg(n);
    }
    c.user = u"automation"_s;
    m_connections << c;
    m_row = -1;
    refreshList();
    m_list->setCurrentRow(int(m_connections.size()) - 1);
    m_editor->setSecretPlaceholder(tr("Automation secret"));
    m_editor->setFocus();
}

void ConnectionManagerDialog::removeConnection()
{
    if (m_row < 0)
        return;
    const QString name = m_connections.at(m_row).name;
    if (m_secrets.contains(name)) {
        QByteArray secret = m_secrets.take(name);
        wipe(secret);
    }
    m_connections.removeAt(m_row);
    m_row = -1;
    m_testedRow = -1;
    refreshList();
    m_list->setCurrentRow(m_connections.isEmpty() ? -1 : 0);
    updateButtons();
}

void ConnectionManagerDialog::test()
{
    if (!commitEditor())
        return;
    m_testResult->setText(tr("Testing…"));
    m_testFix->hide();
    m_test->setEnabled(false);
    m_testedRow = m_row;
    const SiteConnection c = m_connections.at(m_row);
    Q_EMIT testRequested(c, m_secrets.value(c.name));
}

void ConnectionManagerDialog::setTestResult(const SiteVersion &version)
{
    if (m_testedRow < 0 || m_testedRow != m_row)
        return; // the user moved on to another connection meanwhile
    m_test->setEnabled(true);
    m_testResult->setStyleSheet(u"color: #0b6b3a;"_s);
    m_testResult->setText(tr("Connected to site \"%1\": Checkmk %2, %3 edition.")
                              .arg(version.site, version.checkmkVersion, version.editionName()));
}

void ConnectionManagerDialog::setTestError(const ApiError &error)
{
    if (m_testedRow < 0 || m_testedRow != m_row)
        return; // the user moved on to another connection meanwhile
    m_test->setEnabled(true);
    m_testResult->setStyleSheet(u"color: #8a1c12;"_s);
    // Say what to do, and put the action for it next to the message.
    m_testFix->disconnect();
    m_testFix->hide();
    QString advice;
    const auto focusOn = [this](QLineEdit *edit) {
        edit->setFocus(Qt::OtherFocusReason);
        edit->selectAll();
    };
    if (error.remedy() == ApiError::Remedy::ShowCertificate) {
        advice = tr("The site's certificate is not trusted. Look at it and trust it if the "
                    "fingerprint is the one your site administrator gives you.");
        m_testFix->setText(tr("Show certificate…"));
        connect(m_testFix, &QPushButton::clicked, this, [this, error, row = m_row] {
            if (row == m_row)
                reviewCertificate(error);
        });
    } else if (error.isSiteNotFound()) {
        advice = tr("The server answered, but there is no Checkmk site with this name at this "
                    "address. Check the site name (the OMD site, as in "
                    "https://server/SITE/check_mk/).");
        m_testFix->setText(tr("Edit site name"));
        connect(m_testFix, &QPushButton::clicked, this,
                [this, focusOn] { focusOn(m_editor->siteEdit()); });
    } else if (error.remedy() == ApiError::Remedy::EditConnection) {
        advice = tr("The site did not accept the user or its secret. Enter the automation secret "
                    "of the user (in Checkmk: Setup › Users, the automation user's "
                    "properties).");
        m_testFix->setText(tr("Edit secret"));
        connect(m_testFix, &QPushButton::clicked, this,
                [this, focusOn] { focusOn(m_editor->secretEdit()); });
    }
    m_testFix->setVisible(!advice.isEmpty());
    m_testResult->setText(advice.isEmpty()
                              ? tr("Test failed: %1").arg(error.summary())
                              : tr("Test failed: %1\n%2").arg(error.summary(), advice));
}

void ConnectionManagerDialog::reviewCertificate(const ApiError &error)
{
    if (m_row < 0 || !commitEditor())
        return;
    SiteConnection c = m_connections.at(m_row);
    CertificateTrustDialog dialog(u"%1 (%2)"_s.arg(c.name, c.server), error, this);
    dialog.exec();
    switch (dialog.choice()) {
    case CertificateTrustDialog::Choice::Refuse:
        return;
    case CertificateTrustDialog::Choice::TrustCertificate:
        c.pinnedSha256 << dialog.trustedCertificate().sha256;
        c.pinnedSha256.removeDuplicates();
        break;
    case CertificateTrustDialog::Choice::Insecure:
        c.insecure = true;
        break;
    }
    m_connections[m_row] = c;
    m_editor->setConnection(c);
    test(); // with the choice, at once
}

void ConnectionManagerDialog::updateButtons()
{
    const bool has = m_row >= 0 && m_row < m_connections.size();
    m_remove->setEnabled(has);
    m_test->setEnabled(has);
    m_editor->setEnabled(has);
}

void ConnectionManagerDialog::done(int result)
{
    if (result == QDialog::Accepted && !commitEditor())
        return; // keep the dialog open: the message names the field
    QDialog::done(result);
}
