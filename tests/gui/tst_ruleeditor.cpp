// Rules edited whole against the demo site: the editor writes back every part it does not show,
// a rule made with tag and label conditions and a comment reads back unchanged, a rule another
// client made survives disable and enable, a second writer between open and save gets the 412
// choice, and rules move with the site's move action.
#include <QCheckBox>
#include <QComboBox>
#include <QJsonArray>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>

#include "DemoConnection.h"
#include "DemoSite.h"
#include "DemoSiteThread.h"
#include "ErrorBanner.h"
#include "ProblemDocument.h"
#include "RestClient.h"
#include "RestReply.h"
#include "RuleCodec.h"
#include "RuleFixtures.h"
#include "SecretStore.h"
#include "SetupController.h"
#include "SetupPage.h"
#include "SiteSession.h"
#include "StaleVersionDialog.h"
#include "TestEnvironment.h"
#include "UpdateStatusModel.h"
#include "UpdaterRuleDialog.h"

using namespace Qt::StringLiterals;

namespace {
QJsonObject parse(const char *json)
{
    return QJsonDocument::fromJson(QByteArray(json)).object();
}

QJsonObject asSent(const QJsonObject &ruleObject)
{
    const QJsonObject ext = ruleObject.value(u"extensions"_s).toObject();
    return { { u"properties"_s, ext.value(u"properties"_s) },
             { u"value_raw"_s, ext.value(u"value_raw"_s) },
             { u"conditions"_s, ext.value(u"conditions"_s) } };
}

// A rule as another client (the Checkmk GUI, a script) would create it: every condition kind.
QJsonObject foreignRuleBody()
{
    const QJsonObject sent = asSent(parse(fullRule));
    QJsonObject body = sent;
    body.insert(u"ruleset"_s, u"agent_config:cmk_update_agent"_s);
    body.insert(u"folder"_s, u"~"_s);
    return body;
}
} // namespace

class TestRuleEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void dialogWritesBackWhatItDoesNotShow();
    void createdRuleReadsBackUnchanged();
    void foreignRuleSurvivesDisableAndEnable();
    void secondWriterGetsTheChoice();
    void staleListActionsAsk();
    void rulesMoveWithTheMoveAction();
    void changedFolderMovesTheRule();
    void refusedSaveReopensTheEditor();
    void refusalOfSeveralFieldsShowsEveryOne();
    void demoRefusesWhatTheSiteRefuses();

private:
    struct Rig
    {
        SecretStore secrets;
        SiteSession session { &secrets, nullptr };
        UpdateStatusModel statusModel;
        SetupPage page;
        SetupController controller { &session, &page, &statusModel };
    };
    void open(Rig &rig);
    // Raw REST, as another client would talk to the site.
    RestResult send(RestRequest request);
    QList<QJsonObject> siteRules();
    // Another admin changes the rule's comment (a GET, then a PUT with its ETag).
    void changeComment(const QString &id, const QString &comment);
    QJsonObject siteProperties(const QString &id);
    int rowOf(Rig &rig, const QString &id);
    DemoSiteThread m_demo;
    std::unique_ptr<RestClient> m_other;
};

void TestRuleEditor::initTestCase()
{
    TestEnvironment::isolate();
    DemoSiteOptions options;
    options.hostCount = 50;
    options.activationMs = 200;
    QString error;
    QVERIFY2(m_demo.start(options, &error), qPrintable(error));
    SiteConnection c = DemoConnection::make(m_demo.site()->port(),
                                            m_demo.site()->certificateSha256(), u"demo"_s);
    m_other = std::make_unique<RestClient>(c);
    m_other->setSecret(SecureBuffer(m_demo.site()->automationSecret()));
}

void TestRuleEditor::open(Rig &rig)
{
    SiteConnection c = DemoConnection::make(m_demo.site()->port(),
                                            m_demo.site()->certificateSha256(), u"demo"_s);
    QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
    rig.session.openWithSecret(c, m_demo.site()->automationSecret());
    QVERIFY(refreshed.wait(20000));
}

RestResult TestRuleEditor::send(RestRequest request)
{
    RestReply *reply = m_other->send(std::move(request));
    QSignalSpy finished(reply, &RestReply::finished);
    if (!finished.wait(10000))
        return {};
    return finished.first().first().value<RestResult>();
}

