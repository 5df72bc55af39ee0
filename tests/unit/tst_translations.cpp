// Every text of the console has a German translation: the .ts file is complete (no entry
// unfinished or empty), up to date with the sources (lupdate finds nothing new), and each
// translation keeps the placeholders (%1, %n) of its source, so no value goes missing on screen.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace Qt::StringLiterals;

namespace {

struct Message
{
    QString context;
    QString source;
    QStringList translations; // one per plural form, or one
    bool unfinished = false;
    bool plural = false;
};

QList<Message> readTs(const QString &path, QString *error, QString *language = nullptr)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return {};
    }
    QList<Message> messages;
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == u"TS"_s && language) {
                *language = xml.attributes().value(u"language"_s).toString();
            } else if (name == u"name"_s) {
                context = xml.readElementText();
            } else if (name == u"message"_s) {
                current = Message {
                    context, {}, {}, false, xml.attributes().value(u"numerus"_s) == u"yes"_s
                };
            } else if (name == u"source"_s) {
                current.source = xml.readElementText();
            } else if (name == u"translation"_s) {
                const auto type = xml.attributes().value(u"type"_s);
                current.unfinished
                    = type == u"unfinished"_s || type == u"vanished"_s || type == u"obsolete"_s;
                if (!current.plural)
                    current.translations << xml.readElementText();
            } else if (name == u"numerusform"_s) {
                current.translations << xml.readElementText();
            }
        } else if (xml.isEndElement() && xml.name() == u"message"_s) {
            messages << current;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QSet<QString> placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%(\\d+|n)"_s);
    QSet<QString> found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found.insert(it.next().captured(0));
    return found;
}

QString describe(const Message &m)
{
    return m.context + u": "_s + m.source;
}

} // namespace

class TestTranslations final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void complete_data();
    void complete();
    void upToDate_data();
    void upToDate();
};

void TestTranslations::complete_data()
{
    QTest::addColumn<QString>("path");
    const QDir dir(QStringLiteral(AGENTDESK_TS_DIR));
    const QStringList files = dir.entryList({ u"agentdesk_*.ts"_s }, QDir::Files);
    QVERIFY(!files.isEmpty());
    for (const QString &f : files)
        QTest::newRow(qPrintable(f)) << dir.filePath(f);
}

void TestTranslations::complete()
{
    QFETCH(QString, path);
    QString error;
    QString language;
    const QList<Message> messages = readTs(path, &error, &language);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QVERIFY(messages.size() > 100);
    QVERIFY(!language.isEmpty());
    // The sources are English: English needs only the plural forms.
    const bool pluralsOnly = language.startsWith(u"en"_s);
    QStringList problems;
    for (const Message &m : messages) {
        if (pluralsOnly && !m.plural)
            continue;
        if (m.unfinished) {
            problems << u"unfinished: "_s + describe(m);
            continue;
        }
        if (m.translations.isEmpty()
            || std::any_of(m.translations.cbegin(), m.translations.cend(),
                           [](const QString &t) { return t.trimmed().isEmpty(); })) {
            problems << u"empty: "_s + describe(m);
            continue;
        }
        for (const QString &t : m.translations) {
            // A plural form may leave out %n ("ein Host"), never another placeholder.
            QSet<QString> wanted = placeholders(m.source);
            QSet<QString> have = placeholders(t);
            if (m.plural) {
                wanted.remove(u"%n"_s);
                have.remove(u"%n"_s);
            }
            if (wanted != have)
                problems << u"placeholders differ: "_s + describe(m) + u" → "_s + t;
        }
    }
    QVERIFY2(problems.isEmpty(),
             qPrintable(u"%1 of %2 entries need work:\n"_s.arg(problems.size()).arg(messages.size())
                        + problems.join(u'\n')));
}

void TestTranslations::upToDate_data()
{
    complete_data();
}

void TestTranslations::upToDate()
{
    QFETCH(QString, path);
    // lupdate on a copy: a text in the sources that the .ts lacks comes back "unfinished".
    QTemporaryDir tmp;
    QVERIFY(tmp.isValid());
    const QString copy = tmp.filePath(QFileInfo(path).fileName());
    QVERIFY(QFile::copy(path, copy));
    QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner);
    QProcess lupdate;
    lupdate.setWorkingDirectory(QStringLiteral(AGENTDESK_SOURCE_DIR));
    lupdate.start(QStringLiteral(AGENTDESK_LUPDATE),
                  { u"-silent"_s, u"-locations"_s, u"none"_s, u"-no-obsolete"_s, u"models"_s,
                    u"netclient"_s, u"views"_s, u"app"_s, u"-ts"_s, copy });
    QVERIFY(lupdate.waitForFinished(120000));
    QCOMPARE(lupdate.exitCode(), 0);
    QString error;
    const QList<Message> before = readTs(path, &error);
    const QList<Message> after = readTs(copy, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QSet<QString> known;
    for (const Message &m : before)
        known.insert(describe(m));
    QStringList missing;
    for (const Message &m : after) {
        if (!known.contains(describe(m)))
            missing << describe(m);
    }
    QVERIFY2(missing.isEmpty(),
             qPrintable(u"Texts not in the .ts yet (run scripts/update-translations, then "
                        u"translate):\n"_s
                        + missing.join(u'\n')));
    // And none in the .ts that the sources no longer have.
    QCOMPARE(after.size(), before.size());
}

QTEST_GUILESS_MAIN(TestTranslations)
#include "tst_translations.moc"
