// The untrusted-certificate dialog as the README describes it: the chain with each
// certificate's subject, issuer, validity, CA flag and SHA-256, which one is the root; trust
// only after the explicit tick; "Connect without verification" a separate choice that asks
// first; and the status bar's red mark while a connection runs without verification.
#include <QApplication>
#include <QCheckBox>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTest>
#include <QTextBrowser>
#include <QTimer>
#include <QTreeWidget>

#include "CertificateDetailsReader.h"
#include "CertificateTrustDialog.h"
#include "MainWindow.h"
#include "SelfSignedCertificate.h"
#include "SiteVersion.h"
#include "TestEnvironment.h"

using namespace Qt::StringLiterals;

class TestCertificateTrust final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void chainShown();
    void trustNeedsTheTick();
    void insecureAsksFirst_data();
    void insecureAsksFirst();
    void refuseIsTheDefault();
    void insecureMarkedInStatusBar();

private:
    // Answers the next message box with `button` once it is shown; records its text.
    void answerNextMessageBox(QMessageBox::StandardButton button);

    ApiError m_error; // leaf issued by a CA, as a site would send it
    SelfSignedCertificate m_ca;
    SelfSignedCertificate m_leaf;
    QString m_messageBoxText;
};

void TestCertificateTrust::initTestCase()
{
    TestEnvironment::isolate();
    SelfSignedCertificate::Options ca;
    ca.commonName = "Test Root CA";
    ca.organization = "Test CA Org";
    ca.ca = true;
    ca.dnsNames = {};
    ca.ipAddresses = {};
    m_ca = SelfSignedCertificate::generate(ca);
    QVERIFY(!m_ca.certificatePem.isEmpty());
    SelfSignedCertificate::Options leaf;
    leaf.commonName = "cmk.example.com";
    leaf.organization = "Leaf Org";
    leaf.issuer = &m_ca;
    m_leaf = SelfSignedCertificate::generate(leaf);
    QVERIFY(!m_leaf.certificatePem.isEmpty());
    m_error.kind = ApiError::Kind::Tls;
    m_error.title = u"The site's certificate is not trusted"_s;
    m_error.tlsErrors = { u"The issuer certificate of a locally looked up certificate could not "
                          "be found"_s };
    m_error.certificateChain
        = CertificateDetailsReader::readChain({ QSslCertificate(m_leaf.certificatePem, QSsl::Pem),
                                                QSslCertificate(m_ca.certificatePem, QSsl::Pem) });
    QCOMPARE(m_error.certificateChain.size(), 2);
}

void TestCertificateTrust::chainShown()
{
    CertificateTrustDialog dialog(u"prod (cmk.example.com)"_s, m_error);
    dialog.resize(1024, 700);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *chain = dialog.findChild<QTreeWidget *>();
    QVERIFY(chain);
    QCOMPARE(chain->topLevelItemCount(), 2);
    // Which one is the server's and which the root.
    QVERIFY2(chain->topLevelItem(0)->text(0).contains(u"cmk.example.com"_s),
             qPrintable(chain->topLevelItem(0)->text(0)));
    QVERIFY(chain->topLevelItem(0)->text(0).endsWith(u"(server)"_s));
    QVERIFY2(chain->topLevelItem(1)->text(0).contains(u"Test Root CA"_s),
             qPrintable(chain->topLevelItem(1)->text(0)));
    QVERIFY(chain->topLevelItem(1)->text(0).endsWith(u"(root)"_s));
    auto *details = dialog.findChild<QTextBrowser *>();
    QVERIFY(details);
    for (int i = 0; i < 2; ++i) {
        chain->setCurrentItem(chain->topLevelItem(i));
        const CertificateDetails &c = m_error.certificateChain.at(i);
        const QString text = details->toPlainText();
        for (const QString &label : { u"Subject"_s, u"Issuer"_s, u"Valid from"_s, u"Valid until"_s,
                                      u"Certificate authority"_s })
            QVERIFY2(text.contains(label), qPrintable(label + u" in "_s + text));
        QVERIFY2(text.contains(c.sha256Display()), qPrintable(text));
        QVERIFY(text.contains(u"Test Root CA"_s)); // the leaf's issuer, the root's subject
        const QRegularExpression caFlag(i == 0 ? u"Certificate authority\\s+no"_s
                                               : u"Certificate authority\\s+yes"_s);
        QVERIFY2(text.contains(caFlag), qPrintable(text));
    }
    QVERIFY(!TestEnvironment::saveScreenshot(&dialog, u"certificate-trust-chain"_s).isEmpty());
}