QList<QJsonObject> TestRuleEditor::siteRules()
{
    QUrlQuery query;
    query.addQueryItem(u"ruleset_name"_s, u"agent_config:cmk_update_agent"_s);
    const RestResult r = send(RestRequest::get(u"/domain-types/rule/collections/all"_s, query));
    QList<QJsonObject> out;
    for (const QJsonValue &v : r.json.object().value(u"value"_s).toArray())
        out << v.toObject();
    return out;
}

void TestRuleEditor::changeComment(const QString &id, const QString &comment)
{
    const RestResult current = send(RestRequest::get(u"/objects/rule/"_s + id));
    QVERIFY2(current.ok(), qPrintable(current.error.summary()));
    QJsonObject body = asSent(current.json.object());
    QJsonObject properties = body.value(u"properties"_s).toObject();
    properties.insert(u"comment"_s, comment);
    body.insert(u"properties"_s, properties);
    const RestResult put = send(
        RestRequest::put(u"/objects/rule/"_s + id, QJsonDocument(body)).withIfMatch(current.etag));
    QVERIFY2(put.ok(), qPrintable(put.error.summary()));
}

QJsonObject TestRuleEditor::siteProperties(const QString &id)
{
    return send(RestRequest::get(u"/objects/rule/"_s + id))
        .json.object()
        .value(u"extensions"_s)
        .toObject()
        .value(u"properties"_s)
        .toObject();
}

int TestRuleEditor::rowOf(Rig &rig, const QString &id)
{
    Q_UNUSED(rig);
    const QList<QJsonObject> rules = siteRules();
    for (int i = 0; i < rules.size(); ++i) {
        if (rules.at(i).value(u"id"_s).toString() == id)
            return i;
    }
    return -1;
}

void TestRuleEditor::dialogWritesBackWhatItDoesNotShow()
{
    ApiError error;
    const auto rule = RuleCodec::read(parse(fullRule), &error);
    QVERIFY(rule);
    const QJsonObject original = asSent(parse(fullRule));
    {
        UpdaterRuleDialog dialog(*rule, {});
        dialog.resize(1000, 660);
        dialog.show();
        QVERIFY(dialog.minimumSizeHint().width() <= 1000);
        QVERIFY(dialog.minimumSizeHint().height() <= 680);
        QCOMPARE(RuleCodec::updateBody(dialog.rule()), original);
        // It says what it keeps without showing.
        auto *kept = dialog.findChild<QLabel *>(u"keptParts"_s);
        QVERIFY(kept->isVisibleTo(&dialog));
        QVERIFY(kept->text().contains(u"conditions.service_label_groups"_s));
        QVERIFY(kept->text().contains(u"value.future_option"_s));
        QCOMPARE(dialog.findChild<QLineEdit *>(u"hostTags"_s)->text(),
                 u"criticality:prod, !networking:dmz, os:[linux|aix], "
                 "!agent:[special-agents|no-agent]"_s);
        QCOMPARE(dialog.findChild<QLineEdit *>(u"hostLabels"_s)->text(),
                 u"env:prod or env:staging; NOT team:legacy"_s);
        // Ticking a key leaves the accepted key this site does not list in the rule.
        auto *keys = dialog.findChild<QListWidget *>(u"acceptedKeys"_s);
        QCOMPARE(keys->count(), 1);
        keys->item(0)->setCheckState(Qt::Unchecked);
        keys->item(0)->setCheckState(Qt::Checked);
        QCOMPARE(dialog.rule().config().signatureKeys, rule->config().signatureKeys);
        TestEnvironment::saveScreenshot(&dialog, u"updater-rule-dialog-whole"_s);
    }
    {
        // One field changed in the dialog: only that field differs.
        UpdaterRuleDialog dialog(*rule, {});
        auto *comment = dialog.findChild<QLineEdit *>(u"comment"_s);
        comment->clear();
        QTest::keyClicks(comment, u"checked again"_s);
        QJsonObject expected = original;
        QJsonObject properties = expected.value(u"properties"_s).toObject();
        properties.insert(u"comment"_s, u"checked again"_s);
        expected.insert(u"properties"_s, properties);
        QCOMPARE(RuleCodec::updateBody(dialog.rule()), expected);
    }
    {
        // A parameter left unset: removed from the value, everything else stays.
        UpdaterRuleDialog dialog(*rule, {});
        dialog.findChild<QCheckBox *>(u"set_interval"_s)->setChecked(false);
        const AgentUpdaterRule edited = dialog.rule();
        QVERIFY(!edited.value.contains(u"interval"_s));
        QVariantMap expected = rule->value;
        expected.remove(u"interval"_s);
        QCOMPARE(edited.value, expected);
        const QJsonObject body = RuleCodec::updateBody(edited);
        QCOMPARE(body.value(u"conditions"_s), original.value(u"conditions"_s));
        QCOMPARE(body.value(u"properties"_s), original.value(u"properties"_s));
    }
}

