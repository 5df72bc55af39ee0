// Texts from a hostile site or certificate, shown in the widgets that display them: escaped,
// capped, laid out (screenshots in build/default/screenshots).
#include <QLabel>
#include <QSslCertificate>
#include <QTest>
#include <QTextBrowser>
#include <QTreeWidget>

#include "CertificateDetailsReader.h"
#include "CertificateTrustDialog.h"
#include "ErrorBanner.h"
#include "RegistrationResultPage.h"
#include "SelfSignedCertificate.h"
#include "TestEnvironment.h"

using namespace Qt::StringLiterals;

namespace {

QString hostileLine(qsizetype size)
{
    QString text = u"\x1b]0;owned\x07\x1b[2J\u202Eevil\u009b31m\r"_s;
    while (text.size() < size)
        text += u"A\x1b[1m"_s;
    return text;
}

void verifyShown(const QString &text)
{
    for (const QChar c : text) {
        QVERIFY2(c.unicode() >= 0x20 || c == u'\n', qPrintable(QString::number(c.unicode())));
        QVERIFY(c.unicode() != 0x7f && !(c.unicode() >= 0x80 && c.unicode() <= 0x9f));
        QVERIFY(c.unicode() != 0x202e);
    }
}

} // namespace

class TestHostileText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { TestEnvironment::isolate(); }
    void errorBanner();
    void certificateTrustDialog();
    void registrationResult();
};

void TestHostileText::errorBanner()
{
    // An ApiError as a path around RestReply could make it: raw, a megabyte long.
    ApiError error;
    error.kind = ApiError::Kind::Http;
    error.status = 400;
    error.title = hostileLine(200);
    error.detail = hostileLine(1024 * 1024);
    error.fields.insert(hostileLine(50), { hostileLine(100000) });
    error.url = u"https://site.example/x"_s + hostileLine(1000);
    QWidget window;
    window.resize(1024, 300);
    auto *banner = new ErrorBanner(&window);
    banner->setGeometry(0, 0, 1024, 300);
    banner->showError(error, tr("Loading the hosts failed."));
    window.show();
    const auto labels = banner->findChildren<QLabel *>();
    QVERIFY(!labels.isEmpty());
    for (QLabel *label : labels) {
        verifyShown(label->text());
        QVERIFY2(label->text().size() < 6000, qPrintable(QString::number(label->text().size())));
    }
    QVERIFY(labels.first()->text().contains(u"\\x1B[2J"_s)
            || labels.last()->text().contains(u"\\x1B[2J"_s));
    QVERIFY(!TestEnvironment::saveScreenshot(&window, u"hostile-error-banner"_s).isEmpty());
    // Every line fits: the hostile run is broken, not clipped.
    for (QLabel *label : labels) {
        if (label->isVisible())
            QVERIFY2(label->sizeHint().width() <= 1024 || label->wordWrap(),
                     qPrintable(label->text().left(100)));
    }
    QVERIFY(labels.first()->heightForWidth(900) < 300);
}

void TestHostileText::certificateTrustDialog()
{
    SelfSignedCertificate::Options o;
    o.commonName = hostileLine(20000).toUtf8();
    o.organization = "\xe2\x80\xae"
                     "Evil Corp\x1b[0m"; // U+202E first
    const SelfSignedCertificate hostile = SelfSignedCertificate::generate(o);
    QVERIFY(!hostile.certificatePem.isEmpty());
    ApiError error;
    error.kind = ApiError::Kind::Tls;
    error.title = u"The site's certificate is not trusted"_s;
    error.detail = u"The host name did not match any of the valid hosts for this certificate"_s;
    error.certificateChain = CertificateDetailsReader::readChain(
        { QSslCertificate(hostile.certificatePem, QSsl::Pem) });
    QVERIFY(error.certificateChain.first().subject.size() <= 1000);
    verifyShown(error.certificateChain.first().subject);

    CertificateTrustDialog dialog(u"hostile"_s, error);
    dialog.resize(1024, 700);
    dialog.show();
    const auto labels = dialog.findChildren<QLabel *>();
    for (QLabel *label : labels)
        verifyShown(label->text());
    const auto trees = dialog.findChildren<QTreeWidget *>();
    QVERIFY(!trees.isEmpty());
    for (int i = 0; i < trees.first()->topLevelItemCount(); ++i)
        verifyShown(trees.first()->topLevelItem(i)->text(0));
    const auto browsers = dialog.findChildren<QTextBrowser *>();
    QVERIFY(!browsers.isEmpty());
    verifyShown(browsers.first()->toPlainText());
    QVERIFY(browsers.first()->toPlainText().contains(u"\\x1B"_s));
    QVERIFY(!TestEnvironment::saveScreenshot(&dialog, u"hostile-certificate-trust"_s).isEmpty());
}

void TestHostileText::registrationResult()
{
    RegistrationReport report;
    report.hostName = u"web01"_s;
    report.maskedHostSecret = RegistrationReport::mask(QString(64, u'k'));
    report.hostSecretLength = 64;
    report.updateUrl = u"https://site.example/"_s + hostileLine(5000);
    report.droppedCertificates = { u"CN=\x1b[31mEvil: neither the server's certificate nor a CA "
                                   "certificate; not kept"_s,
                                   hostileLine(4000) };
    report.stateFilePath = u"/tmp/cmk-update-agent.state"_s;
    RegistrationResultPage page;
    page.setReport(report);
    page.resize(1024, 600);
    page.show();
    const QString shown = page.detailsLabel()->text();
    verifyShown(shown);
    QVERIFY(shown.contains(u"the site sent were not kept"_s));
    QVERIFY(shown.size() < 4000);
    QVERIFY2(page.minimumSizeHint().width() <= 1024,
             qPrintable(QString::number(page.minimumSizeHint().width())));
    QVERIFY(!TestEnvironment::saveScreenshot(&page, u"hostile-registration-result"_s).isEmpty());
}

QTEST_MAIN(TestHostileText)
#include "tst_hostiletext.moc"
