// Help inside the app, as the manual relies on inline help: every page of the main window,
// connected to the embedded demo, is walked; each input, button, list and table on it (and on
// every page of the registration wizard and the rule editor) must explain itself on What's This
// (Shift+F1), and F1 must open the help of the page that is shown, not of another one.
#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAbstractSpinBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QSignalSpy>
#include <QTabBar>
#include <QTest>
#include <QTextBrowser>
#include <QTextEdit>
#include <QWhatsThis>
#include <QWizard>

#include "AgentUpdaterRule.h"
#include "AppController.h"
#include "DemoConnection.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "ErrorBanner.h"
#include "ErrorDiagnosis.h"
#include "HostDetailPane.h"
#include "MainWindow.h"
#include "RegistrationWizard.h"
#include "SecretStore.h"
#include "SetupController.h"
#include "SiteSession.h"
#include "TestEnvironment.h"
#include "UpdateStatusModel.h"
#include "UpdateStatusPage.h"
#include "UpdaterRuleDialog.h"

using namespace Qt::StringLiterals;

namespace {

QString describe(const QWidget *w, const QWidget *top)
{
    QString path;
    for (const QWidget *p = w; p && p != top; p = p->parentWidget()) {
        const QString name = p->objectName().isEmpty()
            ? QString::fromLatin1(p->metaObject()->className())
            : p->objectName();
        path = path.isEmpty() ? name : name + u'/' + path;
    }
    QString text;
    if (auto *b = qobject_cast<const QAbstractButton *>(w))
        text = b->text();
    return text.isEmpty() ? path : path + u" “"_s + text + u'”';
}

bool inside(const QWidget *w, const QWidget *top, const auto &predicate)
{
    for (const QWidget *p = w->parentWidget(); p && p != top; p = p->parentWidget()) {
        if (predicate(p))
            return true;
    }
    return false;
}

// The widgets a user works with: inputs, buttons, lists and tables. Not the parts Qt builds
// inside them (a spin box's line edit, a tab bar's scroll arrows, a table's header), not the
// error banner (its buttons are the actions of one message), and not a dialog's OK/Cancel.
QList<QWidget *> interactiveWidgets(QWidget *top)
{
    QList<QWidget *> out;
    const auto all = top->findChildren<QWidget *>();
    for (QWidget *w : all) {
        if (w->window() != top->window() && !top->isWindow())
            continue;
        const bool interactive = qobject_cast<QAbstractButton *>(w) || qobject_cast<QLineEdit *>(w)
            || qobject_cast<QComboBox *>(w) || qobject_cast<QAbstractSpinBox *>(w)
            || qobject_cast<QAbstractItemView *>(w) || qobject_cast<QPlainTextEdit *>(w)
            || (qobject_cast<QTextEdit *>(w) && !qobject_cast<QTextBrowser *>(w));
        if (!interactive || qobject_cast<QHeaderView *>(w))
            continue;
        // Qt's own parts: the wizard's Back/Next/Finish/Cancel, a tool bar's overflow arrow.
        if (w->objectName().startsWith(u"qt_"_s) || w->objectName().startsWith(u"__qt__"_s))
            continue;
        if (inside(w, top, [](const QWidget *p) {
                return qobject_cast<const QAbstractSpinBox *>(p)
                    || qobject_cast<const QComboBox *>(p) || qobject_cast<const QTabBar *>(p)
                    || qobject_cast<const QLineEdit *>(p) // its clear button
                    || qobject_cast<const ErrorBanner *>(p)
                    || qobject_cast<const QAbstractItemView *>(p); // cell editors, scroll arrows
            }))
            continue;
        if (qobject_cast<ErrorBanner *>(w->parentWidget()))
            continue;
        if (auto *box = qobject_cast<QDialogButtonBox *>(w->parentWidget())) {
            const auto role = box->buttonRole(qobject_cast<QAbstractButton *>(w));
            if (role == QDialogButtonBox::AcceptRole || role == QDialogButtonBox::RejectRole)
                continue;
        }
        out << w;
    }
    return out;
}

QStringList withoutWhatsThis(QWidget *top, const QString &where)
{
    QStringList missing;
    for (QWidget *w : interactiveWidgets(top)) {
        if (w->whatsThis().trimmed().isEmpty()) {
            missing << where + u": "_s + describe(w, top);
            qWarning("without What's This: %s", qPrintable(missing.last()));
        }
    }
    return missing;
}

} // namespace

class TestHelp final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPage();
    void ruleEditor();

private:
    DemoSiteThread m_demo;
};

void TestHelp::initTestCase()
{
    TestEnvironment::isolate();
    DemoSiteOptions options;
    options.hostCount = 200;
    QString error;
    QVERIFY2(m_demo.start(options, &error), qPrintable(error));
}