void TestRuleEditor::createdRuleReadsBackUnchanged()
{
    Rig rig;
    open(rig);
    AgentUpdaterRule sent;
    rig.controller.setRuleEditor([&sent](const AgentUpdaterRule &proposed,
                                         const QList<Prerequisites::KeyInfo> &keys,
                                         const ApiError &) -> std::optional<RuleDraft> {
        // Filled in the dialog as a user would.
        UpdaterRuleDialog dialog(proposed, keys);
        dialog.findChild<QLineEdit *>(u"description"_s)->setText(u"Production web servers"_s);
        dialog.findChild<QLineEdit *>(u"comment"_s)->setText(u"wave 2, see ticket 4711"_s);
        dialog.findChild<QLineEdit *>(u"folder"_s)->setText(u"/linux"_s);
        dialog.findChild<QLineEdit *>(u"hostTags"_s)
            ->setText(u"criticality:prod, !networking:dmz, os:[linux|aix]"_s);
        dialog.findChild<QLineEdit *>(u"hostLabels"_s)
            ->setText(u"env:prod or env:test; NOT team:legacy"_s);
        sent = dialog.rule();
        return RuleDraft { sent, dialog.position() };
    });
    QSignalSpy saved(&rig.controller, &SetupController::ruleSaved);
    QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
    rig.controller.editRule(-1);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().first().toBool(), true);
    // Read back from the site as another client: exactly what the editor sent.
    QJsonObject created;
    for (const QJsonObject &r : siteRules()) {
        if (r.value(u"extensions"_s)
                .toObject()
                .value(u"properties"_s)
                .toObject()
                .value(u"description"_s)
            == u"Production web servers"_s)
            created = r;
    }
    QVERIFY(!created.isEmpty());
    const QJsonObject ext = created.value(u"extensions"_s).toObject();
    QCOMPARE(ext.value(u"folder"_s).toString(), u"/linux"_s);
    const QJsonObject expected = RuleCodec::updateBody(sent);
    QCOMPARE(ext.value(u"conditions"_s), expected.value(u"conditions"_s));
    QCOMPARE(ext.value(u"properties"_s), expected.value(u"properties"_s));
    QCOMPARE(ext.value(u"value_raw"_s), expected.value(u"value_raw"_s));
    const QJsonArray tags = ext.value(u"conditions"_s).toObject().value(u"host_tags"_s).toArray();
    QCOMPARE(tags.size(), 3);
    QCOMPARE(tags.at(2).toObject().value(u"operator"_s).toString(), u"one_of"_s);
    const QJsonArray groups
        = ext.value(u"conditions"_s).toObject().value(u"host_label_groups"_s).toArray();
    QCOMPARE(groups.size(), 2);
    QCOMPARE(groups.at(1).toObject().value(u"operator"_s).toString(), u"not"_s);
    QCOMPARE(ext.value(u"properties"_s).toObject().value(u"comment"_s).toString(),
             u"wave 2, see ticket 4711"_s);
    // Deleted without If-Match, as the site allows.
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() > 0, 10000);
    saved.clear();
    rig.controller.deleteRule(rowOf(rig, created.value(u"id"_s).toString()));
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().first().toBool(), true);
    QCOMPARE(rowOf(rig, created.value(u"id"_s).toString()), -1);
}

