#include "KeysPage.h"

#include "HeaderMemory.h"

#include "FileDialogs.h"

#include "CertificateDetailsDialog.h"
#include "CreateKeyDialog.h"
#include "SignatureKeyModel.h"
#include "UploadKeyDialog.h"
#include "common/ErrorBanner.h"
#include "common/PassphraseDialog.h"
#include "common/PassphraseField.h"

#include <QAction>
#include <QDesktopServices>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStyle>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

using namespace Qt::StringLiterals;

KeysPage::KeysPage(QWidget *parent)
    : QWidget(parent)
    , m_model(new SignatureKeyModel(this))
    , m_banner(new ErrorBanner(this))
    , m_toolBar(new QToolBar(this))
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(this))
    , m_table(new QTableView(this))
    , m_busyRow(new QWidget(this))
    , m_busyText(new QLabel(m_busyRow))
    , m_busyBar(new QProgressBar(m_busyRow))
{
    m_model->setExpiryIcons(style()->standardIcon(QStyle::SP_MessageBoxWarning),
                            style()->standardIcon(QStyle::SP_MessageBoxCritical),
                            style()->standardIcon(QStyle::SP_MessageBoxCritical));

    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_createAction = m_toolBar->addAction(style()->standardIcon(QStyle::SP_FileIcon),
                                          tr("Create key…"), this, &KeysPage::createKey);
    m_uploadAction = m_toolBar->addAction(style()->standardIcon(QStyle::SP_ArrowUp),
                                          tr("Upload key…"), this, &KeysPage::uploadKey);
    m_downloadAction = m_toolBar->addAction(style()->standardIcon(QStyle::SP_ArrowDown),
                                            tr("Download key…"), this, &KeysPage::downloadKey);
    m_deleteAction = m_toolBar->addAction(style()->standardIcon(QStyle::SP_TrashIcon),
                                          tr("Delete…"), this, &KeysPage::deleteKey);
    m_detailsAction = m_toolBar->addAction(style()->standardIcon(QStyle::SP_FileDialogDetailedView),
                                           tr("Certificate details"), this, [this] {
                                               if (const int id = selectedKeyId())
                                                   Q_EMIT certificateDetailsRequested(id);
                                           });
    m_toolBar->addSeparator();
    m_refreshAction = m_toolBar->addAction(style()->standardIcon(QStyle::SP_BrowserReload),
                                           tr("Refresh"), this, &KeysPage::refreshRequested);

    // A tool bar's buttons take no keyboard focus (QToolBar's choice): each action has a
    // shortcut, active while this page is shown, named in its tool tip, and the key table
    // offers the same actions in its context menu (the Menu key, Shift+F10). Refresh is the
    // main window's F5.
    const auto bind = [](QAction *action, const QKeySequence &keys) {
        action->setShortcut(keys);
        action->setToolTip(tr("%1 (%2)").arg(action->text().remove(u'…'),
                                             keys.toString(QKeySequence::NativeText)));
    };
    bind(m_createAction, QKeySequence::New);
    bind(m_uploadAction, QKeySequence(Qt::CTRL | Qt::Key_U));
    bind(m_downloadAction, QKeySequence(Qt::CTRL | Qt::Key_D));
    bind(m_deleteAction, QKeySequence::Delete);
    bind(m_detailsAction, QKeySequence(Qt::CTRL | Qt::Key_I));
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->addActions(
        { m_createAction, m_uploadAction, m_downloadAction, m_deleteAction, m_detailsAction });

    // What's This (Shift+F1): the tool buttons take it from their actions.
    m_createAction->setWhatsThis(
        tr("Creates a signature key on the site: an RSA key pair protected by a passphrase of at "
           "least 12 characters, asked for at every signing. The passphrase cannot be changed or "
           "recovered."));
    m_uploadAction->setWhatsThis(tr("Uploads a key pair you already have (PEM certificate and "
                                    "encrypted private key) with its passphrase."));
    m_downloadAction->setWhatsThis(tr("Saves the selected key pair as the site hands it out: "
                                      "the certificate and the private key, encrypted with "
                                      "the key's passphrase, which is asked first. Keep the "
                                      "file as safe as the key itself; it is what you import "
                                      "on another site."));
    m_deleteAction->setWhatsThis(tr("Deletes the selected key on the site, after asking. A key "
                                    "still accepted by an agent updater rule cannot be deleted: "
                                    "remove it from the rule first."));
    m_detailsAction->setWhatsThis(tr("Shows the selected key's certificate: subject, validity, "
                                     "SHA-256 fingerprint."));
    m_refreshAction->setWhatsThis(tr("Reads the keys from the site again."));
    m_table->setWhatsThis(tr("The site's signature keys: number, title, fingerprint, creation "
                             "date and whether an agent updater rule accepts it. Replace a key "
                             "by adding the new one to the rule's accepted keys before the old "
                             "one is removed."));

    auto *proxy = new QSortFilterProxyModel(this);
    proxy->setSourceModel(m_model);
    proxy->setSortRole(SignatureKeyModel::SortRole);
    m_table->setModel(proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SignatureKeyModel::Created, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    // The digest is a long hex string, whole in its tool tip: it gives way in a narrow window,
    // so that the columns after it ("In use") keep their titles.
    m_table->horizontalHeader()->setSectionResizeMode(SignatureKeyModel::Digest,
                                                      QHeaderView::Interactive);
    m_table->setColumnWidth(SignatureKeyModel::Digest, 150);
    HeaderMemory::attach(m_table->horizontalHeader(), u"keys"_s);
    // Not stretched, even when a saved layout says so: a stretched last column shrinks below
    // its title ("In Verwendung") when the others need the width.
    m_table->horizontalHeader()->setStretchLastSection(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &KeysPage::updateActions);
    connect(m_table, &QTableView::doubleClicked, m_detailsAction, &QAction::trigger);

    m_empty->setObjectName(u"emptyState"_s);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setText(
        tr("This site has no signature keys yet.\n\nAgents only install updates signed with a "
           "key they know. Create a key, or upload one you already have."));
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_table);

    m_busyBar->setRange(0, 0);
    m_busyBar->setMaximumWidth(160);
    auto *busyLayout = new QHBoxLayout(m_busyRow);
    busyLayout->setContentsMargins(0, 0, 0, 0);
    busyLayout->addWidget(m_busyBar);
    busyLayout->addWidget(m_busyText, 1);
    auto *cancel = new QPushButton(tr("&Cancel"), m_busyRow);
    cancel->setObjectName(QStringLiteral("cancelBusy"));
    busyLayout->addWidget(cancel);
    cancel->setWhatsThis(tr("Stops the key job that is running (key generation or the "
                            "request to the site)."));
    connect(cancel, &QPushButton::clicked, this, &KeysPage::cancelRequested);
    m_busyRow->hide();
    m_banner->hide();

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_banner);
    layout->addWidget(m_busyRow);
    layout->addWidget(m_stack, 1);
    updateActions();
}

