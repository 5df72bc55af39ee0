#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <QTimeZone>

#include "SignatureKey.h"
#include "SignatureKeyModel.h"

using namespace Qt::StringLiterals;
using Expiry = SignatureKey::ExpiryState;

Q_DECLARE_METATYPE(SignatureKey::ExpiryState)

namespace {

const QDateTime now(QDate(2025, 6, 1), QTime(12, 0), QTimeZone::utc());

SignatureKey key(int id, const QString &alias, const QDateTime &notAfter, bool inUse = false)
{
    SignatureKey k;
    k.id = id;
    k.alias = alias;
    k.owner = u"cmkadmin"_s;
    k.created = now.addYears(-1);
    k.notAfter = notAfter;
    k.md5Digest = u"0A:1B:2C:3D:4E:5F:60:71:82:93:A4:B5:C6:D7:E8:F9"_s;
    k.inUse = inUse;
    return k;
}

} // namespace

class TestSignatureKeyModel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void expiryState_data();
    void expiryState();
    void table();
    void nowChangeUpdatesExpiry();
};

void TestSignatureKeyModel::expiryState_data()
{
    QTest::addColumn<QDateTime>("notAfter");
    QTest::addColumn<Expiry>("state");
    QTest::newRow("ten years") << now.addYears(10) << Expiry::Ok;
    QTest::newRow("91 days") << now.addDays(91) << Expiry::Ok;
    QTest::newRow("90 days") << now.addDays(90) << Expiry::Warning;
    QTest::newRow("60 days") << now.addDays(60) << Expiry::Warning;
    QTest::newRow("31 days") << now.addDays(31) << Expiry::Warning;
    QTest::newRow("30 days") << now.addDays(30) << Expiry::Critical;
    QTest::newRow("one second") << now.addSecs(1) << Expiry::Critical;
    QTest::newRow("right now") << now << Expiry::Expired;
    QTest::newRow("last year") << now.addYears(-1) << Expiry::Expired;
    QTest::newRow("unknown") << QDateTime() << Expiry::Ok;
}

void TestSignatureKeyModel::expiryState()
{
    QFETCH(QDateTime, notAfter);
    QFETCH(Expiry, state);
    QCOMPARE(key(1, u"k"_s, notAfter).expiryState(now), state);
}

void TestSignatureKeyModel::table()
{
    SignatureKeyModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNow(now);
    QCOMPARE(model.rowCount(), 0);
    model.setKeys({ key(3, u"fine"_s, now.addYears(5)), key(7, u"soon"_s, now.addDays(20), true),
                    key(9, u"later"_s, now.addDays(60)), key(11, u"gone"_s, now.addDays(-2)) });
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(model.columnCount(), int(SignatureKeyModel::ColumnCount));
    QCOMPARE(model.headerData(SignatureKeyModel::Digest, Qt::Horizontal).toString(),
             u"Digest (MD5)"_s);

    const auto cell = [&model](int row, int column, int role = Qt::DisplayRole) {
        return model.data(model.index(row, column), role);
    };
    QCOMPARE(cell(0, SignatureKeyModel::Description).toString(), u"fine"_s);
    QCOMPARE(cell(0, SignatureKeyModel::Created).toString(), u"2024-06-01"_s);
    QCOMPARE(cell(0, SignatureKeyModel::By).toString(), u"cmkadmin"_s);
    QCOMPARE(cell(0, SignatureKeyModel::KeyId).toInt(), 3);
    QCOMPARE(cell(1, SignatureKeyModel::InUse).toString(), u"Yes"_s);
    QCOMPARE(cell(0, SignatureKeyModel::InUse).toString(), u"No"_s);
    QVERIFY(!cell(1, SignatureKeyModel::InUse, Qt::ToolTipRole).toString().isEmpty());
    QCOMPARE(cell(1, SignatureKeyModel::Expires).toString(), u"2025-06-21 (in 20 days)"_s);
    QCOMPARE(cell(2, SignatureKeyModel::Expires).toString(), u"2025-07-31 (in 60 days)"_s);
    QVERIFY(cell(3, SignatureKeyModel::Expires).toString().endsWith(u"(expired)"_s));

    QCOMPARE(cell(0, 0, SignatureKeyModel::ExpiryStateRole).toInt(), int(Expiry::Ok));
    QCOMPARE(cell(1, 0, SignatureKeyModel::ExpiryStateRole).toInt(), int(Expiry::Critical));
    QCOMPARE(cell(2, 0, SignatureKeyModel::ExpiryStateRole).toInt(), int(Expiry::Warning));
    QCOMPARE(cell(3, 0, SignatureKeyModel::ExpiryStateRole).toInt(), int(Expiry::Expired));
    QVERIFY(!cell(0, SignatureKeyModel::Expires, Qt::ForegroundRole).isValid());
    QVERIFY(cell(1, SignatureKeyModel::Expires, Qt::ForegroundRole).isValid());
    QVERIFY(cell(2, SignatureKeyModel::Expires, Qt::ForegroundRole).value<QBrush>().color()
            != cell(1, SignatureKeyModel::Expires, Qt::ForegroundRole).value<QBrush>().color());
    QCOMPARE(cell(2, SignatureKeyModel::Expires, SignatureKeyModel::SortRole).toDateTime(),
             now.addDays(60));
    QCOMPARE(cell(2, 0, SignatureKeyModel::KeyIdRole).toInt(), 9);

    QCOMPARE(model.rowOfKey(9), 2);
    QCOMPARE(model.rowOfKey(99), -1);
    QCOMPARE(model.keyAt(1)->alias, u"soon"_s);
    QVERIFY(model.keyAt(4) == nullptr);
}

void TestSignatureKeyModel::nowChangeUpdatesExpiry()
{
    SignatureKeyModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNow(now);
    model.setKeys({ key(1, u"a"_s, now.addDays(100)) });
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QCOMPARE(model.index(0, 0).data(SignatureKeyModel::ExpiryStateRole).toInt(), int(Expiry::Ok));
    model.setNow(now.addDays(80));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0, 0).data(SignatureKeyModel::ExpiryStateRole).toInt(),
             int(Expiry::Critical));
}

QTEST_GUILESS_MAIN(TestSignatureKeyModel)
#include "tst_signaturekeymodel.moc"