void TestRuleEditor::foreignRuleSurvivesDisableAndEnable()
{
    Rig rig;
    open(rig);
    const RestResult posted = send(RestRequest::post(u"/domain-types/rule/collections/all"_s,
                                                     QJsonDocument(foreignRuleBody())));
    QVERIFY2(posted.ok(), qPrintable(posted.error.summary()));
    const QString id = posted.json.object().value(u"id"_s).toString();
    const QJsonObject before = asSent(posted.json.object());
    QCOMPARE(before, asSent(parse(fullRule))); // the demo keeps what it was sent

    QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
    rig.controller.refresh();
    QVERIFY(refreshed.wait(10000));
    QSignalSpy saved(&rig.controller, &SetupController::ruleSaved);
    rig.controller.toggleRule(rowOf(rig, id));
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().first().toBool(), true);
    const RestResult disabled = send(RestRequest::get(u"/objects/rule/"_s + id));
    QJsonObject expected = before;
    QJsonObject properties = expected.value(u"properties"_s).toObject();
    properties.insert(u"disabled"_s, true);
    expected.insert(u"properties"_s, properties);
    QCOMPARE(asSent(disabled.json.object()), expected); // only "disabled" changed

    // The page shows the site's state again after the write (it refreshes by itself).
    QTRY_VERIFY_WITH_TIMEOUT(refreshed.count() >= 2, 10000);
    saved.clear();
    rig.controller.toggleRule(rowOf(rig, id));
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().first().toBool(), true);
    const RestResult enabled = send(RestRequest::get(u"/objects/rule/"_s + id));
    QCOMPARE(asSent(enabled.json.object()), before); // back as the other client made it
    send(RestRequest::del(u"/objects/rule/"_s + id));
}

void TestRuleEditor::secondWriterGetsTheChoice()
{
    Rig rig;
    open(rig);
    const RestResult posted = send(RestRequest::post(u"/domain-types/rule/collections/all"_s,
                                                     QJsonDocument(foreignRuleBody())));
    QVERIFY(posted.ok());
    const QString id = posted.json.object().value(u"id"_s).toString();
    QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
    rig.controller.refresh();
    QVERIFY(refreshed.wait(10000));

    // While the dialog is open, somebody else changes the comment.
    int edits = 0;
    int round = 1;
    rig.controller.setRuleEditor([&](const AgentUpdaterRule &rule,
                                     const QList<Prerequisites::KeyInfo> &,
                                     const ApiError &) -> std::optional<RuleDraft> {
        if (++edits > 1)
            return std::nullopt; // the user closes the reopened editor
        const RestResult current = send(RestRequest::get(u"/objects/rule/"_s + id));
        QJsonObject body = asSent(current.json.object());
        QJsonObject properties = body.value(u"properties"_s).toObject();
        properties.insert(u"comment"_s, u"changed by the other admin, round %1"_s.arg(round));
        body.insert(u"properties"_s, properties);
        const RestResult put = send(RestRequest::put(u"/objects/rule/"_s + id, QJsonDocument(body))
                                        .withIfMatch(current.etag));
        if (!put.ok())
            qWarning("other writer: %s", qPrintable(put.error.summary()));
        AgentUpdaterRule mine = rule;
        mine.properties.description = u"my description"_s;
        return RuleDraft { mine, std::nullopt };
    });
    int asked = 0;
    QString theirComment;
    StaleVersionDialog::Choice answer = StaleVersionDialog::Choice::KeepEditing;
    rig.controller.setConflictResolver([&](const AgentUpdaterRule &mine,
                                           const std::optional<AgentUpdaterRule> &theirs,
                                           const QString &) {
        ++asked;
        theirComment = theirs ? theirs->properties.comment : QString();
        if (mine.properties.description != u"my description"_s)
            theirComment = u"wrong mine"_s;
        return answer;
    });
    QSignalSpy saved(&rig.controller, &SetupController::ruleSaved);
    rig.controller.editRule(rowOf(rig, id));
    QTRY_COMPARE_WITH_TIMEOUT(edits, 2, 10000); // asked, kept editing, editor reopened
    QCOMPARE(asked, 1);
    QCOMPARE(theirComment, u"changed by the other admin, round 1"_s);
    // Nothing was overwritten.
    RestResult now = send(RestRequest::get(u"/objects/rule/"_s + id));
    QCOMPARE(now.json.object()
                 .value(u"extensions"_s)
                 .toObject()
                 .value(u"properties"_s)
                 .toObject()
                 .value(u"comment"_s)
                 .toString(),
             u"changed by the other admin, round 1"_s);

    // The same again, and this time the user overwrites theirs.
    edits = 0;
    asked = 0;
    round = 2;
    answer = StaleVersionDialog::Choice::Overwrite;
    saved.clear();
    rig.controller.editRule(rowOf(rig, id));
    QVERIFY(saved.wait(10000));
    QCOMPARE(asked, 1);
    QCOMPARE(saved.last().first().toBool(), true);
    now = send(RestRequest::get(u"/objects/rule/"_s + id));
    const QJsonObject properties
        = now.json.object().value(u"extensions"_s).toObject().value(u"properties"_s).toObject();
    QCOMPARE(properties.value(u"description"_s).toString(), u"my description"_s);
    send(RestRequest::del(u"/objects/rule/"_s + id));

    // What the question looks like.
    ApiError error;
    const auto rule = RuleCodec::read(parse(fullRule), &error);
    AgentUpdaterRule theirs = *rule;
    theirs.properties.comment = u"changed by the other admin"_s;
    StaleVersionDialog dialog(u"the rule"_s, UpdaterRuleDialog::describe(*rule),
                              UpdaterRuleDialog::describe(theirs), QString());
    dialog.show();
    TestEnvironment::saveScreenshot(&dialog, u"stale-rule-dialog"_s);
}

