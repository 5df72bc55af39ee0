// The console across sites (issue 13, item 2) against a central and a remote demo site, each its
// own process: the site list with connection state, URL and version; the automatic-update
// settings globally and per site, written with If-Match and a 412 answered by the stale-version
// question; and an activation of the pending changes on the sites the user ticks.
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSettings>
#include <QSignalSpy>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

#include <array>

#include "DemoConnection.h"
#include "DemoSiteProcess.h"
#include "DemoSites.h"
#include "PythonLiteral.h"
#include "RegistrationController.h"
#include "RegistrationCredentialsPage.h"
#include "RegistrationHostPage.h"
#include "RegistrationResultPage.h"
#include "RegistrationServerPage.h"
#include "RegistrationSummaryPage.h"
#include "RegistrationWizard.h"
#include "RestClient.h"
#include "RestReply.h"
#include "SecretStore.h"
#include "SiteGroupProxy.h"
#include "SiteSession.h"
#include "SiteSettingDialog.h"
#include "SitesController.h"
#include "SitesPage.h"
#include "StatusController.h"
#include "TestEnvironment.h"
#include "TranslationLoader.h"
#include "UpdateStatusFilterProxy.h"
#include "UpdateStatusModel.h"
#include "UpdateStatusPage.h"

using namespace Qt::StringLiterals;

class TestSitesPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void siteList();
    void perSiteSettings();
    void staleSettingAsks();
    void settingDialogNamesTheField();
    void siteRefusesBadSettings();
    void perSiteActivation();
    void statusPerSite();
    void statusGroupedBySite();
    void wizardRegistersAtRemoteSite();

private:
    // Another client's REST request to the central site.
    RestResult send(const RestRequest &request);
    QJsonObject siteSetting(const QString &site, const QString &varname,
                            QByteArray *etag = nullptr);
    int rowOf(const QString &site, const QString &varname) const;

    DemoSites m_sites { 3 }; // central, remote1, remote2 (not started: a name and a URL)
    DemoSiteProcess &m_central = m_sites.central();
    DemoSiteProcess &m_remote = m_sites.remote(0);
    QString m_remoteUrls[2];
    SiteConnection m_remoteConnection;
    SecretStore m_secrets;
    std::unique_ptr<SiteSession> m_session;
    std::unique_ptr<SitesPage> m_page;
    std::unique_ptr<SitesController> m_controller;
};

RestResult TestSitesPage::send(const RestRequest &request)
{
    return DemoSites::send(m_central, request);
}

QJsonObject TestSitesPage::siteSetting(const QString &site, const QString &varname,
                                       QByteArray *etag)
{
    RestRequest r
        = RestRequest::get(u"/objects/site_connection/%1/global_setting/%2"_s.arg(site, varname));
    r.base = RestRequest::Base::InternalApi;
    const RestResult result = send(r);
    if (etag)
        *etag = result.etag;
    return result.json.object();
}

int TestSitesPage::rowOf(const QString &site, const QString &varname) const
{
    const QList<SiteSetting> settings = m_controller->settings();
    for (int row = 0; row < settings.size(); ++row) {
        if (settings.at(row).site == site && settings.at(row).varname == varname)
            return row;
    }
    return -1;
}

void TestSitesPage::initTestCase()
{
    TestEnvironment::isolate();
    // Only remote1 is started; remote2 stays a name and a URL.
    QVERIFY2(m_sites.startDistributed({ u"--hosts"_s, u"60"_s, u"--activation-ms"_s, u"300"_s }, 2,
                                      { u"--hosts"_s, u"0"_s }, false),
             qPrintable(m_sites.error()));
    QVERIFY2(m_sites.startRemote(0), qPrintable(m_sites.error()));
    for (int i = 0; i < 2; ++i)
        m_remoteUrls[i] = m_sites.remoteUrl(i);

    // A saved connection to remote1, its secret in the keychain: the page reads remote1's
    // version through it.
    m_remoteConnection = DemoConnection::make(m_remote.server(), m_remote.site(), m_remote.sha256(),
                                              u"remote1 connection"_s);
    bool stored = false;
    m_secrets.write(m_remoteConnection.keychainKey(), m_remote.secret(), this,
                    [&](SecretResult &&r) { stored = r.ok; });
    QTRY_VERIFY_WITH_TIMEOUT(stored, 20000);

    m_session = std::make_unique<SiteSession>(&m_secrets, nullptr);
    m_page = std::make_unique<SitesPage>();
    m_controller = std::make_unique<SitesController>(m_session.get(), m_page.get(), &m_secrets);
    m_controller->setConnections({ m_remoteConnection });
    QSignalSpy connected(m_session.get(), &SiteSession::connected);
    m_session->openWithSecret(DemoConnection::make(m_central.server(), m_central.site(),
                                                   m_central.sha256(), u"central"_s),
                              m_central.secret());
    QVERIFY(connected.wait(30000));
    m_page->resize(1024, 700);
    m_page->show();
}

