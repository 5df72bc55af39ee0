#include "LocalConfigPage.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

#include "ErrorBanner.h"
#include "UpdaterConfigModel.h"

LocalConfigPage::LocalConfigPage(QWidget *parent)
    : QWidget(parent)
    , m_cfgPath(new QLineEdit)
    , m_statePath(new QLineEdit)
    , m_reveal(new QCheckBox(tr("Reveal &secrets")))
    , m_status(new QLabel)
    , m_banner(new ErrorBanner)
    , m_table(new QTableView)
    , m_model(new UpdaterConfigModel(this))
{
    m_banner->hide();
    m_status->setWordWrap(true);
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(UpdaterConfigModel::KeyColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(UpdaterConfigModel::ValueColumn,
                                                      QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(UpdaterConfigModel::SourceColumn,
                                                      QHeaderView::ResizeToContents);
    m_table->setWordWrap(false);

    m_cfgPath->setWhatsThis(tr("The updater's configuration file from the bakery "
                               "(cmk-update-agent.cfg, usually in /etc/check_mk). Its values win "
                               "over those of the state file."));
    m_statePath->setWhatsThis(tr("The state file the registration writes "
                                 "(cmk-update-agent.state, usually /etc/cmk-update-agent.state): "
                                 "host name, host secret, trusted certificates, last check."));
    m_reveal->setWhatsThis(tr("Shows the secrets (host secret, proxy password) in plain text; "
                              "masked otherwise."));
    m_table->setWhatsThis(tr("What cmk-update-agent show-config shows: each key, its value, and "
                             "the file it comes from."));
    const auto pathRow = [this](QLineEdit *edit, const QString &title) {
        auto *row = new QHBoxLayout;
        auto *choose = new QPushButton(tr("Choose…"));
        choose->setWhatsThis(edit->whatsThis());
        row->addWidget(edit, 1);
        row->addWidget(choose);
        connect(choose, &QPushButton::clicked, this, [this, edit, title] {
            const QString path = QFileDialog::getOpenFileName(this, title, edit->text());
            if (!path.isEmpty()) {
                edit->setText(path);
                Q_EMIT reloadRequested();
            }
        });
        connect(edit, &QLineEdit::editingFinished, this, &LocalConfigPage::reloadRequested);
        return row;
    };
    auto *form = new QFormLayout;
    form->addRow(tr("Configuration (.cfg):"), pathRow(m_cfgPath, tr("Updater configuration")));
    form->addRow(tr("State (.state):"), pathRow(m_statePath, tr("Updater state")));
    auto *reload = new QPushButton(tr("&Reload"));
    reload->setWhatsThis(tr("Reads both files again."));
    auto *options = new QHBoxLayout;
    options->addWidget(m_reveal);
    options->addStretch();
    options->addWidget(reload);

    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("<b>Local agent updater configuration</b><br>What "
                                  "cmk-update-agent on this machine uses: values in the .cfg "
                                  "override those in the .state."));
    heading->setWordWrap(true);
    layout->addWidget(heading);
    layout->addWidget(m_banner);
    layout->addLayout(form);
    layout->addLayout(options);
    layout->addWidget(m_status);
    layout->addWidget(m_table, 1);

    connect(reload, &QPushButton::clicked, this, &LocalConfigPage::reloadRequested);
    connect(m_reveal, &QCheckBox::toggled, m_model, &UpdaterConfigModel::setSecretsRevealed);
}

void LocalConfigPage::setPaths(const QString &cfgPath, const QString &statePath)
{
    m_cfgPath->setText(cfgPath);
    m_statePath->setText(statePath);
}

QString LocalConfigPage::cfgPath() const
{
    return m_cfgPath->text().trimmed();
}

QString LocalConfigPage::statePath() const
{
    return m_statePath->text().trimmed();
}

void LocalConfigPage::setFiles(const FileState &cfg, const FileState &state)
{
    QStringList errors;
    for (const FileState *f : { &cfg, &state }) {
        if (!f->error.isEmpty())
            errors << f->error;
    }
    if (errors.isEmpty()) {
        m_banner->hide();
    } else {
        m_banner->showMessage(errors.join(QLatin1Char('\n')), true);
        m_banner->show();
    }
    QStringList status;
    for (const FileState *f : { &cfg, &state }) {
        if (!f->error.isEmpty())
            status << tr("%1: not usable (see above).").arg(f->path);
        else if (!f->exists)
            status << tr("%1: does not exist.").arg(f->path);
        else
            status << tr("%1: %n key(s).", nullptr, int(f->values.size())).arg(f->path);
    }
    m_status->setText(status.join(QLatin1Char('\n')));
    m_model->setEntries(UpdaterConfigView::merge(cfg.values, state.values));
}

LocalConfigPage::~LocalConfigPage()
{
    // A focused path field emits editingFinished while the children are destroyed, after this
    // object is gone: cut those connections first.
    for (QLineEdit *edit : findChildren<QLineEdit *>())
        disconnect(edit, nullptr, this, nullptr);
}