void TestRuleEditor::staleListActionsAsk()
{
    Rig rig;
    open(rig);
    // Two rules another client made, one after the other in the root folder.
    QStringList ids;
    for (int i = 0; i < 2; ++i) {
        QJsonObject body = foreignRuleBody();
        QJsonObject properties = body.value(u"properties"_s).toObject();
        properties.insert(u"description"_s, u"stale list %1"_s.arg(i));
        body.insert(u"properties"_s, properties);
        const RestResult posted
            = send(RestRequest::post(u"/domain-types/rule/collections/all"_s, QJsonDocument(body)));
        QVERIFY2(posted.ok(), qPrintable(posted.error.summary()));
        ids << posted.json.object().value(u"id"_s).toString();
    }
    const QString original = siteProperties(ids.at(1)).value(u"comment"_s).toString();
    QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
    rig.controller.refresh();
    QVERIFY(refreshed.wait(10000));

    int asked = 0;
    AgentUpdaterRule shownMine;
    std::optional<AgentUpdaterRule> shownTheirs;
    StaleVersionDialog::Choice answer = StaleVersionDialog::Choice::KeepEditing;
    rig.controller.setConflictResolver([&](const AgentUpdaterRule &mine,
                                           const std::optional<AgentUpdaterRule> &theirs,
                                           const QString &) {
        ++asked;
        shownMine = mine;
        shownTheirs = theirs;
        return answer;
    });
    QSignalSpy saved(&rig.controller, &SetupController::ruleSaved);

    // Disable, after somebody changed the rule since the list was read: asked, not reloaded.
    const int row = rowOf(rig, ids.at(1));
    changeComment(ids.at(1), u"changed meanwhile, 1"_s);
    rig.controller.toggleRule(row);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.last().first().toBool(), false);
    QCOMPARE(asked, 1);
    QVERIFY(shownTheirs);
    QCOMPARE(shownTheirs->properties.comment, u"changed meanwhile, 1"_s);
    QCOMPARE(shownMine.properties.comment, original); // the list's version ...
    QVERIFY(shownMine.properties.disabled); // ... with the toggle asked for
    // Keep editing: nothing written.
    QCOMPARE(siteProperties(ids.at(1)).value(u"disabled"_s).toBool(), false);
    QCOMPARE(siteProperties(ids.at(1)).value(u"comment"_s).toString(), u"changed meanwhile, 1"_s);

    // Asked again (the list still shows the old version); this time the user overwrites.
    answer = StaleVersionDialog::Choice::Overwrite;
    saved.clear();
    refreshed.clear();
    rig.controller.toggleRule(row);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.last().first().toBool(), true);
    QCOMPARE(asked, 2);
    QCOMPARE(siteProperties(ids.at(1)).value(u"disabled"_s).toBool(), true);
    QCOMPARE(siteProperties(ids.at(1)).value(u"comment"_s).toString(), original);
    // The page follows the write by itself.
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 10000);

    // Move up, after somebody changed the rule: asked; keep editing moves nothing.
    const auto order = [&] {
        QStringList out;
        for (const QJsonObject &r : siteRules()) {
            if (ids.contains(r.value(u"id"_s).toString()))
                out << r.value(u"id"_s).toString();
        }
        return out;
    };
    QCOMPARE(order(), ids);
    changeComment(ids.at(1), u"changed meanwhile, 2"_s);
    answer = StaleVersionDialog::Choice::KeepEditing;
    saved.clear();
    rig.controller.moveRule(rowOf(rig, ids.at(1)), -1);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.last().first().toBool(), false);
    QCOMPARE(asked, 3);
    QCOMPARE(shownTheirs->properties.comment, u"changed meanwhile, 2"_s);
    QCOMPARE(order(), ids);

    // Reload: nothing moved, the list shows the site's version; moving then asks nothing.
    answer = StaleVersionDialog::Choice::Reload;
    saved.clear();
    refreshed.clear();
    rig.controller.moveRule(rowOf(rig, ids.at(1)), -1);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.last().first().toBool(), false);
    QCOMPARE(asked, 4);
    QCOMPARE(order(), ids);
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), 10000);
    QCOMPARE(rig.controller.rules().at(rowOf(rig, ids.at(1))).properties.comment,
             u"changed meanwhile, 2"_s);

    // Overwrite on a move: the list's version goes back, then moves.
    changeComment(ids.at(1), u"changed meanwhile, 3"_s);
    answer = StaleVersionDialog::Choice::Overwrite;
    saved.clear();
    rig.controller.moveRule(rowOf(rig, ids.at(1)), -1);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.last().first().toBool(), true);
    QCOMPARE(asked, 5);
    QCOMPARE(order(), QStringList({ ids.at(1), ids.at(0) }));
    QCOMPARE(siteProperties(ids.at(1)).value(u"comment"_s).toString(), u"changed meanwhile, 2"_s);
    for (const QString &id : std::as_const(ids))
        send(RestRequest::del(u"/objects/rule/"_s + id));
}