void TestSitesPage::siteList()
{
    QSignalSpy loaded(m_controller.get(), &SitesController::sitesLoaded);
    QSignalSpy settings(m_controller.get(), &SitesController::settingsLoaded);
    m_controller->refresh();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.first().first().toBool(), true);
    QTableWidget *table = m_page->siteTable();
    QCOMPARE(table->rowCount(), 3);
    const auto cell = [table](int row, int column) {
        return table->item(row, column)->text();
    };
    QCOMPARE(cell(0, SitesPage::IdColumn), u"central"_s);
    QCOMPARE(cell(0, SitesPage::StateColumn), SitesPage::stateText(DistributedSite::State::Local));
    QCOMPARE(cell(1, SitesPage::IdColumn), u"remote1"_s);
    QCOMPARE(cell(1, SitesPage::StateColumn),
             SitesPage::stateText(DistributedSite::State::LoggedIn));
    QCOMPARE(cell(1, SitesPage::UrlColumn), m_remoteUrls[0] + u'/');
    QCOMPARE(cell(2, SitesPage::IdColumn), u"remote2"_s);
    QCOMPARE(cell(2, SitesPage::UrlColumn), m_remoteUrls[1] + u'/');

    // Versions: the central's from the session, remote1's from remote1 itself through the saved
    // connection, remote2's unknown (no connection saved) and saying why.
    QTRY_VERIFY_WITH_TIMEOUT(!cell(1, SitesPage::VersionColumn).startsWith(u"…"_s), 30000);
    QCOMPARE(
        cell(0, SitesPage::VersionColumn),
        u"%1 %2"_s.arg(m_session->version().checkmkVersion, m_session->version().editionName()));
    QVERIFY2(cell(1, SitesPage::VersionColumn).startsWith(m_session->version().checkmkVersion),
             qPrintable(cell(1, SitesPage::VersionColumn)));
    QVERIFY(!cell(1, SitesPage::VersionColumn).contains(u"unknown"_s));
    QTRY_COMPARE_WITH_TIMEOUT(cell(2, SitesPage::VersionColumn), m_page->tr("unknown"), 10000);
    QVERIFY(table->item(2, SitesPage::VersionColumn)->toolTip().contains(u"No saved connection"_s));
    QTRY_COMPARE_WITH_TIMEOUT(settings.size(), 1, 30000);
    QVERIFY(!TestEnvironment::saveScreenshot(m_page.get(), u"sites-page"_s).isEmpty());
}

void TestSitesPage::perSiteSettings()
{
    QSignalSpy loaded(m_controller.get(), &SitesController::settingsLoaded);
    m_controller->refresh();
    QVERIFY(loaded.wait(30000));
    QCOMPARE(loaded.first().first().toBool(), true);
    // Each setting globally and for each of the three sites.
    QCOMPARE(m_controller->settings().size(), 8);
    QCOMPARE(m_page->settingsTable()->rowCount(), 8);
    const SiteSetting remote1
        = m_controller->settings().at(rowOf(u"remote1"_s, SiteSetting::siteUrl));
    QVERIFY(remote1.siteSpecific());
    QCOMPARE(remote1.url(), m_remoteUrls[0]);
    const SiteSetting global
        = m_controller->settings().at(rowOf(QString(), SiteSetting::centralBakery));
    QCOMPARE(global.user(), u"automation"_s);

    // remote2 gets a URL of its own through the editor; nothing else changes.
    const int row = rowOf(u"remote2"_s, SiteSetting::siteUrl);
    m_page->selectSetting(u"remote2"_s, SiteSetting::siteUrl);
    QCOMPARE(m_page->selectedSetting()->site, u"remote2"_s);
    int edits = 0;
    m_controller->setEditor([&](const SiteSetting &s, const QString &) {
        ++edits;
        SiteSetting out = s;
        out.value.insert(u"url"_s, u"https://remote2.example.com/remote2/check_mk"_s);
        return std::optional(out);
    });
    QSignalSpy saved(m_controller.get(), &SitesController::settingSaved);
    QSignalSpy reloaded(m_controller.get(), &SitesController::settingsLoaded);
    m_controller->edit(m_controller->settings().at(row));
    QVERIFY(saved.wait(30000));
    QCOMPARE(saved.first().first().toBool(), true);
    QCOMPARE(edits, 1);
    QJsonObject now = siteSetting(u"remote2"_s, SiteSetting::siteUrl);
    QCOMPARE(now.value(u"is_default"_s).toBool(), false);
    QCOMPARE(now.value(u"value"_s).toObject().value(u"url"_s).toString(),
             u"https://remote2.example.com/remote2/check_mk"_s);
    QCOMPARE(siteSetting(u"remote1"_s, SiteSetting::siteUrl)
                 .value(u"value"_s)
                 .toObject()
                 .value(u"url"_s)
                 .toString(),
             m_remoteUrls[0]);
    // The page shows it as the site's own value once reloaded.
    QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 30000);
    QVERIFY(m_controller->settings().at(row).siteSpecific());
    QCOMPARE(m_page->settingsTable()->item(row, SitesPage::SourceColumn)->text(),
             m_page->tr("site-specific"));
    QVERIFY(m_page->messageLabel()->text().contains(u"remote2"_s));
    QVERIFY(!TestEnvironment::saveScreenshot(m_page.get(), u"sites-settings"_s).isEmpty());

    // And back to the global value.
    saved.clear();
    reloaded.clear();
    m_controller->reset(m_controller->settings().at(row));
    QVERIFY(saved.wait(30000));
    QCOMPARE(saved.first().first().toBool(), true);
    now = siteSetting(u"remote2"_s, SiteSetting::siteUrl);
    QCOMPARE(now.value(u"is_default"_s).toBool(), true);
    QTRY_VERIFY_WITH_TIMEOUT(!reloaded.isEmpty(), 30000);
    QVERIFY(!m_controller->settings().at(row).siteSpecific());
}

