// Every page and main dialog at 1,024 x 700, in English and in German, connected to the
// embedded demo: nothing may need a wider or taller window (minimumSizeHint), and no label or
// button may cut its text (a label's text wider than the label; a button smaller than its
// text needs, which QToolButton shows as "Left…,710"), nor a table its column headers or the
// short values of its cells. The stale-version dialog and the message boxes the app asks with
// (About, delete rule, bake, delete key) are held to the same. Screenshots of each go to
// build/default/screenshots/layout-<lang>-<page>.png.
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QDialog>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalSpy>
#include <QTableView>
#include <QTest>
#include <QTextDocument>
#include <QTimer>

#include "AgentUpdaterRule.h"
#include "AppController.h"
#include "CertificateTrustDialog.h"
#include "ConnectionManagerDialog.h"
#include "CreateKeyDialog.h"
#include "DemoConnection.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "ErrorBanner.h"
#include "MainWindow.h"
#include "PassphraseDialog.h"
#include "SecretStore.h"
#include "SetupController.h"
#include "SignDialog.h"
#include "SiteSession.h"
#include "StaleVersionDialog.h"
#include "TestEnvironment.h"
#include "TranslationLoader.h"
#include "UpdateStatusModel.h"
#include "UpdateStatusPage.h"
#include "UpdaterRuleDialog.h"
#include "UploadKeyDialog.h"

using namespace Qt::StringLiterals;

namespace {

const QSize screen(1024, 700);

QString visibleText(const QString &text)
{
    // "&Save" shows as "Save"; "&&" as "&".
    QString out;
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == u'&' && i + 1 < text.size()) {
            ++i;
        }
        out += text.at(i);
    }
    return out;
}

QString describe(const QWidget *w, const QString &text)
{
    QString path;
    for (const QWidget *p = w; p; p = p->parentWidget()) {
        const QString name = p->objectName().isEmpty()
            ? QString::fromLatin1(p->metaObject()->className())
            : p->objectName();
        path = path.isEmpty() ? name : name + u'/' + path;
        if (p->isWindow())
            break;
    }
    return path + u" “"_s + text + u'”';
}

// Free text that a cell may cut (the whole of it is in the detail pane or the tool tip): error
// messages, hashes, fingerprints, file paths and lists of names. Every other cell (names,
// states, versions, dates, counts) must show whole.
bool freeTextColumn(const QString &header)
{
    static const QStringList free {
        u"Last error"_s,   u"Letzter Fehler"_s, u"Check output"_s,          u"Check-Ausgabe"_s,
        u"Hash"_s,         u"Signed by"_s,      u"Signiert von"_s,          u"Value"_s,
        u"Wert"_s,         u"Accepted keys"_s,  u"Akzeptierte Schlüssel"_s, u"Description"_s,
        u"Beschreibung"_s, u"Digest (MD5)"_s,
    };
    return free.contains(header);
}

QStringList tableProblems(QAbstractItemView *view)
{
    QStringList problems;
    auto *table = qobject_cast<QTableView *>(view);
    if (!table || !table->model())
        return problems;
    QHeaderView *header = table->horizontalHeader();
    QAbstractItemModel *model = table->model();
    const int rows = qMin(model->rowCount(), 40);
    for (int c = 0; c < model->columnCount(); ++c) {
        if (table->isColumnHidden(c))
            continue;
        const QString title = model->headerData(c, Qt::Horizontal).toString();
        if (header->isVisible() && !title.isEmpty()
            && header->sectionSize(c) + 1 < header->sectionSizeHint(c))
            problems << u"header cut (%1 of %2 px): "_s.arg(header->sectionSize(c))
                            .arg(header->sectionSizeHint(c))
                    + describe(table, title);
        if (freeTextColumn(title))
            continue;
        for (int r = 0; r < rows; ++r) {
            const QModelIndex index = model->index(r, c);
            const QString text = index.data().toString();
            if (text.isEmpty())
                continue;
            const int needed = table->sizeHintForIndex(index).width();
            if (needed > table->columnWidth(c) + 1) {
                problems << u"cell cut (%1 of %2 px): "_s.arg(table->columnWidth(c)).arg(needed)
                        + describe(table, title + u": "_s + text);
                break;
            }
        }
    }
    return problems;
}