void TestRuleEditor::rulesMoveWithTheMoveAction()
{
    Rig rig;
    open(rig);
    const auto make = [&](const QString &description, std::optional<RulePosition> position) {
        rig.controller.setRuleEditor([=](const AgentUpdaterRule &proposed,
                                         const QList<Prerequisites::KeyInfo> &,
                                         const ApiError &) -> std::optional<RuleDraft> {
            AgentUpdaterRule r = proposed;
            r.properties.description = description;
            r.folder = u"/network"_s;
            r.value = QVariantMap { { u"activated"_s, u"disabled"_s } };
            return RuleDraft { r, position };
        });
        QSignalSpy saved(&rig.controller, &SetupController::ruleSaved);
        QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
        rig.controller.editRule(-1);
        QVERIFY(saved.wait(10000));
        QVERIFY(saved.first().first().toBool());
        QVERIFY(refreshed.wait(10000));
    };
    const auto order = [&] {
        QStringList out;
        for (const QJsonObject &r : siteRules()) {
            const QJsonObject ext = r.value(u"extensions"_s).toObject();
            if (ext.value(u"folder"_s).toString() == u"/network"_s)
                out << ext.value(u"properties"_s).toObject().value(u"description"_s).toString();
        }
        return out;
    };
    make(u"network: updater off"_s, std::nullopt);
    QCOMPARE(order(), QStringList({ u"network: updater off"_s }));
    // A new rule chosen to go first in its folder.
    make(u"network: first"_s, RulePosition::top(u"/network"_s));
    QCOMPARE(order(), QStringList({ u"network: first"_s, u"network: updater off"_s }));
    // Move the second one up.
    QString offId;
    for (const QJsonObject &r : siteRules()) {
        if (r.value(u"extensions"_s)
                .toObject()
                .value(u"properties"_s)
                .toObject()
                .value(u"description"_s)
            == u"network: updater off"_s)
            offId = r.value(u"id"_s).toString();
    }
    QSignalSpy saved(&rig.controller, &SetupController::ruleSaved);
    rig.controller.moveRule(rowOf(rig, offId), -1);
    QVERIFY(saved.wait(10000));
    QVERIFY(saved.first().first().toBool());
    QCOMPARE(order(), QStringList({ u"network: updater off"_s, u"network: first"_s }));
    for (const QJsonObject &r : siteRules()) {
        if (r.value(u"extensions"_s).toObject().value(u"folder"_s).toString() == u"/network"_s)
            send(RestRequest::del(u"/objects/rule/"_s + r.value(u"id"_s).toString()));
    }
}

