#include "CreateKeyDialog.h"

#include "FileDialogs.h"

#include "common/PassphraseField.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QVBoxLayout>

#include <cmath>

using namespace Qt::StringLiterals;

CreateKeyDialog::CreateKeyDialog(QWidget *parent)
    : QDialog(parent)
    , m_alias(new QLineEdit(this))
    , m_passphrase(new PassphraseField(this))
    , m_repeat(new PassphraseField(this))
    , m_strength(new QProgressBar(this))
    , m_strengthText(new QLabel(this))
    , m_mismatch(new QLabel(this))
    , m_understood(
          new QCheckBox(tr("I understand the passphrase cannot be recovered or changed"), this))
    , m_backupPath(new QLineEdit(this))
    , m_browse(new QPushButton(tr("&Browse…"), this))
    , m_problem(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setWindowTitle(tr("Create signature key"));
    m_alias->setObjectName(u"alias"_s);
    m_alias->setPlaceholderText(tr("e.g. Agent signing key 2025"));
    m_passphrase->setObjectName(u"passphrase"_s);
    m_repeat->setObjectName(u"repeat"_s);
    m_understood->setObjectName(u"understood"_s);
    m_backupPath->setObjectName(u"backupPath"_s);
    m_strength->setRange(0, 4);
    m_strength->setTextVisible(false);
    m_strength->setMaximumHeight(8);
    m_mismatch->setObjectName(u"mismatch"_s);
    m_mismatch->setText(tr("The passphrases do not match."));
    m_mismatch->setStyleSheet(u"color: #b00020;"_s);
    m_mismatch->hide();
    m_problem->setObjectName(u"problem"_s);
    m_problem->setWordWrap(true);
    m_problem->setEnabled(false); // greyed hint, not an error
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("Create key"));

    auto *intro = new QLabel(
        tr("The site signs agent packages with this key. Agents accept a package only when it "
           "is signed by a key listed in the agent updater rule. Keep the passphrase safe: "
           "nobody can recover or change it."),
        this);
    intro->setWordWrap(true);

    auto *strengthRow = new QHBoxLayout;
    strengthRow->addWidget(m_strength, 1);
    strengthRow->addWidget(m_strengthText);
    auto *backupRow = new QHBoxLayout;
    backupRow->addWidget(m_backupPath, 1);
    backupRow->addWidget(m_browse);

    auto *form = new QFormLayout;
    form->addRow(tr("&Description:"), m_alias);
    form->addRow(tr("&Passphrase:"), m_passphrase);
    form->addRow(tr("Strength:"), strengthRow);
    form->addRow(tr("&Repeat:"), m_repeat);
    form->addRow(QString(), m_mismatch);
    form->addRow(tr("Backup file:"), backupRow);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_understood);
    layout->addWidget(m_problem);
    layout->addWidget(m_buttons);

    connect(m_alias, &QLineEdit::textChanged, this, [this] {
        if (!m_backupPathEdited) {
            // Follow the description until the user picks a path of their own.
            QString name = m_alias->text().trimmed().toLower();
            name.replace(QRegularExpression(u"[^a-z0-9._-]+"_s), u"-"_s);
            const QString dir = defaultBackupFolder();
            const QSignalBlocker block(m_backupPath);
            m_backupPath->setText(QDir(dir).filePath(
                u"agent-signing-key%1.pem"_s.arg(name.isEmpty() ? QString() : u"-"_s + name)));
            m_backupPath->setCursorPosition(0); // the start of a path says more than its end
        }
        updateState();
    });
    connect(m_backupPath, &QLineEdit::textEdited, this, [this] { m_backupPathEdited = true; });
    connect(m_backupPath, &QLineEdit::textChanged, this, &CreateKeyDialog::updateState);
    connect(m_passphrase, &QLineEdit::textChanged, this, &CreateKeyDialog::updateState);
    connect(m_repeat, &QLineEdit::textChanged, this, &CreateKeyDialog::updateState);
    connect(m_understood, &QCheckBox::toggled, this, &CreateKeyDialog::updateState);
    connect(m_browse, &QPushButton::clicked, this, &CreateKeyDialog::browseBackup);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(this, &QDialog::rejected, this, [this] {
        m_passphrase->clear();
        m_repeat->clear();
    });

    Q_EMIT m_alias->textChanged(QString()); // default backup path
    setMinimumWidth(520);
}