void TestSitesPage::staleSettingAsks()
{
    QSignalSpy loaded(m_controller.get(), &SitesController::settingsLoaded);
    m_controller->refresh();
    QVERIFY(loaded.wait(30000));
    const int row = rowOf(u"remote1"_s, SiteSetting::siteUrl);
    const SiteSetting read = m_controller->settings().at(row);

    // Another admin changes remote1's URL after the page read it.
    QByteArray etag;
    siteSetting(u"remote1"_s, SiteSetting::siteUrl, &etag);
    RestRequest put = RestRequest::put(
        u"/objects/site_connection/remote1/global_setting/%1"_s.arg(SiteSetting::siteUrl),
        QJsonDocument(QJsonObject {
            { u"value"_s,
              QJsonObject { { u"url"_s, u"https://other.example.com/remote1/check_mk"_s },
                            { u"certificates"_s, QJsonArray {} } } } }));
    put.base = RestRequest::Base::InternalApi;
    QVERIFY(send(put.withIfMatch(etag)).ok());

    int edits = 0;
    QString lastError;
    m_controller->setEditor([&](const SiteSetting &s, const QString &error) {
        ++edits;
        lastError = error;
        if (edits > 2)
            return std::optional<SiteSetting>(); // the user gives up
        SiteSetting out = s;
        out.value.insert(u"url"_s, u"https://mine.example.com/remote1/check_mk"_s);
        return std::optional(out);
    });
    int asked = 0;
    QString theirs;
    StaleVersionDialog::Choice answer = StaleVersionDialog::Choice::KeepEditing;
    m_controller->setConflictResolver(
        [&](const SiteSetting &mine, const std::optional<SiteSetting> &site, const QString &) {
            ++asked;
            theirs = site ? site->url() : QString();
            if (mine.url() != u"https://mine.example.com/remote1/check_mk"_s)
                theirs = u"wrong mine"_s;
            return answer;
        });
    // Kept editing: asked once, the editor reopened with the reason, then cancelled; the other
    // admin's value stands.
    m_controller->edit(read);
    QTRY_COMPARE_WITH_TIMEOUT(edits, 3, 30000);
    QCOMPARE(asked, 2); // the reopened editor's save was stale too
    QCOMPARE(theirs, u"https://other.example.com/remote1/check_mk"_s);
    QVERIFY(!lastError.isEmpty());
    QCOMPARE(siteSetting(u"remote1"_s, SiteSetting::siteUrl)
                 .value(u"value"_s)
                 .toObject()
                 .value(u"url"_s)
                 .toString(),
             u"https://other.example.com/remote1/check_mk"_s);

    // Overwrite: the user's value is written over theirs.
    edits = 0;
    asked = 0;
    answer = StaleVersionDialog::Choice::Overwrite;
    QSignalSpy saved(m_controller.get(), &SitesController::settingSaved);
    m_controller->edit(read);
    QVERIFY(saved.wait(30000));
    QCOMPARE(saved.last().first().toBool(), true);
    QCOMPARE(asked, 1);
    QCOMPARE(siteSetting(u"remote1"_s, SiteSetting::siteUrl)
                 .value(u"value"_s)
                 .toObject()
                 .value(u"url"_s)
                 .toString(),
             u"https://mine.example.com/remote1/check_mk"_s);

    // What the question looks like.
    SiteSetting other = read;
    other.value.insert(u"url"_s, u"https://other.example.com/remote1/check_mk"_s);
    SiteSetting mine = read;
    mine.value.insert(u"url"_s, u"https://mine.example.com/remote1/check_mk"_s);
    StaleVersionDialog dialog(m_page->tr("the setting of site %1").arg(u"remote1"_s),
                              SitesController::describe(mine), SitesController::describe(other),
                              QString());
    dialog.show();
    QVERIFY(!TestEnvironment::saveScreenshot(&dialog, u"sites-stale-setting"_s).isEmpty());
}

