// What the console writes back is what it read: rules, the host selection and the master
// switch, from fixtures shaped like a real site's replies (every condition kind, comment,
// documentation URL, value keys the console does not know). Saved unchanged, the request body
// equals the original; one field changed, only that field differs.
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include "ConditionText.h"
#include "GlobalSettingsApi.h"
#include "PythonLiteral.h"
#include "RuleCodec.h"
#include "RuleFixtures.h"

using namespace Qt::StringLiterals;

namespace {

QJsonObject parse(const char *json)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(QByteArray(json), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("fixture: %s", qPrintable(error.errorString()));
    return doc.object();
}

// What the site holds for the rule, in the shape of an UpdateRuleObject.
QJsonObject asSent(const QJsonObject &ruleObject)
{
    const QJsonObject ext = ruleObject.value(u"extensions"_s).toObject();
    return { { u"properties"_s, ext.value(u"properties"_s) },
             { u"value_raw"_s, ext.value(u"value_raw"_s) },
             { u"conditions"_s, ext.value(u"conditions"_s) } };
}

// Top-level keys (and for objects one level below, "a.b") in which two bodies differ.
QStringList differences(const QJsonObject &a, const QJsonObject &b)
{
    QStringList out;
    QStringList keys = a.keys() + b.keys();
    keys.removeDuplicates();
    for (const QString &k : keys) {
        if (a.value(k) == b.value(k))
            continue;
        if (a.value(k).isObject() && b.value(k).isObject()) {
            for (const QString &sub : differences(a.value(k).toObject(), b.value(k).toObject()))
                out << k + u'.' + sub;
        } else {
            out << k;
        }
    }
    out.sort();
    return out;
}

AgentUpdaterRule read(const char *json)
{
    ApiError error;
    const auto rule = RuleCodec::read(parse(json), &error);
    if (!rule)
        qFatal("read: %s", qPrintable(error.summary()));
    return *rule;
}

} // namespace

class TestSiteRoundTrip final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void readsEveryPart();
    void unchangedRuleGoesBackAsRead_data();
    void unchangedRuleGoesBackAsRead();
    void oneChangedFieldIsTheOnlyDifference();
    void conditionTextIsInverse();
    void createAndMoveBodies();
    void invalidRulesAreNamed();
    void hostSelectionRoundTrip();
    void masterSwitchBody();
};

void TestSiteRoundTrip::readsEveryPart()
{
    const AgentUpdaterRule r = read(fullRule);
    QCOMPARE(r.folder, u"/linux"_s);
    QCOMPARE(r.folderIndex, 2);
    QCOMPARE(r.properties.comment, u"2025-03-02 admin: interval agreed with the network team"_s);
    QCOMPARE(r.properties.documentationUrl, u"https://wiki.example.com/agent-updates"_s);
    QVERIFY(r.conditions.hostNames);
    QCOMPARE(r.conditions.hostNames->matchOn, QStringList({ u"web01"_s, u"~db-.*"_s }));
    QVERIFY(r.conditions.hostNames->negate);
    QCOMPARE(r.conditions.hostTags.size(), 4);
    QCOMPARE(r.conditions.hostTags.at(2).op, RuleConditions::TagOperator::OneOf);
    QCOMPARE(r.conditions.hostTags.at(2).values, QStringList({ u"linux"_s, u"aix"_s }));
    QCOMPARE(r.conditions.hostTags.at(3).op, RuleConditions::TagOperator::NoneOf);
    QCOMPARE(r.conditions.hostLabelGroups.size(), 2);
    QCOMPARE(r.conditions.hostLabelGroups.at(1).op, RuleConditions::LabelOperator::Not);
    QCOMPARE(r.conditions.hostLabelGroups.at(0).labels.at(1).op, RuleConditions::LabelOperator::Or);
    // What the editor does not edit is named, so that it can say it keeps it.
    QCOMPARE(r.keptParts(),
             QStringList({ u"conditions.service_description"_s,
                           u"conditions.service_label_groups"_s, u"value.future_option"_s }));
    QCOMPARE(r.config().interval, std::optional<int>(5400));
}

void TestSiteRoundTrip::unchangedRuleGoesBackAsRead_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::newRow("every condition kind") << QByteArray(fullRule);
    QTest::newRow("nothing optional") << QByteArray(bareRule);
}