// What a user would see as cut: the problems of one window at its current size.
QStringList layoutProblems(QWidget *window, const QSize &limit)
{
    QStringList problems;
    const QSize minimum = window->minimumSizeHint();
    if (minimum.width() > limit.width() || minimum.height() > limit.height())
        problems << u"%1 needs at least %2x%3"_s.arg(window->objectName())
                        .arg(minimum.width())
                        .arg(minimum.height());
    if (window->width() > limit.width() || window->height() > limit.height())
        problems << u"%1 grew to %2x%3"_s.arg(window->objectName())
                        .arg(window->width())
                        .arg(window->height());
    const auto widgets = window->findChildren<QWidget *>();
    for (QWidget *w : widgets) {
        if (!w->isVisibleTo(window) || w->width() <= 0 || w->window() != window)
            continue;
        // A page in a scroll area or a list that needs sideways scrolling hides its right part
        // (tables may scroll sideways: their columns are the user's to size).
        if (auto *view = qobject_cast<QAbstractItemView *>(w))
            problems << tableProblems(view);
        if (qobject_cast<QScrollArea *>(w) || qobject_cast<QListView *>(w)) {
            auto *area = static_cast<QAbstractScrollArea *>(w);
            if (area->horizontalScrollBar()->maximum() > 0)
                problems << u"scrolls sideways by %1 px: "_s.arg(
                                area->horizontalScrollBar()->maximum())
                        + describe(w, {});
            continue;
        }
        if (auto *label = qobject_cast<QLabel *>(w)) {
            const QString text = label->text();
            if (text.isEmpty())
                continue;
            if (label->wordWrap()) {
                // Wrapped, it needs its height: the last lines are cut otherwise.
                const int width = label->contentsRect().width();
                const int needed = label->heightForWidth(width);
                if (needed > label->contentsRect().height() + 1)
                    problems << u"wrapped label cut (%1 of %2 px high): "_s
                                    .arg(label->contentsRect().height())
                                    .arg(needed)
                            + describe(label, text.left(60));
                continue;
            }
            const bool rich = label->textFormat() == Qt::RichText
                || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(text));
            QString shown = label->buddy() ? visibleText(text) : text;
            int needed = 0;
            if (rich) {
                QTextDocument doc;
                doc.setDefaultFont(label->font());
                doc.setHtml(text);
                doc.setDocumentMargin(0);
                needed = int(doc.idealWidth());
            } else {
                for (const QString &line : shown.split(u'\n'))
                    needed = qMax(needed, label->fontMetrics().horizontalAdvance(line));
            }
            const int available
                = label->contentsRect().width() - 2 * label->margin() - qMax(0, label->indent());
            if (needed > available + 1)
                problems << u"label cut (%1 of %2 px): "_s.arg(available).arg(needed)
                        + describe(label, shown);
        } else if (auto *button = qobject_cast<QAbstractButton *>(w)) {
            if (button->text().isEmpty())
                continue;
            if (button->sizeHint().width() > button->width() + 1)
                problems << u"button cut (%1 of %2 px): "_s.arg(button->width())
                                .arg(button->sizeHint().width())
                        + describe(button, visibleText(button->text()));
        }
    }
    return problems;
}

// Checks the next modal dialog (a message box the app asks with) once `trigger` opened it, then
// closes it with Escape: its screenshot, and its problems appended to `problems`.
bool checkModal(const std::function<void()> &trigger, const QString &shot, QStringList *problems)
{
    bool seen = false;
    QTimer::singleShot(0, [&] {
        QWidget *modal = nullptr;
        if (!QTest::qWaitFor([&] { return (modal = QApplication::activeModalWidget()); }, 10000))
            return;
        if (!QTest::qWaitForWindowExposed(modal))
            return;
        seen = true;
        TestEnvironment::saveScreenshot(modal, shot);
        for (const QString &p : layoutProblems(modal, screen))
            *problems << shot + u": "_s + p;
        QTest::keyClick(modal, Qt::Key_Escape);
    });
    trigger();
    return seen;
}

} // namespace