void TestSitesPage::settingDialogNamesTheField()
{
    // A key another client (or a newer site) wrote is kept as it was.
    const QVariantMap extra { { u"timeout"_s, 30 }, { u"nested"_s, QVariantList { 1, u"x"_s } } };
    SiteSetting s {
        SiteSetting::centralBakery,
        u"remote1"_s,
        { { u"url"_s, QString() }, { u"user"_s, u"automation"_s }, { u"extra"_s, extra } },
        true,
        {}
    };
    SiteSettingDialog dialog(s);
    dialog.show();
    dialog.urlEdit()->setText(u"https://central.example.com/central"_s);
    dialog.accept();
    QVERIFY(dialog.isVisible()); // stays open with the input
    QVERIFY(dialog.validationError().contains(u"check_mk"_s));
    QCOMPARE(dialog.urlEdit()->text(), u"https://central.example.com/central"_s);
    dialog.urlEdit()->setText(u"https://central.example.com/central/check_mk"_s);
    dialog.userEdit()->clear();
    QVERIFY(dialog.validationError().contains(u"Automation user"_s));
    QVERIFY(!TestEnvironment::saveScreenshot(&dialog, u"sites-setting-dialog"_s).isEmpty());
    dialog.userEdit()->setText(u"automation2"_s);
    dialog.accept();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.setting().user(), u"automation2"_s);
    QCOMPARE(dialog.setting().url(), u"https://central.example.com/central/check_mk"_s);
    QCOMPARE(dialog.setting().value.value(u"extra"_s).toMap(), extra);
    QCOMPARE(dialog.setting().value.size(), 3);
}

void TestSitesPage::siteRefusesBadSettings()
{
    // What the demo site refuses, as the real site's valuespec and REST layer would.
    const QString path
        = u"/objects/site_connection/remote2/global_setting/%1"_s.arg(SiteSetting::centralBakery);
    QByteArray etag;
    siteSetting(u"remote2"_s, SiteSetting::centralBakery, &etag);
    QVERIFY(!etag.isEmpty());
    const auto put = [&](const QJsonObject &value, const QByteArray &ifMatch, const QString &at) {
        RestRequest r = RestRequest::put(at, QJsonDocument(QJsonObject { { u"value"_s, value } }));
        r.base = RestRequest::Base::InternalApi;
        if (!ifMatch.isEmpty())
            r.withIfMatch(ifMatch);
        return send(r);
    };
    const QString good = m_central.checkmkUrl().toString().chopped(1);
    RestResult r
        = put({ { u"url"_s, good }, { u"user"_s, u"automation"_s }, { u"x"_s, 1 } }, etag, path);
    QCOMPARE(r.error.status, 400);
    QVERIFY(r.error.fields.contains(u"value.x"_s));
    r = put({ { u"url"_s, u"ftp://central.example.com/central/check_mk"_s } }, etag, path);
    QCOMPARE(r.error.status, 400);
    QVERIFY(r.error.detail.contains(u"value.url"_s));
    r = put({ { u"url"_s, u"https://central.example.com/central"_s } }, etag, path);
    QCOMPARE(r.error.status, 400);
    QVERIFY(r.error.detail.contains(u"value.url"_s));
    r = put({ { u"url"_s, good }, { u"user"_s, QString() } }, etag, path);
    QCOMPARE(r.error.status, 400);
    QVERIFY(r.error.detail.contains(u"value.user"_s));
    r = put({ { u"url"_s, good } }, QByteArray(), path);
    QCOMPARE(r.error.status, 428);
    r = put(
        { { u"url"_s, good } }, etag,
        u"/objects/site_connection/nosuchsite/global_setting/%1"_s.arg(SiteSetting::centralBakery));
    QCOMPARE(r.error.status, 404);
    // Nothing of it was stored.
    QCOMPARE(siteSetting(u"remote2"_s, SiteSetting::centralBakery).value(u"is_default"_s).toBool(),
             true);
}