void KeysPage::showNotOffered(const QUrl &sitePage)
{
    m_sitePage = sitePage;
    m_offered = false;
    if (!m_notOffered) {
        m_notOffered = new QWidget(this);
        m_notOffered->setObjectName(u"keysNotOffered"_s);
        auto *text = new QLabel(
            tr("This site does not offer its signature keys through an interface AgentDesk can "
               "use: a stock Checkmk site manages them in its web GUI only.\n\nCreate, upload, "
               "download and delete keys on the site's page \"Signature keys for signing "
               "agents\". Signing and baking work from the Agents page with a key's number."),
            m_notOffered);
        text->setWordWrap(true);
        text->setAlignment(Qt::AlignCenter);
        auto *open = new QPushButton(tr("&Open the site's signature keys page"), m_notOffered);
        open->setObjectName(u"openSiteKeysPage"_s);
        open->setWhatsThis(tr("Opens the site's page \"Signature keys for signing agents\" in "
                              "the web browser."));
        connect(open, &QPushButton::clicked, this,
                [this] { QDesktopServices::openUrl(m_sitePage); });
        auto *layout = new QVBoxLayout(m_notOffered);
        layout->addStretch(1);
        layout->addWidget(text);
        layout->addWidget(open, 0, Qt::AlignHCenter);
        layout->addStretch(1);
        m_stack->addWidget(m_notOffered);
    }
    m_notOffered->findChild<QPushButton *>(u"openSiteKeysPage"_s)->setToolTip(sitePage.toString());
    m_banner->hide();
    m_stack->setCurrentWidget(m_notOffered);
    updateActions();
}

void KeysPage::setKeys(const QList<SignatureKey> &keys)
{
    m_offered = true;
    const int selected = selectedKeyId();
    m_model->setKeys(keys);
    m_stack->setCurrentWidget(keys.isEmpty() ? static_cast<QWidget *>(m_empty) : m_table);
    if (selected != 0)
        selectKey(selected);
    updateActions();
}

void KeysPage::setNow(const QDateTime &now)
{
    m_model->setNow(now);
}

void KeysPage::setBusy(bool busy, const QString &text)
{
    m_busy = busy;
    m_busyText->setText(text);
    m_busyRow->setVisible(busy);
    updateActions();
}

void KeysPage::finishDialog(bool ok, const QString &problem)
{
    finishDialog(ok, ok ? ApiError() : ApiError::local(problem));
}

void KeysPage::finishDialog(bool ok, const ApiError &error)
{
    if (m_createDialog)
        m_createDialog->finish(ok, error.detail.isEmpty() ? error.summary() : error.detail);
    else if (m_uploadDialog)
        m_uploadDialog->finish(ok, error);
}

void KeysPage::showError(const ApiError &error)
{
    m_banner->showError(error);
    m_banner->show();
}