void TestRuleEditor::changedFolderMovesTheRule()
{
    Rig rig;
    open(rig);
    const RestResult posted = send(RestRequest::post(u"/domain-types/rule/collections/all"_s,
                                                     QJsonDocument(foreignRuleBody())));
    QVERIFY(posted.ok());
    const QString id = posted.json.object().value(u"id"_s).toString();
    QSignalSpy refreshed(&rig.controller, &SetupController::refreshed);
    rig.controller.refresh();
    QVERIFY(refreshed.wait(10000));
    rig.controller.setRuleEditor([](const AgentUpdaterRule &rule,
                                    const QList<Prerequisites::KeyInfo> &,
                                    const ApiError &) -> std::optional<RuleDraft> {
        AgentUpdaterRule moved = rule;
        moved.folder = u"/linux/web"_s;
        return RuleDraft { moved, std::nullopt };
    });
    QSignalSpy saved(&rig.controller, &SetupController::ruleSaved);
    rig.controller.editRule(rowOf(rig, id));
    QVERIFY(saved.wait(10000));
    QVERIFY(saved.first().first().toBool());
    const RestResult now = send(RestRequest::get(u"/objects/rule/"_s + id));
    QCOMPARE(now.json.object().value(u"extensions"_s).toObject().value(u"folder"_s).toString(),
             u"/linux/web"_s);
    // Moved, and nothing else changed.
    QCOMPARE(asSent(now.json.object()), asSent(posted.json.object()));
    send(RestRequest::del(u"/objects/rule/"_s + id));
}

void TestRuleEditor::refusedSaveReopensTheEditor()
{
    Rig rig;
    open(rig);
    int calls = 0;
    AgentUpdaterRule typed;
    ApiError shown;
    rig.controller.setRuleEditor([&](const AgentUpdaterRule &rule,
                                     const QList<Prerequisites::KeyInfo> &,
                                     const ApiError &lastError) -> std::optional<RuleDraft> {
        if (++calls == 1) {
            AgentUpdaterRule r = rule;
            r.properties.description = u"typed by the user"_s;
            r.properties.documentationUrl = u"not a url"_s; // the site refuses it
            typed = r;
            return RuleDraft { r, std::nullopt };
        }
        // Reopened with what was typed and the site's reason.
        typed = rule;
        shown = lastError;
        return std::nullopt;
    });
    QSignalSpy saved(&rig.controller, &SetupController::ruleSaved);
    rig.controller.editRule(-1);
    QVERIFY(saved.wait(10000));
    QCOMPARE(saved.first().first().toBool(), false);
    QCOMPARE(calls, 2);
    QCOMPARE(typed.properties.description, u"typed by the user"_s);
    QCOMPARE(shown.status, 400);
    QVERIFY(shown.fields.contains(u"properties"_s));
    // The dialog shows the site's words next to the field, which has the keyboard, its text
    // selected to be typed over.
    UpdaterRuleDialog dialog(typed, {});
    dialog.setSiteError(shown);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *message = dialog.findChild<QLabel *>(u"documentationUrlError"_s);
    QVERIFY(message->isVisible());
    QVERIFY2(message->text().contains(u"URL"_s), qPrintable(message->text()));
    auto *url = dialog.findChild<QLineEdit *>(u"documentationUrl"_s);
    QCOMPARE(dialog.focusWidget(), url);
    QCOMPARE(url->selectedText(), u"not a url"_s);
    QVERIFY(!dialog.findChild<ErrorBanner *>(u"ruleSiteError"_s)->isVisible());
    // Typing in the field answers the message.
    QTest::keyClick(url, Qt::Key_End);
    QTest::keyClicks(url, u"x"_s);
    QVERIFY(!message->isVisible());
}