void TestSiteRoundTrip::unchangedRuleGoesBackAsRead()
{
    QFETCH(QByteArray, json);
    const AgentUpdaterRule r = read(json.constData());
    QCOMPARE(RuleCodec::updateBody(r), asSent(parse(json.constData())));
    // The value written anew (as after an edit that was undone) still means the same.
    AgentUpdaterRule rewritten = r;
    rewritten.valueRaw.clear();
    PythonLiteral::Error pe;
    QCOMPARE(PythonLiteral::parse(RuleCodec::valueRaw(rewritten), &pe).toMap(), r.value);
    QVERIFY(!pe.isError());
}

void TestSiteRoundTrip::oneChangedFieldIsTheOnlyDifference()
{
    const QJsonObject original = asSent(parse(fullRule));
    const AgentUpdaterRule r = read(fullRule);

    AgentUpdaterRule comment = r;
    comment.properties.comment = u"changed"_s;
    QCOMPARE(differences(RuleCodec::updateBody(comment), original),
             QStringList({ u"properties.comment"_s }));

    AgentUpdaterRule disabled = r;
    disabled.properties.disabled = true;
    QCOMPARE(differences(RuleCodec::updateBody(disabled), original),
             QStringList({ u"properties.disabled"_s }));

    AgentUpdaterRule url = r;
    url.properties.documentationUrl = u"https://intranet.example.com/updates"_s;
    QCOMPARE(differences(RuleCodec::updateBody(url), original),
             QStringList({ u"properties.documentation_url"_s }));

    AgentUpdaterRule tags = r;
    tags.conditions.hostTags.removeLast();
    QCOMPARE(differences(RuleCodec::updateBody(tags), original),
             QStringList({ u"conditions.host_tags"_s }));

    AgentUpdaterRule labels = r;
    labels.conditions.hostLabelGroups.removeLast();
    QCOMPARE(differences(RuleCodec::updateBody(labels), original),
             QStringList({ u"conditions.host_label_groups"_s }));

    AgentUpdaterRule names = r;
    names.conditions.hostNames.reset();
    QCOMPARE(differences(RuleCodec::updateBody(names), original),
             QStringList({ u"conditions.host_name"_s }));

    // One parameter of the value: value_raw differs, and in it only that key.
    AgentUpdaterRule interval = r;
    AgentUpdaterConfig c = interval.config();
    c.interval = 1800;
    interval.value = c.toVariant();
    const QJsonObject body = RuleCodec::updateBody(interval);
    QCOMPARE(differences(body, original), QStringList({ u"value_raw"_s }));
    PythonLiteral::Error pe;
    QVariantMap written = PythonLiteral::parse(body.value(u"value_raw"_s).toString(), &pe).toMap();
    QVERIFY(!pe.isError());
    QCOMPARE(written.value(u"interval"_s).toInt(), 1800);
    written.remove(u"interval"_s);
    QVariantMap before = r.value;
    before.remove(u"interval"_s);
    QCOMPARE(written, before); // the unknown key and every other parameter untouched

    // A parameter left unset is not written at all (a later rule or the default decides).
    AgentUpdaterRule unset = r;
    AgentUpdaterConfig u = unset.config();
    u.interval.reset();
    unset.value = u.toVariant();
    const QVariantMap withoutInterval
        = PythonLiteral::parse(RuleCodec::updateBody(unset).value(u"value_raw"_s).toString(), &pe)
              .toMap();
    QVERIFY(!withoutInterval.contains(u"interval"_s));
    QVERIFY(withoutInterval.contains(u"future_option"_s));
}

void TestSiteRoundTrip::conditionTextIsInverse()
{
    const AgentUpdaterRule r = read(fullRule);
    const QString tags = ConditionText::formatTags(r.conditions.hostTags);
    QCOMPARE(
        tags,
        u"criticality:prod, !networking:dmz, os:[linux|aix], !agent:[special-agents|no-agent]"_s);
    QString error;
    QCOMPARE(ConditionText::parseTags(tags, &error), std::optional(r.conditions.hostTags));
    const QString labels = ConditionText::formatLabels(r.conditions.hostLabelGroups);
    QCOMPARE(labels, u"env:prod or env:staging; NOT team:legacy"_s);
    QCOMPARE(ConditionText::parseLabels(labels, &error),
             std::optional(r.conditions.hostLabelGroups));
    QVERIFY(!ConditionText::parseTags(u"criticality"_s, &error));
    QVERIFY(error.contains(u"group:tag"_s));
    QVERIFY(!ConditionText::parseLabels(u"env:prod env:test"_s, &error));
    QVERIFY(!ConditionText::parseLabels(u"env"_s, &error));
    QVERIFY(error.contains(u"key:value"_s));
}