void TestHelp::everyPage()
{
    AppController controller;
    SiteConnection c = DemoConnection::make(m_demo.site()->port(),
                                            m_demo.site()->certificateSha256(), u"Help demo"_s);
    c.demo = true;
    controller.startDemo(c, m_demo.site()->automationSecret(), m_demo.site()->adminPassword());
    MainWindow *window = controller.window();
    window->resize(1024, 700);
    QVERIFY(QTest::qWaitForWindowExposed(window));
    QTRY_VERIFY_WITH_TIMEOUT(controller.session()->isConnected(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(controller.statusPage()->model()->rowCount(), 200, 30000);
    QSignalSpy setupDone(controller.setupController(), &SetupController::refreshed);
    controller.setupController()->refresh();
    QVERIFY(setupDone.wait(30000));

    // The heading each page's help starts with: F1 must show the help of the page in view.
    const QList<std::pair<QString, QString>> pages {
        { u"setup"_s, u"Setup: the prerequisites"_s },    { u"status"_s, u"Update status"_s },
        { u"selection"_s, u"Host selection"_s },          { u"keys"_s, u"Signature keys"_s },
        { u"agents"_s, u"Agents and baking"_s },          { u"register"_s, u"Register machine"_s },
        { u"local-config"_s, u"Local updater config"_s }, { u"overview"_s, u"Site overview"_s },
    };
    QStringList missing;
    for (const auto &[page, heading] : pages) {
        window->showPage(page);
        QCOMPARE(window->currentPage(), page);
        QWidget *pageWidget = window->page(page);
        QVERIFY2(pageWidget, qPrintable(page));
        // The status page with a host selected: its detail pane and diagnosis are shown then.
        if (page == u"status"_s) {
            QAbstractItemView *table
                = controller.statusPage()->findChild<QAbstractItemView *>(u"statusTable"_s);
            QVERIFY(table);
            table->setCurrentIndex(table->model()->index(0, 0));
        }
        missing << withoutWhatsThis(pageWidget, page);
        if (page == u"setup"_s) {
            // Each prerequisite explains itself in the manual's terms.
            for (int i = 0; i < 5; ++i) {
                auto *item = pageWidget->findChild<QLabel *>(u"prerequisite%1"_s.arg(i));
                QVERIFY2(item, qPrintable(QString::number(i)));
                if (item->whatsThis().isEmpty())
                    missing << u"setup: prerequisite %1"_s.arg(i);
            }
        }
        if (page == u"status"_s) {
            // The diagnosis pane lists every troubleshooting case with its remedy.
            auto *detail = pageWidget->findChild<HostDetailPane *>();
            QVERIFY(detail);
            auto *browser = detail->findChild<QTextBrowser *>();
            QVERIFY(browser);
            const QString help = browser->whatsThis();
            for (const ErrorDiagnosis::Rule &rule : ErrorDiagnosis::rules()) {
                const QString title = QCoreApplication::translate("ErrorDiagnosis", rule.title);
                if (!help.contains(title.toHtmlEscaped()))
                    missing << u"status: diagnosis case "_s + title;
            }
            // Every update category button explains its category.
            const auto buttons = pageWidget->findChildren<QAbstractButton *>();
            int categories = 0;
            for (QAbstractButton *b : buttons) {
                if (b->property("category").isValid()) {
                    ++categories;
                    QVERIFY(!b->whatsThis().isEmpty());
                }
            }
            QCOMPARE(categories, 9);
        }

        // F1, as the user presses it on the page.
        QWidget *focus = pageWidget->focusWidget() ? pageWidget->focusWidget() : pageWidget;
        QTest::keyClick(focus, Qt::Key_F1);
        QTRY_VERIFY_WITH_TIMEOUT(window->helpDialog() && window->helpDialog()->isVisible(), 5000);
        auto *browser = window->helpDialog()->findChild<QTextBrowser *>(u"helpText"_s);
        QVERIFY(browser);
        const QString shown = browser->toPlainText();
        QVERIFY2(shown.startsWith(heading), qPrintable(page + u": "_s + shown.left(80)));
        window->helpDialog()->close();
    }

    // Shift+F1: What's This mode, for any item of any page.
    window->showPage(u"setup"_s);
    QTest::keyClick(window, Qt::Key_F1, Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(QWhatsThis::inWhatsThisMode(), 5000);
    QWhatsThis::leaveWhatsThisMode();

    // The wizard's pages (only one shows at a time; the others are checked as they would show).
    RegistrationWizard *wizard = controller.registrationWizard();
    for (const int id : wizard->pageIds())
        missing << withoutWhatsThis(wizard->page(id), u"register/"_s + wizard->page(id)->title());
    QVERIFY2(missing.isEmpty(), qPrintable(u"Without What's This:\n"_s + missing.join(u'\n')));

    SecretStore secrets;
    bool stored = false;
    for (int attempt = 0; attempt < 50 && !stored; ++attempt) {
        bool answered = false;
        secrets.read(c.keychainKey(), this, [&](SecretResult &&r) {
            stored = r.ok;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 10000);
    }
    QVERIFY(stored);
}

// Every parameter of the agent updater rule explains itself in the editor.
void TestHelp::ruleEditor()
{
    AgentUpdaterRule rule;
    rule.value = { { u"activated"_s, true } };
    UpdaterRuleDialog dialog(rule, { { 1, u"Demo signing key"_s, {} } });
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    const QStringList missing = withoutWhatsThis(&dialog, u"rule editor"_s);
    QVERIFY2(missing.isEmpty(), qPrintable(u"Without What's This:\n"_s + missing.join(u'\n')));
}

QTEST_MAIN(TestHelp)
#include "tst_help.moc"