void TestRuleEditor::refusalOfSeveralFieldsShowsEveryOne()
{
    // A site that checks the whole body names every field it refuses in one 400 (the demo site
    // stops at the first): here two with an input in the editor (the documentation URL under
    // "properties", the folder) and one without (the parameters as a whole, "value_raw").
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.status = 400;
    error.problemDocument = true;
    QVERIFY(ProblemDocument::read(
        R"({"title": "Bad Request", "status": 400,
            "detail": "These fields have problems: folder, properties, value_raw",
            "fields": {"folder": ["The folder '~no~such' could not be found."],
                       "properties": ["documentation_url: Not a valid URL."],
                       "value_raw": ["Expected a Python dictionary literal."]}})",
        &error));
    QCOMPARE(error.fields.size(), 3);
    AgentUpdaterRule typed;
    typed.properties.description = u"typed by the user"_s;
    typed.properties.documentationUrl = u"not a url"_s;
    typed.folder = u"/no/such"_s;
    UpdaterRuleDialog dialog(typed, {});
    dialog.resize(1024, 700);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    dialog.setSiteError(error);

    // Each field the site names that has an input here: its message right below it.
    auto *urlMessage = dialog.findChild<QLabel *>(u"documentationUrlError"_s);
    QVERIFY(urlMessage->isVisible());
    QVERIFY2(urlMessage->text().contains(u"Not a valid URL."_s), qPrintable(urlMessage->text()));
    auto *folderMessage = dialog.findChild<QLabel *>(u"folderError"_s);
    QVERIFY(folderMessage->isVisible());
    QVERIFY2(folderMessage->text().contains(u"could not be found"_s),
             qPrintable(folderMessage->text()));
    // Not named: no message there.
    QVERIFY(!dialog.findChild<QLabel *>(u"conditionsError"_s)->isVisible());
    // The one without an input: in the banner, in the editor's words, shown (not only under
    // Details).
    auto *banner = dialog.findChild<ErrorBanner *>(u"ruleSiteError"_s);
    QVERIFY(banner->isVisible());
    QString shown;
    for (const QLabel *label : banner->findChildren<QLabel *>()) {
        if (label->isVisible())
            shown += label->text() + u'\n';
    }
    QVERIFY2(shown.contains(u"Agent updater parameters: Expected a Python dictionary literal."_s),
             qPrintable(shown));
    // The keyboard at the first field named, its text selected to be typed over; the dialog
    // open with everything typed.
    auto *url = dialog.findChild<QLineEdit *>(u"documentationUrl"_s);
    QCOMPARE(dialog.focusWidget(), url);
    QCOMPARE(url->selectedText(), u"not a url"_s);
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.findChild<QLineEdit *>(u"description"_s)->text(), u"typed by the user"_s);
    QCOMPARE(dialog.findChild<QLineEdit *>(u"folder"_s)->text(), u"/no/such"_s);
    TestEnvironment::saveScreenshot(&dialog, u"rule-editor-three-fields-refused"_s);
}

void TestRuleEditor::demoRefusesWhatTheSiteRefuses()
{
    QJsonObject body = foreignRuleBody();
    body.insert(u"folder"_s, u"linux"_s);
    RestResult r
        = send(RestRequest::post(u"/domain-types/rule/collections/all"_s, QJsonDocument(body)));
    QCOMPARE(r.error.status, 400);
    QVERIFY(r.error.fields.contains(u"folder"_s));
    body = foreignRuleBody();
    QJsonObject conditions = body.value(u"conditions"_s).toObject();
    conditions.insert(
        u"host_name"_s,
        QJsonObject { { u"match_on"_s, QJsonArray { u""_s } }, { u"operator"_s, u"one_of"_s } });
    body.insert(u"conditions"_s, conditions);
    r = send(RestRequest::post(u"/domain-types/rule/collections/all"_s, QJsonDocument(body)));
    QCOMPARE(r.error.status, 400);
    QVERIFY(r.error.fields.contains(u"conditions"_s));
    // A PUT cannot move a rule to another folder; the move action needs If-Match.
    const RestResult posted = send(RestRequest::post(u"/domain-types/rule/collections/all"_s,
                                                     QJsonDocument(foreignRuleBody())));
    QVERIFY(posted.ok());
    const QString id = posted.json.object().value(u"id"_s).toString();
    QJsonObject put = asSent(posted.json.object());
    put.insert(u"folder"_s, u"~linux"_s);
    r = send(
        RestRequest::put(u"/objects/rule/"_s + id, QJsonDocument(put)).withIfMatch(posted.etag));
    QCOMPARE(r.error.status, 400);
    r = send(RestRequest::post(u"/objects/rule/"_s + id + u"/actions/move/invoke"_s,
                               QJsonDocument(QJsonObject { { u"position"_s, u"top_of_folder"_s },
                                                           { u"folder"_s, u"~linux"_s } }))
                 .withIfMatch("\"stale\""));
    QCOMPARE(r.error.status, 412);
    const RestResult del = send(RestRequest::del(u"/objects/rule/"_s + id));
    QVERIFY2(del.ok(), qPrintable(del.error.summary()));
}

QTEST_MAIN(TestRuleEditor)
#include "tst_ruleeditor.moc"