void TestSiteRoundTrip::createAndMoveBodies()
{
    AgentUpdaterRule r = read(fullRule);
    r.folder = u"/linux/web"_s;
    const QJsonObject create = RuleCodec::createBody(r);
    QCOMPARE(create.value(u"ruleset"_s).toString(), u"agent_config:cmk_update_agent"_s);
    QCOMPARE(create.value(u"folder"_s).toString(), u"~linux~web"_s);
    QCOMPARE(create.value(u"conditions"_s), asSent(parse(fullRule)).value(u"conditions"_s));
    QCOMPARE(
        RuleCodec::moveBody(RulePosition::top(u"/network"_s)),
        QJsonObject({ { u"position"_s, u"top_of_folder"_s }, { u"folder"_s, u"~network"_s } }));
    QCOMPARE(RuleCodec::moveBody(RulePosition::bottom(u"/"_s)),
             QJsonObject({ { u"position"_s, u"bottom_of_folder"_s }, { u"folder"_s, u"~"_s } }));
    QCOMPARE(
        RuleCodec::moveBody(RulePosition::before(u"abc"_s)),
        QJsonObject({ { u"position"_s, u"before_specific_rule"_s }, { u"rule_id"_s, u"abc"_s } }));
    QCOMPARE(
        RuleCodec::moveBody(RulePosition::after(u"abc"_s)),
        QJsonObject({ { u"position"_s, u"after_specific_rule"_s }, { u"rule_id"_s, u"abc"_s } }));
}

void TestSiteRoundTrip::invalidRulesAreNamed()
{
    AgentUpdaterRule r = read(fullRule);
    QVERIFY(r.validate().isEmpty());
    const auto fields = [](const AgentUpdaterRule &rule) {
        QStringList out;
        for (const AgentUpdaterRule::Issue &i : rule.validate())
            out << i.field;
        return out;
    };
    AgentUpdaterRule folder = r;
    folder.folder = u"linux"_s;
    QCOMPARE(fields(folder), QStringList({ u"folder"_s }));
    AgentUpdaterRule empty = r;
    empty.conditions.hostNames->matchOn << QString();
    QCOMPARE(fields(empty), QStringList({ u"conditions.host_name.match_on[2]"_s }));
    AgentUpdaterRule regex = r;
    regex.conditions.hostNames->matchOn = { u"~("_s };
    QCOMPARE(fields(regex), QStringList({ u"conditions.host_name.match_on[0]"_s }));
    AgentUpdaterRule url = r;
    url.properties.documentationUrl = u"wiki page"_s;
    QCOMPARE(fields(url), QStringList({ u"properties.documentation_url"_s }));
    AgentUpdaterRule label = r;
    label.conditions.hostLabelGroups[0].labels[0].label = u"env"_s;
    QCOMPARE(fields(label), QStringList({ u"conditions.host_label_groups[0].label_group[0]"_s }));
}

void TestSiteRoundTrip::hostSelectionRoundTrip()
{
    // The setting as a site holds it, with a key a newer site may add.
    const QJsonObject value = parse(hostSelectionValue);
    const HostSelection s = HostSelection::fromVariant(value.toVariantMap());
    const QJsonObject unchanged = GlobalSettingsApi::hostSelectionBody(s);
    QCOMPARE(unchanged, QJsonObject({ { u"value"_s, value } }));
    HostSelection changed = s;
    changed.excludedHosts << u"web04"_s;
    QCOMPARE(differences(GlobalSettingsApi::hostSelectionBody(changed), unchanged),
             QStringList({ u"value.match_exclude_hosts"_s }));
    HostSelection tags = s;
    tags.hostTags.remove(u"networking"_s);
    QCOMPARE(differences(GlobalSettingsApi::hostSelectionBody(tags), unchanged),
             QStringList({ u"value.match_hosttags.networking"_s }));
    // Empty means all hosts, and is sent as an empty dict.
    QCOMPARE(GlobalSettingsApi::hostSelectionBody(HostSelection()),
             QJsonObject({ { u"value"_s, QJsonObject() } }));
}

void TestSiteRoundTrip::masterSwitchBody()
{
    QCOMPARE(GlobalSettingsApi::masterSwitchBody(true), QJsonObject({ { u"value"_s, true } }));
    QCOMPARE(GlobalSettingsApi::masterSwitchBody(false), QJsonObject({ { u"value"_s, false } }));
}

QTEST_GUILESS_MAIN(TestSiteRoundTrip)
#include "tst_siteroundtrip.moc"