void TestSitesPage::perSiteActivation()
{
    // A change to activate: the central bakery's URL, set by another client.
    QByteArray etag;
    RestRequest get
        = RestRequest::get(u"/objects/global_setting/%1"_s.arg(SiteSetting::centralBakery));
    get.base = RestRequest::Base::InternalApi;
    etag = send(get).etag;
    RestRequest put = RestRequest::put(
        u"/objects/global_setting/%1"_s.arg(SiteSetting::centralBakery),
        QJsonDocument(QJsonObject {
            { u"value"_s,
              QJsonObject { { u"url"_s, m_central.checkmkUrl().toString().chopped(1) },
                            { u"user"_s, u"automation"_s } } } }));
    put.base = RestRequest::Base::InternalApi;
    QVERIFY(send(put.withIfMatch(etag)).ok());

    QSignalSpy loaded(m_controller.get(), &SitesController::sitesLoaded);
    m_controller->refresh();
    QVERIFY(loaded.wait(30000));
    QVERIFY(!m_page->activateButton()->isEnabled()); // no site ticked yet
    m_page->setChecked(u"remote1"_s, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->activateButton()->isEnabled(), 30000);
    QCOMPARE(m_page->checkedSites(), QStringList { u"remote1"_s });
    QSignalSpy finished(m_controller.get(), &SitesController::activationFinished);
    QTest::mouseClick(m_page->activateButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QVERIFY2(finished.first().at(0).toBool(),
             qPrintable(m_page->findChild<QLabel *>(u"activationText"_s)->text()));
    // The site activated exactly the ticked site.
    QCOMPARE(finished.first().at(1).toStringList(), QStringList { u"remote1"_s });
    QVERIFY(!TestEnvironment::saveScreenshot(m_page.get(), u"sites-activated"_s).isEmpty());

    // The global change affects every site: it is still pending for central and remote2.
    const auto pendingTexts = [this] {
        QStringList texts;
        const RestResult r
            = send(RestRequest::get(u"/domain-types/activation_run/collections/pending_changes"_s));
        for (const QJsonValue &v : r.json.object().value(u"value"_s).toArray())
            texts << v.toObject().value(u"text"_s).toString();
        return texts;
    };
    QStringList pending = pendingTexts();
    QVERIFY2(pending.join(u'\n').contains(SiteSetting::centralBakery),
             qPrintable(pending.join(u'\n')));
    QTRY_VERIFY_WITH_TIMEOUT(m_page->activateButton()->isEnabled(), 30000); // remote1 still ticked
    QCOMPARE(m_page->checkedSites(), QStringList { u"remote1"_s });
    // remote1 has it: activating there again finds nothing to do.
    finished.clear();
    QTest::mouseClick(m_page->activateButton(), Qt::LeftButton);
    QVERIFY(finished.wait(60000));
    QCOMPARE(finished.first().at(0).toBool(), false);
    QVERIFY(m_page->findChild<QLabel *>(u"activationText"_s)->text().contains(u"Nothing"_s));

    // Then the other two sites.
    m_page->setChecked(u"remote1"_s, false);
    m_page->setChecked(u"central"_s, true);
    m_page->setChecked(u"remote2"_s, true);
    QTRY_VERIFY_WITH_TIMEOUT(m_page->activateButton()->isEnabled(), 30000);
    finished.clear();
    m_page->activateButton()->setFocus();
    QTest::keyClick(m_page->activateButton(), Qt::Key_Space);
    QVERIFY(finished.wait(60000));
    QVERIFY(finished.first().at(0).toBool());
    QCOMPARE(finished.first().at(1).toStringList(), (QStringList { u"central"_s, u"remote2"_s }));
    QVERIFY(pendingTexts().isEmpty());
}

void TestSitesPage::statusPerSite()
{
    // The update status of the central's hosts, spread over the three sites: a site filter with
    // each site's host count, and the category counts of the chosen site.
    UpdateStatusPage page;
    StatusController status(m_session.get(), &page);
    page.resize(1024, 700);
    page.show();
    QSignalSpy loaded(&status, &StatusController::loaded);
    status.refresh();
    QVERIFY(loaded.wait(60000));
    UpdateStatusModel *model = page.model();
    QMap<QString, int> perSite;
    for (int row = 0; row < model->rowCount(); ++row)
        ++perSite[model->row(row).site];
    QCOMPARE(perSite.keys(), (QStringList { u"central"_s, u"remote1"_s, u"remote2"_s }));
    QComboBox *filter = page.siteFilter();
    QVERIFY(filter->isVisible());
    QCOMPARE(filter->count(), 4); // all sites, then each
    QCOMPARE(filter->itemData(2).toString(), u"remote1"_s);
    QVERIFY(filter->itemText(2).contains(QString::number(perSite.value(u"remote1"_s))));

    // Choose remote1 with the keyboard: only its hosts, and the counts are its own.
    filter->setFocus();
    QTest::keyClick(filter, Qt::Key_Down);
    QTest::keyClick(filter, Qt::Key_Down);
    QTRY_COMPARE_WITH_TIMEOUT(page.proxy()->siteFilter(), u"remote1"_s, 5000);
    QCOMPARE(page.proxy()->rowCount(), perSite.value(u"remote1"_s));
    for (int row = 0; row < page.proxy()->rowCount(); ++row)
        QCOMPARE(page.proxy()->index(row, UpdateStatusModel::SiteColumn).data().toString(),
                 u"remote1"_s);
    int counted = 0;
    for (QToolButton *button : page.findChildren<QToolButton *>()) {
        if (button->property("category").isValid())
            counted += QLocale().toInt(button->text().section(u"  "_s, -1));
    }
    QCOMPARE(counted, perSite.value(u"remote1"_s));
    QVERIFY(!TestEnvironment::saveScreenshot(&page, u"sites-status-remote1"_s).isEmpty());

    // Back to all sites.
    page.setSiteFilter(QString());
    QCOMPARE(page.proxy()->rowCount(), model->rowCount());
}

void TestSitesPage::statusGroupedBySite()
{
    // The central's hosts under one heading per site: each heading's counts are the site's own
    // (counted here from the rows the site sent), every row sits under its site, sorting and the
    // search work inside the groups, headings collapse and expand by keyboard and stay so
    // across a refresh that keeps the selected host, and grouping off is the flat table again.
    QSettings().remove(u"status/groupBySite"_s);
    auto page = std::make_unique<UpdateStatusPage>();
    auto status = std::make_unique<StatusController>(m_session.get(), page.get());
    page->resize(1024, 700);
    page->show();
    QSignalSpy loaded(status.get(), &StatusController::loaded);
    status->refresh();
    QVERIFY(loaded.wait(60000));
    UpdateStatusModel *model = page->model();
    QMap<QString, std::array<int, UpdateCategory::Count>> expected;
    for (int row = 0; row < model->rowCount(); ++row)
        ++expected[model->row(row).site][size_t(model->category(row))];
    QCOMPARE(expected.keys(), (QStringList { u"central"_s, u"remote1"_s, u"remote2"_s }));

    QCheckBox *toggle = page->groupBySiteToggle();
    QVERIFY(toggle->isVisible());
    QVERIFY(!page->isGrouped());
    toggle->setFocus();
    QTest::keyClick(toggle, Qt::Key_Space);
    QVERIFY(page->isGrouped());
    QTreeView *tree = page->groupTree();
    QVERIFY(tree->isVisible());
    QVERIFY(!page->table()->isVisible());
    SiteGroupProxy *groups = page->groupProxy();
    QCOMPARE(groups->groupCount(), 3);
    const auto checkGroups = [&] {
        for (int g = 0; g < groups->groupCount(); ++g) {
            const QString site = groups->groupSite(g);
            QCOMPARE(site, expected.keys().at(g));
            int hosts = 0;
            for (int c = 0; c < UpdateCategory::Count; ++c) {
                const int n = expected[site][size_t(c)];
                hosts += n;
                QCOMPARE(groups->groupCategoryCount(g, UpdateCategory::Category(c)), n);
                const QString heading = groups->groupIndex(g).data().toString();
                if (n > 0)
                    QVERIFY2(heading.contains(
                                 u"%1 %2"_s.arg(UpdateCategory::name(UpdateCategory::Category(c)))
                                     .arg(n)),
                             qPrintable(heading));
            }
            QCOMPARE(groups->groupHostCount(g), hosts);
            const QModelIndex heading = groups->groupIndex(g);
            QVERIFY(heading.data().toString().startsWith(site));
            QCOMPARE(tree->model()->rowCount(heading), hosts);
            for (int r = 0; r < hosts; ++r)
                QCOMPARE(tree->model()
                             ->index(r, UpdateStatusModel::SiteColumn, heading)
                             .data()
                             .toString(),
                         site);
        }
    };
    checkGroups();
    for (int g = 0; g < groups->groupCount(); ++g)
        QVERIFY(tree->isExpanded(groups->groupIndex(g)));

    // Sorting by host name, descending: the order inside every group.
    tree->sortByColumn(UpdateStatusModel::HostColumn, Qt::DescendingOrder);
    QCOMPARE(page->proxy()->sortColumn(), int(UpdateStatusModel::HostColumn));
    for (int g = 0; g < groups->groupCount(); ++g) {
        const QModelIndex heading = groups->groupIndex(g);
        for (int r = 1; r < groups->rowCount(heading); ++r)
            QVERIFY(StatusTable::naturalCompare(groups->index(r - 1, 0, heading).data().toString(),
                                                groups->index(r, 0, heading).data().toString())
                    >= 0);
    }
    checkGroups();

    // The search inside the groups: one remote1 host by name, only its heading left.
    const int remote1 = groups->groupOf(u"remote1"_s);
    const QString wanted = groups->index(0, 0, groups->groupIndex(remote1)).data().toString();
    auto *search = page->findChild<QLineEdit *>(u"search"_s);
    search->setFocus();
    QTest::keyClicks(search, wanted);
    QTRY_COMPARE_WITH_TIMEOUT(page->proxy()->searchText(), wanted, 5000);
    QVERIFY(groups->groupOf(u"remote1"_s) >= 0);
    const QModelIndex onlyHeading = groups->groupIndex(groups->groupOf(u"remote1"_s));
    bool found = false;
    for (int r = 0; r < groups->rowCount(onlyHeading); ++r)
        found = found || groups->index(r, 0, onlyHeading).data().toString() == wanted;
    QVERIFY(found);
    for (int g = 0; g < groups->groupCount(); ++g) {
        const QModelIndex heading = groups->groupIndex(g);
        for (int r = 0; r < groups->rowCount(heading); ++r)
            QVERIFY(groups->index(r, 0, heading).data().toString().contains(wanted));
    }
    search->clear();
    QTRY_COMPARE_WITH_TIMEOUT(groups->groupCount(), 3, 5000);

    // Keyboard: on remote1's heading, Left collapses and Right expands; Minus and Plus too.
    tree->setFocus();
    QModelIndex heading = groups->groupIndex(groups->groupOf(u"remote1"_s));
    tree->setCurrentIndex(heading);
    QTest::keyClick(tree, Qt::Key_Left);
    QVERIFY(!tree->isExpanded(heading));
    QTest::keyClick(tree, Qt::Key_Right);
    QVERIFY(tree->isExpanded(heading));
    QTest::keyClick(tree, Qt::Key_Minus);
    QVERIFY(!tree->isExpanded(heading));
    QTest::keyClick(tree, Qt::Key_Plus);
    QVERIFY(tree->isExpanded(heading));
    // Down onto the first host: its details; Left goes back to the heading, and collapses it.
    QTest::keyClick(tree, Qt::Key_Down);
    QCOMPARE(tree->currentIndex().parent(), heading);
    QTest::keyClick(tree, Qt::Key_Left);
    QCOMPARE(tree->currentIndex(), heading);
    QTest::keyClick(tree, Qt::Key_Left);
    QVERIFY(!tree->isExpanded(heading));

    // A host of remote2 selected, remote1 collapsed: an incremental refresh keeps both.
    const QModelIndex remote2 = groups->groupIndex(groups->groupOf(u"remote2"_s));
    const QString chosen = groups->index(2, 0, remote2).data().toString();
    tree->selectionModel()->setCurrentIndex(groups->index(2, 0, remote2),
                                            QItemSelectionModel::ClearAndSelect
                                                | QItemSelectionModel::Rows);
    QScrollBar *scroll = tree->verticalScrollBar();
    QVERIFY(scroll->maximum() > 0);
    scroll->setValue(scroll->maximum() / 2);
    const int scrolled = scroll->value();
    QSignalSpy reset(groups, &QAbstractItemModel::modelReset);
    status->refresh();
    QVERIFY(loaded.wait(60000));
    QCOMPARE(reset.size(), 0);
    QCOMPARE(scroll->value(), scrolled);
    QCOMPARE(tree->currentIndex().data().toString(), chosen);
    QCOMPARE(tree->currentIndex().data(SiteGroupProxy::SiteRole).toString(), u"remote2"_s);
    QVERIFY(tree->selectionModel()->isRowSelected(tree->currentIndex().row(),
                                                  tree->currentIndex().parent()));
    QVERIFY(!tree->isExpanded(groups->groupIndex(groups->groupOf(u"remote1"_s))));
    QVERIFY(tree->isExpanded(groups->groupIndex(groups->groupOf(u"central"_s))));
    QVERIFY(page->selectedRowsAsText().startsWith(chosen + u'\t'));
    QVERIFY(!TestEnvironment::saveScreenshot(page.get(), u"status-grouped-en"_s).isEmpty());

    // Grouping off (by keyboard): the flat table again, every host, the same host current.
    toggle->setFocus();
    QTest::keyClick(toggle, Qt::Key_Space);
    QVERIFY(!page->isGrouped());
    QVERIFY(page->table()->isVisible());
    QVERIFY(!tree->isVisible());
    QCOMPARE(groups->rowCount(), 0);
    QCOMPARE(page->proxy()->rowCount(), model->rowCount());
    QCOMPARE(page->table()->currentIndex().data().toString(), chosen);

    // Remembered: on again, a new page (here in German) starts grouped; off is remembered too.
    page->setGroupBySite(true);
    status.reset();
    page.reset();
    TranslationLoader translations;
    QVERIFY(translations.install(QLocale(QLocale::German, QLocale::Germany)));
    page = std::make_unique<UpdateStatusPage>();
    status = std::make_unique<StatusController>(m_session.get(), page.get());
    page->resize(1024, 700);
    page->show();
    QSignalSpy loadedDe(status.get(), &StatusController::loaded);
    status->refresh();
    QVERIFY(loadedDe.wait(60000));
    QVERIFY(page->isGrouped());
    QCOMPARE(page->groupProxy()->groupCount(), 3);
    QCOMPARE(page->groupBySiteToggle()->text(), u"Nach Instanz &gruppieren"_s);
    QVERIFY(page->groupProxy()->groupIndex(0).data().toString().contains(u" Hosts: "_s));
    QVERIFY(!TestEnvironment::saveScreenshot(page.get(), u"status-grouped-de"_s).isEmpty());
    page->setGroupBySite(false);
    status.reset();
    page.reset();
    QCOMPARE(QSettings().value(u"status/groupBySite"_s).toBool(), false);
    translations.install(QLocale(QLocale::English));
    QSettings().remove(u"status/groupBySite"_s);
}

void TestSitesPage::wizardRegistersAtRemoteSite()
{
    // The central's hosts and the site monitoring each, as the console's inventory has them.
    const RestResult hosts
        = send(RestRequest::get(u"/domain-types/host_config/collections/all"_s,
                                QUrlQuery { { u"effective_attributes"_s, u"true"_s } }));
    QHash<QString, QString> siteOf;
    QString host;
    for (const QJsonValue &v : hosts.json.object().value(u"value"_s).toArray()) {
        const QJsonObject o = v.toObject();
        const QString site = o.value(u"extensions"_s)
                                 .toObject()
                                 .value(u"effective_attributes"_s)
                                 .toObject()
                                 .value(u"site"_s)
                                 .toString();
        siteOf.insert(o.value(u"id"_s).toString(), site);
        if (host.isEmpty() && site == u"remote1"_s)
            host = o.value(u"id"_s).toString();
    }
    QVERIFY(!host.isEmpty());
    QSignalSpy loaded(m_controller.get(), &SitesController::sitesLoaded);
    m_controller->refresh();
    QVERIFY(loaded.wait(30000));

    RegistrationWizard wizard;
    RegistrationController controller(&wizard, nullptr, &m_secrets);
    wizard.setSetupSites(m_controller->sites(), m_central.checkmkUrl().toString());
    controller.setRemoteSites({ u"remote1"_s, u"remote2"_s });
    wizard.setMonitoringSiteLookup([&siteOf](const QString &name) { return siteOf.value(name); });
    wizard.resize(760, 600);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));

    // Page 1: remote1 chosen from the set-up's sites fills in its address.
    RegistrationServerPage *server = wizard.serverPage();
    QComboBox *sites = server->setupSitesBox();
    QVERIFY(sites->isVisible());
    QCOMPARE(sites->count(), 4); // "Choose…", central, remote1, remote2
    sites->setFocus();
    QTest::keyClick(sites, Qt::Key_Down);
    QTest::keyClick(sites, Qt::Key_Down);
    QCOMPARE(server->serverEdit()->text(), m_remote.server());
    QCOMPARE(server->siteEdit()->text(), u"remote1"_s);
    QVERIFY(!TestEnvironment::saveScreenshot(&wizard, u"sites-registration-1-remote"_s).isEmpty());
    QTest::mouseClick(server->checkButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(server->trustButton()->isVisible(), 15000);
    server->trustButton()->setChecked(true);
    wizard.next();

    // Page 2 and 3: a host monitored by remote1, remote1's own automation login.
    QCOMPARE(wizard.currentId(), int(RegistrationWizard::HostPage));
    wizard.hostPage()->hostEdit()->setText(host);
    wizard.next();
    wizard.credentialsPage()->userEdit()->setText(u"automation"_s);
    wizard.credentialsPage()->secretEdit()->setText(QString::fromLatin1(m_remote.secret()));
    wizard.next();

    // Page 4: which site will serve the updates, and no misleading host check at the remote.
    RegistrationSummaryPage *summary = wizard.summaryPage();
    QCOMPARE(wizard.currentId(), int(RegistrationWizard::SummaryPage));
    const QString updates = summary->updateSiteLabel()->text();
    QVERIFY2(updates.contains(u"<b>remote1</b>"_s) && updates.contains(m_remoteUrls[0]),
             qPrintable(updates));
    QTRY_VERIFY_WITH_TIMEOUT(summary->hostCheckLabel()->text().contains(u"remote site"_s), 15000);
    QTemporaryDir dir;
    const QString statePath = dir.filePath(u"cmk-update-agent.state"_s);
    wizard.setStateFilePath(statePath, false);
    QVERIFY(!TestEnvironment::saveScreenshot(&wizard, u"sites-registration-4-summary"_s).isEmpty());
    wizard.next();

    // Page 5: registered through remote1 (forwarded to the central); remote1 serves the updates.
    QTRY_COMPARE_WITH_TIMEOUT(wizard.currentId(), int(RegistrationWizard::ResultPage), 30000);
    const QString shown = wizard.resultPage()->detailsLabel()->text();
    QVERIFY2(shown.contains(u"served by site <b>remote1</b>"_s), qPrintable(shown));
    QFile f(statePath);
    QVERIFY(f.open(QIODevice::ReadOnly));
    PythonLiteral::Error error;
    const QVariantMap state = PythonLiteral::parse(QString::fromUtf8(f.readAll()), &error).toMap();
    QVERIFY2(!error.isError(), qPrintable(error.toString()));
    QCOMPARE(state.value(u"update_url"_s).toString(), m_remoteUrls[0]);
    QCOMPARE(state.value(u"site"_s).toString(), u"remote1"_s);
    QCOMPARE(state.value(u"host_secret"_s).toString().size(), 64);
    QVERIFY(!TestEnvironment::saveScreenshot(&wizard, u"sites-registration-5-result"_s).isEmpty());
}

QTEST_MAIN(TestSitesPage)
#include "tst_sitespage.moc"