class TestLayout final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pages_data();
    void pages();
    void dialogs_data();
    void dialogs();
    void cleanupTestCase();

private:
    DemoSiteThread m_demo;
    TranslationLoader *m_translations = nullptr;
};

void TestLayout::initTestCase()
{
    TestEnvironment::isolate();
    m_translations = new TranslationLoader(this);
    DemoSiteOptions options;
    options.hostCount = 2000;
    QString error;
    QVERIFY2(m_demo.start(options, &error), qPrintable(error));
}

void TestLayout::cleanupTestCase()
{
    m_translations->install(QLocale(QLocale::English));
}

void TestLayout::pages_data()
{
    QTest::addColumn<QLocale>("locale");
    QTest::newRow("en") << QLocale(QLocale::English, QLocale::UnitedStates);
    QTest::newRow("de") << QLocale(QLocale::German, QLocale::Germany);
}

void TestLayout::pages()
{
    QFETCH(QLocale, locale);
    QVERIFY(m_translations->install(locale));
    const QString lang = locale.name().left(2);

    AppController controller;
    SiteConnection c = DemoConnection::make(m_demo.site()->port(),
                                            m_demo.site()->certificateSha256(), u"Layout demo"_s);
    c.demo = true;
    controller.startDemo(c, m_demo.site()->automationSecret(), m_demo.site()->adminPassword());
    MainWindow *window = controller.window();
    window->resize(screen);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY_WITH_TIMEOUT(controller.session()->isConnected(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(controller.statusPage()->model()->rowCount(), 2000, 30000);
    // The setup page as it is once the site's answers are in, not while loading.
    QSignalSpy setupDone(controller.setupController(), &SetupController::refreshed);
    controller.setupController()->refresh();
    QVERIFY(setupDone.wait(30000));
    if (lang == u"de"_s) // the translation is really in use
        QCOMPARE(window->menuBar()->actions().first()->text(), u"&Datei"_s);

    QStringList problems;
    const QStringList pages { u"setup"_s,        u"status"_s,   u"selection"_s,
                              u"keys"_s,         u"agents"_s,   u"register"_s,
                              u"local-config"_s, u"overview"_s, u"sites"_s };
    for (const QString &page : pages) {
        window->showPage(page);
        QCOMPARE(window->currentPage(), page);
        const QString shot
            = TestEnvironment::saveScreenshot(window, u"layout-%1-%2"_s.arg(lang, page));
        QVERIFY(!shot.isEmpty());
        for (const QString &p : layoutProblems(window, screen))
            problems << page + u": "_s + p;

        // F1: the page's help, in its own window.
        window->showPageHelp();
        QVERIFY(window->helpDialog() && window->helpDialog()->isVisible());
        QVERIFY(!TestEnvironment::saveScreenshot(window->helpDialog(),
                                                 u"layout-%1-help-%2"_s.arg(lang, page))
                     .isEmpty());
        for (const QString &p : layoutProblems(window->helpDialog(), screen))
            problems << page + u" help: "_s + p;
        window->helpDialog()->close();
    }
    // The message boxes the pages ask with, as the app opens them.
    window->showPage(u"setup"_s);
    auto *rules = window->findChild<QTableView *>(u"rulesTable"_s);
    QVERIFY(rules && rules->model()->rowCount() > 0);
    rules->selectRow(0);
    QPushButton *deleteRule = nullptr;
    for (QPushButton *b : window->findChildren<QPushButton *>()) {
        if (b->text() == QCoreApplication::translate("SetupPage", "De&lete"))
            deleteRule = b;
    }
    QVERIFY(deleteRule && deleteRule->isEnabled());
    QVERIFY(checkModal([&] { deleteRule->click(); }, u"layout-%1-box-delete-rule"_s.arg(lang),
                       &problems));
    window->showPage(u"agents"_s);
    auto *bake = window->findChild<QPushButton *>(u"bakeButton"_s);
    QVERIFY(bake);
    QVERIFY(checkModal([&] { bake->click(); }, u"layout-%1-box-bake"_s.arg(lang), &problems));
    QAction *about = nullptr;
    for (QAction *a : window->menuBar()->actions().last()->menu()->actions()) {
        if (a->text() == QCoreApplication::translate("MainWindow", "&About AgentDesk"))
            about = a;
    }
    QVERIFY(about);
    QVERIFY(checkModal([&] { about->trigger(); }, u"layout-%1-box-about"_s.arg(lang), &problems));
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
    // startDemo's keychain write has ended before the controller goes (a late answer would
    // reach a destroyed job).
    SecretStore secrets;
    bool stored = false;
    for (int attempt = 0; attempt < 50 && !stored; ++attempt) {
        bool answered = false;
        secrets.read(c.keychainKey(), this, [&](SecretResult &&r) {
            stored = r.ok && r.secret.bytes() == m_demo.site()->automationSecret();
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
    }
    QVERIFY(stored);
}

void TestLayout::dialogs_data()
{
    pages_data();
}

void TestLayout::dialogs()
{
    QFETCH(QLocale, locale);
    QVERIFY(m_translations->install(locale));
    const QString lang = locale.name().left(2);

    QWidget parent;
    parent.resize(screen);
    QList<QDialog *> dialogs;
    dialogs << new ConnectionManagerDialog(&parent);
    dialogs << new CreateKeyDialog(&parent);
    dialogs << new UploadKeyDialog(&parent);
    dialogs << new PassphraseDialog(u"Sign the agents with “Demo signing key”"_s, &parent);
    dialogs << new SignDialog({ { 1, u"Demo signing key"_s }, { 2, u"New key 2026"_s } }, 1, true,
                              &parent);
    AgentUpdaterRule rule;
    rule.properties.description = u"Automatic updates for all hosts"_s;
    rule.value = { { u"activated"_s, u"enabled"_s },
                   { u"server_data"_s,
                     QVariantMap { { u"server"_s, u"monitoring.example.com"_s },
                                   { u"site"_s, u"mysite"_s },
                                   { u"protocol"_s, u"https"_s },
                                   { u"usage"_s, u"always"_s } } },
                   { u"interval"_s, 3600 } };
    dialogs << new UpdaterRuleDialog(rule, { { 1, u"Demo signing key"_s, {} } }, &parent);
    ApiError tls;
    tls.kind = ApiError::Kind::Tls;
    tls.title = u"The certificate is self-signed, and untrusted"_s;
    dialogs << new CertificateTrustDialog(u"Demo site"_s, tls, &parent);
    // The 412 question, with both versions, and with the site's unreadable.
    const QStringList mine { u"Update server: monitoring.example.com, site mysite, https"_s,
                             u"Check interval: 60 minutes"_s,
                             u"Accepted signature keys: Demo signing key, New key 2026"_s };
    const QStringList theirs { u"Update server: backup.example.com, site mysite, https"_s,
                               u"Check interval: 10 minutes"_s,
                               u"Accepted signature keys: Demo signing key"_s };
    auto *stale = new StaleVersionDialog(u"the rule"_s, mine, theirs, {}, &parent);
    stale->setObjectName(u"staleVersionDialog"_s);
    dialogs << stale;
    auto *staleUnread = new StaleVersionDialog(
        u"the rule"_s, mine, {}, u"503 Service Unavailable: the site is restarting"_s, &parent);
    staleUnread->setObjectName(u"staleVersionDialogUnread"_s);
    dialogs << staleUnread;

    // The dialogs that send to the site, with a refusal and the action it offers, as the app
    // wires them (the page banners' remedies, here with the app's texts).
    const ErrorBanner::Remedies remedies = [](ErrorBanner *banner, const ApiError &error) {
        if (error.remedy() == ApiError::Remedy::EditConnection)
            banner->addAction(QCoreApplication::translate("AppController", "Edit connection…"),
                              [] {});
        if (error.remedy() == ApiError::Remedy::ShowCertificate)
            banner->addAction(QCoreApplication::translate("AppController", "Show certificate…"),
                              [] {});
    };
    ApiError wrongSecret;
    wrongSecret.kind = ApiError::Kind::Http;
    wrongSecret.status = 401;
    wrongSecret.title = u"Unauthorized"_s;
    wrongSecret.detail = u"Wrong credentials (Bearer header)"_s;
    wrongSecret.problemDocument = true;
    ApiError untrusted = tls;
    untrusted.certificateChain = { CertificateDetails() };
    ApiError unreachable;
    unreachable.kind = ApiError::Kind::Network;
    unreachable.title = u"Connection refused"_s;
    ApiError badPassphrase = ApiError::local(u"Bad Request"_s);
    badPassphrase.fields.insert(u"passphrase"_s, { u"The passphrase does not open this key."_s });
    ApiError badFolder = ApiError::local(u"Bad Request"_s);
    badFolder.fields.insert(u"folder"_s, { u"The folder ~linux~web could not be found."_s });
    {
        auto *sign = new SignDialog({ { 1, u"Demo signing key"_s } }, 1, true, &parent);
        sign->setObjectName(u"signDialogWrongSecret"_s);
        sign->setRemedies(remedies);
        sign->finish(false, wrongSecret);
        dialogs << sign;
        auto *upload = new UploadKeyDialog(&parent);
        upload->setObjectName(u"uploadKeyDialogUntrusted"_s);
        upload->setRemedies(remedies);
        upload->finish(false, untrusted);
        dialogs << upload;
        auto *uploadPassphrase = new UploadKeyDialog(&parent);
        uploadPassphrase->setObjectName(u"uploadKeyDialogPassphrase"_s);
        uploadPassphrase->finish(false, badPassphrase);
        dialogs << uploadPassphrase;
        auto *download = new PassphraseDialog(u"The site hands out the key “Demo signing key” "
                                              "only with its passphrase."_s,
                                              &parent);
        download->setObjectName(u"passphraseDialogUnreachable"_s);
        download->setRemedies(remedies);
        download->finish(false, unreachable);
        dialogs << download;
        auto *ruleSecret
            = new UpdaterRuleDialog(rule, { { 1, u"Demo signing key"_s, {} } }, &parent);
        ruleSecret->setObjectName(u"updaterRuleDialogWrongSecret"_s);
        ruleSecret->setRemedies(remedies);
        ruleSecret->setSiteError(wrongSecret);
        dialogs << ruleSecret;
        auto *ruleFolder
            = new UpdaterRuleDialog(rule, { { 1, u"Demo signing key"_s, {} } }, &parent);
        ruleFolder->setObjectName(u"updaterRuleDialogFolder"_s);
        ruleFolder->setSiteError(badFolder);
        dialogs << ruleFolder;
    }

    QStringList problems;
    for (QDialog *dialog : std::as_const(dialogs)) {
        dialog->show();
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QString name = dialog->objectName().isEmpty()
            ? QString::fromLatin1(dialog->metaObject()->className())
            : dialog->objectName();
        QVERIFY(!TestEnvironment::saveScreenshot(dialog, u"layout-%1-dialog-%2"_s.arg(lang, name))
                     .isEmpty());
        for (const QString &p : layoutProblems(dialog, screen))
            problems << name + u": "_s + p;
        dialog->close();
    }
    QVERIFY2(problems.isEmpty(), qPrintable(problems.join(u'\n')));
}

QTEST_MAIN(TestLayout)
#include "tst_layout.moc"