void TestCertificateTrust::trustNeedsTheTick()
{
    CertificateTrustDialog dialog(u"prod"_s, m_error);
    dialog.show();
    auto *confirm = dialog.findChild<QCheckBox *>(u"confirmTrust"_s);
    auto *trust = dialog.findChild<QPushButton *>(u"trustButton"_s);
    QVERIFY(confirm && trust);
    QVERIFY(!confirm->isChecked());
    QVERIFY(!trust->isEnabled());
    trust->click(); // disabled: nothing happens
    QVERIFY(dialog.isVisible());
    QCOMPARE(dialog.choice(), CertificateTrustDialog::Choice::Refuse);
    confirm->setFocus();
    QTest::keyClick(confirm, Qt::Key_Space); // the keyboard path
    QVERIFY(confirm->isChecked());
    QVERIFY(trust->isEnabled());
    trust->click();
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QCOMPARE(dialog.choice(), CertificateTrustDialog::Choice::TrustCertificate);
    // Exactly the server's certificate is what gets pinned, not the CA above it.
    QCOMPARE(dialog.trustedCertificate().sha256, m_error.certificateChain.first().sha256);
}

void TestCertificateTrust::answerNextMessageBox(QMessageBox::StandardButton button)
{
    m_messageBoxText.clear();
    auto *timer = new QTimer(this);
    timer->setInterval(20);
    connect(timer, &QTimer::timeout, this, [this, timer, button] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (!box)
            return;
        timer->stop();
        timer->deleteLater();
        m_messageBoxText = box->text();
        box->button(button)->click();
    });
    timer->start();
}

void TestCertificateTrust::insecureAsksFirst_data()
{
    QTest::addColumn<int>("answer");
    QTest::addColumn<int>("choice");
    QTest::newRow("cancelled") << int(QMessageBox::Cancel)
                               << int(CertificateTrustDialog::Choice::Refuse);
    QTest::newRow("confirmed") << int(QMessageBox::Yes)
                               << int(CertificateTrustDialog::Choice::Insecure);
}

void TestCertificateTrust::insecureAsksFirst()
{
    QFETCH(int, answer);
    QFETCH(int, choice);
    CertificateTrustDialog dialog(u"prod"_s, m_error);
    dialog.show();
    auto *insecure = dialog.findChild<QPushButton *>(u"insecureButton"_s);
    QVERIFY(insecure);
    answerNextMessageBox(QMessageBox::StandardButton(answer));
    insecure->click(); // the warning runs its own event loop; the timer answers it
    QVERIFY2(m_messageBoxText.contains(u"Without verification"_s), qPrintable(m_messageBoxText));
    QCOMPARE(int(dialog.choice()), choice);
    QCOMPARE(dialog.isVisible(), answer == int(QMessageBox::Cancel)); // cancel: still asking
}

void TestCertificateTrust::refuseIsTheDefault()
{
    CertificateTrustDialog dialog(u"prod"_s, m_error);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::keyClick(&dialog, Qt::Key_Return); // Enter refuses
    QCOMPARE(dialog.result(), int(QDialog::Rejected));
    QCOMPARE(dialog.choice(), CertificateTrustDialog::Choice::Refuse);
}

void TestCertificateTrust::insecureMarkedInStatusBar()
{
    MainWindow window;
    window.resize(1024, 700);
    window.show();
    SiteVersion version;
    version.site = u"prod"_s;
    version.checkmkVersion = u"2.4.0p17"_s;
    window.setConnected(version, MainWindow::TlsState::Insecure, false);
    auto *tls = window.findChild<QLabel *>(u"tlsStatus"_s);
    QVERIFY(tls);
    QVERIFY(tls->isVisible());
    QVERIFY2(tls->text().startsWith(u"Insecure"_s), qPrintable(tls->text()));
    QVERIFY2(tls->styleSheet().contains(u"background: #b3261e"_s), qPrintable(tls->styleSheet()));
    QVERIFY(!TestEnvironment::saveScreenshot(&window, u"certificate-trust-insecure-status"_s)
                 .isEmpty());
    // Verified again: the red mark is gone.
    window.setConnected(version, MainWindow::TlsState::Verified, false);
    QVERIFY(!tls->styleSheet().contains(u"#b3261e"_s));
    QVERIFY(!tls->text().contains(u"Insecure"_s));
}

QTEST_MAIN(TestCertificateTrust)
#include "tst_certificatetrust.moc"