QString CreateKeyDialog::alias() const
{
    return m_alias->text().trimmed();
}

QString CreateKeyDialog::backupPath() const
{
    return m_backupPath->text().trimmed();
}

QString CreateKeyDialog::defaultBackupFolder()
{
    // The folder last used for a backup; else Documents, or home where there is none.
    return FileDialogs::startFolder(u"backup"_s, QStandardPaths::DocumentsLocation);
}

QByteArray CreateKeyDialog::passphrase() const
{
    return m_passphrase->text().toUtf8();
}

void CreateKeyDialog::accept()
{
    if (!m_stayOpen) {
        QDialog::accept();
        return;
    }
    m_siteProblem.clear();
    m_working = true;
    updateState();
    Q_EMIT submitted();
}

void CreateKeyDialog::finish(bool ok, const QString &problem)
{
    m_working = false;
    if (ok) {
        m_stayOpen = false;
        QDialog::accept();
        return;
    }
    m_siteProblem = problem;
    updateState();
}

QByteArray CreateKeyDialog::takePassphrase()
{
    m_repeat->clear();
    return m_passphrase->takePassphrase();
}

int CreateKeyDialog::strength(const QString &passphrase)
{
    if (passphrase.size() < minimumPassphraseLength)
        return 0;
    bool lower = false, upper = false, digit = false, other = false;
    for (const QChar c : passphrase) {
        lower |= c.isLower();
        upper |= c.isUpper();
        digit |= c.isDigit();
        other |= !c.isLetterOrNumber();
    }
    const int pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
    const double bits = double(passphrase.size()) * std::log2(double(qMax(pool, 2)));
    if (bits >= 100)
        return 4;
    if (bits >= 75)
        return 3;
    if (bits >= 60)
        return 2;
    return 1;
}

QString CreateKeyDialog::problem() const
{
    if (alias().isEmpty())
        return tr("Enter a description for the key.");
    if (m_passphrase->text().size() < minimumPassphraseLength)
        return tr("The passphrase needs at least %1 characters.").arg(minimumPassphraseLength);
    if (m_repeat->text() != m_passphrase->text())
        return tr("Repeat the passphrase exactly.");
    if (backupPath().isEmpty())
        return tr("Choose where to save a backup of the key.");
    // Checked before the key is generated: a folder that does not exist fails only afterwards.
    const QDir folder = QFileInfo(backupPath()).absoluteDir();
    if (!folder.exists())
        return tr("The backup folder %1 does not exist. Choose a folder that exists, such as %2.")
            .arg(QDir::toNativeSeparators(folder.path()),
                 QDir::toNativeSeparators(defaultBackupFolder()));
    if (!m_understood->isChecked())
        return tr("Confirm that you understand the passphrase cannot be recovered.");
    return {};
}

void CreateKeyDialog::updateState()
{
    const int level = strength(m_passphrase->text());
    static const char *const names[]
        = { QT_TR_NOOP("too short"), QT_TR_NOOP("weak"), QT_TR_NOOP("fair"), QT_TR_NOOP("good"),
            QT_TR_NOOP("strong") };
    static const char *const colours[] = { "#b00020", "#b00020", "#c77700", "#3a7d2c", "#1f6f1f" };
    m_strength->setValue(level);
    m_strength->setStyleSheet(
        u"QProgressBar::chunk { background: %1; }"_s.arg(QLatin1String(colours[level])));
    m_strengthText->setText(m_passphrase->text().isEmpty() ? QString() : tr(names[level]));
    m_mismatch->setVisible(!m_repeat->text().isEmpty() && m_repeat->text() != m_passphrase->text());
    const QString problem = this->problem();
    m_problem->setText(m_working ? tr("Generating and uploading the key…")
                                 : (problem.isEmpty() ? m_siteProblem : problem));
    m_problem->setStyleSheet(!m_working && problem.isEmpty() && !m_siteProblem.isEmpty()
                                 ? u"color:#b3261e"_s
                                 : QString());
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty() && !m_working);
}

void CreateKeyDialog::browseBackup()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Save key backup"), backupPath(),
                                                      tr("PEM files (*.pem);;All files (*)"));
    if (!path.isEmpty()) {
        FileDialogs::rememberFolder(u"backup"_s, path);
        m_backupPathEdited = true;
        m_backupPath->setText(path);
        m_backupPath->setCursorPosition(0);
    }
}