void KeysPage::showCertificateDetails(const CertificateSummary &certificate)
{
    auto *dialog = new CertificateDetailsDialog(certificate, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

int KeysPage::selectedKeyId() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? 0 : rows.first().data(SignatureKeyModel::KeyIdRole).toInt();
}

void KeysPage::selectKey(int id)
{
    const int row = m_model->rowOfKey(id);
    if (row < 0)
        return;
    const auto *proxy = static_cast<QSortFilterProxyModel *>(m_table->model());
    m_table->selectRow(proxy->mapFromSource(m_model->index(row, 0)).row());
}

void KeysPage::updateActions()
{
    const int id = selectedKeyId();
    const SignatureKey *key = id != 0 ? m_model->keyAt(m_model->rowOfKey(id)) : nullptr;
    m_createAction->setEnabled(!m_busy && m_offered);
    m_uploadAction->setEnabled(!m_busy && m_offered);
    m_refreshAction->setEnabled(!m_busy);
    m_downloadAction->setEnabled(!m_busy && key != nullptr);
    m_detailsAction->setEnabled(key != nullptr);
    m_deleteAction->setEnabled(!m_busy && key != nullptr && !key->inUse);
    m_deleteAction->setToolTip(
        key != nullptr && key->inUse
            ? tr("This key is still used by the agent updater rule.")
            : tr("Delete the selected key (%1)")
                  .arg(m_deleteAction->shortcut().toString(QKeySequence::NativeText)));
}

void KeysPage::createKey()
{
    auto *dialog = new CreateKeyDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // The dialog stays open until the key exists: a failure keeps everything typed.
    dialog->setStayOpen(true);
    m_createDialog = dialog;
    connect(dialog, &CreateKeyDialog::submitted, this, [this, dialog] {
        QByteArray passphrase = dialog->passphrase();
        Q_EMIT createKeyRequested(dialog->alias(), passphrase, dialog->backupPath());
        PassphraseField::wipe(passphrase);
    });
    dialog->open();
}

void KeysPage::uploadKey()
{
    auto *dialog = new UploadKeyDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setStayOpen(true);
    dialog->setRemedies(m_banner->remedies());
    m_uploadDialog = dialog;
    connect(dialog, &UploadKeyDialog::submitted, this, [this, dialog] {
        QByteArray passphrase = dialog->passphrase();
        Q_EMIT uploadKeyRequested(dialog->pem(), passphrase);
        PassphraseField::wipe(passphrase);
    });
    dialog->open();
}

void KeysPage::downloadKey()
{
    const int id = selectedKeyId();
    const SignatureKey *key = m_model->keyAt(m_model->rowOfKey(id));
    if (key == nullptr)
        return;
    const QString target = FileDialogs::saveFileName(
        this, u"key"_s, tr("Save key"), u"agent-signing-key-%1.pem"_s.arg(id),
        tr("PEM files (*.pem);;All files (*)"), QStandardPaths::DownloadLocation);
    if (target.isEmpty())
        return;
    auto *dialog = new PassphraseDialog(
        tr("The site hands out the key \"%1\" only with its passphrase. The file holds the "
           "encrypted private key and the certificate.")
            .arg(key->alias),
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    // Open until the key is saved: a wrong passphrase is typed again, not the whole way here.
    dialog->setStayOpen(true);
    dialog->setRemedies(m_banner->remedies());
    m_downloadDialog = dialog;
    connect(dialog, &PassphraseDialog::submitted, this, [this, dialog, id, target] {
        QByteArray passphrase = dialog->passphrase();
        Q_EMIT downloadKeyRequested(id, passphrase, target);
        PassphraseField::wipe(passphrase);
    });
    dialog->open();
}

void KeysPage::finishDownload(bool ok, const ApiError &problem)
{
    if (m_downloadDialog) {
        m_downloadDialog->finish(ok, problem);
        return;
    }
    if (!ok)
        showError(problem);
}

void KeysPage::deleteKey()
{
    const int id = selectedKeyId();
    const SignatureKey *key = m_model->keyAt(m_model->rowOfKey(id));
    if (key == nullptr || key->inUse)
        return;
    auto *box = new QMessageBox(
        QMessageBox::Warning, tr("Delete signature key"),
        tr("Delete the key \"%1\"? Agents signed only with this key can no longer be updated, "
           "and the key cannot be restored without a backup.")
            .arg(key->alias),
        QMessageBox::Yes | QMessageBox::Cancel, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setDefaultButton(QMessageBox::Cancel);
    // Yes ends the box with QMessageBox::Yes, not QDialog::Accepted.
    connect(box, &QMessageBox::finished, this, [this, id](int result) {
        if (result == QMessageBox::Yes)
            Q_EMIT deleteKeyRequested(id);
    });
    box->open();
}

void KeysPage::confirmDownloaded(const QString &path)
{
    FileDialogs::confirmSaved(this, tr("Key downloaded"), path)
        ->setInformativeText(tr("The file holds the encrypted private key and its certificate; "
                                "keep it like the passphrase."));
}
