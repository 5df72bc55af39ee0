// The updater's files and the registration reply, without a network: atomic writes with mode
// 0600 and a .bak, kept keys, an interrupted write, the merged view and its table model.
#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

#include "RegistrationClient.h"
#include "RestResult.h"
#include "UpdaterConfigModel.h"
#include "UpdaterStateFile.h"

using namespace Qt::StringLiterals;

class TestUpdaterStateFile final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void writesModeAndBackupKeepingKeys();
    void interruptedWriteLeavesOldFile();
    void unparsableFileIsNotReplaced();
    void mergePrecedence();
    void modelMasksUntilRevealed();
    void readReply_data();
    void readReply();

private:
    QByteArray contents(const QString &path) const;
    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_path;
};

QByteArray TestUpdaterStateFile::contents(const QString &path) const
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

void TestUpdaterStateFile::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_path = m_dir->filePath(u"cmk-update-agent.state"_s);
}

void TestUpdaterStateFile::writesModeAndBackupKeepingKeys()
{
    QString error;
    QVERIFY2(UpdaterStateFile(m_path).update({ { u"a"_s, 1 }, { u"keep"_s, u"x"_s } }, &error),
             qPrintable(error));
    QVERIFY(!QFile::exists(m_path + u".bak"_s)); // nothing to back up the first time
    const QByteArray first = contents(m_path);
    QVERIFY2(UpdaterStateFile(m_path).update({ { u"a"_s, 2 } }, &error), qPrintable(error));
    QCOMPARE(contents(m_path + u".bak"_s), first);
    const auto read = UpdaterStateFile::read(m_path);
    QVERIFY(read.ok());
    QCOMPARE(read.parsed.values.value(u"a"_s).toInt(), 2);
    QCOMPARE(read.parsed.values.value(u"keep"_s).toString(), u"x"_s);
    for (const QString &p : QStringList { m_path, m_path + u".bak"_s })
        QCOMPARE(QFile::permissions(p) & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
}

void TestUpdaterStateFile::interruptedWriteLeavesOldFile()
{
    QString error;
    QVERIFY(UpdaterStateFile(m_path).update({ { u"host_secret"_s, u"old"_s } }, &error));
    const QByteArray before = contents(m_path);
    UpdaterStateFile file(m_path);
    bool called = false;
    file.setBeforeCommit([&called] {
        called = true;
        return false; // the write is cut off before it replaces the file
    });
    QVERIFY(!file.update({ { u"host_secret"_s, u"new"_s } }, &error));
    QVERIFY(called);
    QVERIFY(error.contains(u"interrupted"_s));
    QCOMPARE(contents(m_path), before);
    // No temporary file left behind.
    QCOMPARE(QDir(m_dir->path()).entryList(QDir::Files | QDir::Hidden).size(), 2); // + .bak
}

void TestUpdaterStateFile::unparsableFileIsNotReplaced()
{
    QFile f(m_path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write("{'a': 1,\n 'b' 2}\n");
    f.close();
    QString error;
    QVERIFY(!UpdaterStateFile(m_path).update({ { u"a"_s, 2 } }, &error));
    QVERIFY2(error.contains(u"line 2, column"_s), qPrintable(error));
    QCOMPARE(contents(m_path), "{'a': 1,\n 'b' 2}\n"_ba);
}

void TestUpdaterStateFile::mergePrecedence()
{
    const auto entries
        = UpdaterConfigView::merge({ { u"server"_s, u"cfg"_s }, { u"interval"_s, 60 } },
                                   { { u"server"_s, u"state"_s }, { u"host_secret"_s, u"s"_s } });
    QCOMPARE(entries.size(), 3);
    QCOMPARE(entries.at(0).key, u"host_secret"_s);
    QCOMPARE(entries.at(0).source, UpdaterConfigEntry::Source::State);
    QVERIFY(entries.at(0).secret);
    QCOMPARE(entries.at(2).key, u"server"_s);
    QCOMPARE(entries.at(2).value.toString(), u"cfg"_s);
    QCOMPARE(entries.at(2).source, UpdaterConfigEntry::Source::Cfg);
    QVERIFY(entries.at(2).overridesState);
    QCOMPARE(entries.at(2).shadowedStateValue.toString(), u"state"_s);
}

void TestUpdaterStateFile::modelMasksUntilRevealed()
{
    UpdaterConfigModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(UpdaterConfigView::merge(
        { { u"proxy"_s, QVariantMap { { u"proxy_password"_s, u"pw"_s } } } },
        { { u"host_secret"_s, QString(64, u'z') }, { u"site"_s, u"mysite"_s } }));
    QCOMPARE(model.rowCount(), 3);
    const QModelIndex secret = model.index(0, UpdaterConfigModel::ValueColumn);
    QVERIFY(!secret.data().toString().contains(u'z'));
    QVERIFY(!model.index(1, UpdaterConfigModel::ValueColumn).data().toString().contains(u"pw"_s));
    QCOMPARE(model.index(2, UpdaterConfigModel::ValueColumn).data().toString(), u"mysite"_s);
    QCOMPARE(model.index(1, UpdaterConfigModel::SourceColumn).data().toString(),
             u"cmk-update-agent.cfg"_s);
    model.setSecretsRevealed(true);
    QCOMPARE(secret.data().toString(), QString(64, u'z'));
    QVERIFY(model.index(1, UpdaterConfigModel::ValueColumn).data().toString().contains(u"'pw'"_s));
}

void TestUpdaterStateFile::readReply_data()
{
    QTest::addColumn<int>("status");
    QTest::addColumn<QByteArray>("contentType");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<int>("failure");
    QTest::addColumn<bool>("monitored");

    const QByteArray secret(64, 'k');
    using F = RegistrationOutcome::Failure;
    QTest::newRow("success") << 200 << "application/json"_ba
                             << "{\"result_code\": 0, \"result\": {\"host_secret\": \"" + secret
            + "\", \"certificates\": []}}"
                             << int(F::None) << true;
    QTest::newRow("not yet monitored") << 200 << "application/json"_ba
                                       << "{\"result_code\": 0, \"result\": {\"host_secret\": \""
            + secret + "\", \"monitored\": false}}"
                                       << int(F::None) << false;
    QTest::newRow("refused") << 200 << "application/json"_ba
                             << "{\"result_code\": 1, \"result\": \"Host x does not exist\"}"_ba
                             << int(F::Refused) << true;
    QTest::newRow("short secret")
        << 200 << "application/json"_ba
        << "{\"result_code\": 0, \"result\": {\"host_secret\": \"abc\"}}"_ba << int(F::Refused)
        << true;
    QTest::newRow("automation login failed, 401")
        << 401 << "text/html"_ba
        << "<html>Invalid automation secret for user automation</html>"_ba << int(F::Authentication)
        << true;
    QTest::newRow("automation login failed, 200")
        << 200 << "text/html"_ba
        << "<html>Invalid automation secret for user automation</html>"_ba << int(F::Authentication)
        << true;
    QTest::newRow("login page") << 200 << "text/html"_ba
                                << "<form><input name=\"_login\" value=\"1\"></form>"_ba
                                << int(F::Authentication) << true;
    QTest::newRow("something else") << 200 << "text/html"_ba
                                    << "<html>Proxy error</html>"_ba << int(F::Network) << true;
}

void TestUpdaterStateFile::readReply()
{
    QFETCH(int, status);
    QFETCH(QByteArray, contentType);
    QFETCH(QByteArray, body);
    QFETCH(int, failure);
    QFETCH(bool, monitored);
    RestResult r;
    r.status = status;
    r.contentType = contentType;
    r.body = body;
    if (status >= 400) {
        r.error.kind = ApiError::Kind::Http;
        r.error.status = status;
    }
    const RegistrationOutcome o = RegistrationClient::readReply(r, u"h"_s);
    QCOMPARE(int(o.failure), failure);
    if (o.ok()) {
        QCOMPARE(o.hostSecret.size(), 64);
        QCOMPARE(o.monitored, monitored);
    } else {
        QVERIFY(o.error.isError());
        QVERIFY(o.hostSecret.isEmpty());
    }
}

QTEST_GUILESS_MAIN(TestUpdaterStateFile)
#include "tst_updaterstatefile.moc"
