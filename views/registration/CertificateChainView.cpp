#include "CertificateChainView.h"

#include <QLocale>

#include "DisplayText.h"

using namespace Qt::StringLiterals;

CertificateChainView::CertificateChainView(QWidget *parent)
    : QTextBrowser(parent)
{
    setOpenLinks(false);
    setMinimumHeight(120);
}

QString CertificateChainView::roleOf(const QList<CertificateDetails> &chain, int index)
{
    const CertificateDetails &c = chain.at(index);
    if (c.isSelfSigned)
        return index == 0 ? tr("Server certificate, self-signed (it is its own root)")
                          : tr("Root certificate");
    if (index == 0)
        return tr("Server certificate");
    return c.isCa ? tr("Intermediate certificate") : tr("Certificate");
}

void CertificateChainView::setChain(const QList<CertificateDetails> &chain)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QLocale locale;
    QString html;
    for (int i = 0; i < chain.size(); ++i) {
        const CertificateDetails &c = chain.at(i);
        const bool valid = c.isValidAt(now);
        html += u"<p><b>%1</b><br>"_s.arg(roleOf(chain, i).toHtmlEscaped());
        html
            += tr("Subject: %1").arg(DisplayText::sanitized(c.subject).toHtmlEscaped()) + u"<br>"_s;
        html += tr("Issuer: %1").arg(DisplayText::sanitized(c.issuer).toHtmlEscaped()) + u"<br>"_s;
        html += tr("Valid from %1 to %2")
                    .arg(locale.toString(c.notBefore.toUTC(), QLocale::ShortFormat),
                         locale.toString(c.notAfter.toUTC(), QLocale::ShortFormat));
        if (!valid)
            html += u" <span style='color:#b00020'><b>%1</b></span>"_s.arg(
                tr("(not valid now)").toHtmlEscaped());
        html += u"<br>"_s + tr("SHA-256: %1").arg(u"<tt>"_s + c.sha256Display() + u"</tt>"_s)
            + u"</p>"_s;
    }
    setHtml(html);
}
