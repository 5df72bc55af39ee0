#include "HostDetailPane.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

#include "ErrorDiagnosis.h"
#include "UpdateStatusModel.h"

using namespace Qt::StringLiterals;

HostDetailPane::HostDetailPane(QWidget *parent)
    : QWidget(parent)
    , m_browser(new QTextBrowser(this))
    , m_findTarget(new QPushButton(tr("&Find target agent"), this))
    , m_lookup(new QLabel(this))
{
    setObjectName(u"hostDetailPane"_s);
    m_browser->setOpenLinks(false);
    m_browser->setAccessibleName(tr("Host details"));
    // What's This lists every troubleshooting case the diagnosis knows, with its remedy: the
    // manual's troubleshooting section at hand.
    QString cases;
    for (const ErrorDiagnosis::Rule &rule : ErrorDiagnosis::rules())
        cases += u"<li><b>%1</b>: %2</li>"_s.arg(
            QCoreApplication::translate("ErrorDiagnosis", rule.title).toHtmlEscaped(),
            QCoreApplication::translate("ErrorDiagnosis", rule.action).toHtmlEscaped());
    m_browser->setWhatsThis(u"<p>%1</p><ul>%2</ul>"_s.arg(
        tr("The selected host: its update state, what its updater last reported, and the "
           "diagnosis: what the error means and what to do, in the rule editor's field "
           "names. The cases the diagnosis recognises:")
            .toHtmlEscaped(),
        cases));
    m_findTarget->setObjectName(u"findTargetAgent"_s);
    m_findTarget->setToolTip(
        tr("The site names no target agent for this host. Compare the package the site baked "
           "for it with the packages of the site's agents to find which agent it is."));
    m_findTarget->setWhatsThis(m_findTarget->toolTip());
    m_findTarget->hide();
    m_lookup->setObjectName(u"targetLookup"_s);
    m_lookup->setWordWrap(true);
    m_lookup->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_lookup->hide();
    connect(m_findTarget, &QPushButton::clicked, this, [this] {
        if (!m_host.isEmpty())
            Q_EMIT findTargetRequested(m_host);
    });
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_browser, 1);
    layout->addWidget(m_lookup);
    layout->addWidget(m_findTarget, 0, Qt::AlignLeft);
    showNothing();
}

void HostDetailPane::setTargetLookup(const QString &hostName, const QString &text, bool running)
{
    m_lookupHost = hostName;
    if (hostName != m_host)
        return; // shown again when that host is
    m_lookup->setText(text);
    m_lookup->setVisible(!text.isEmpty());
    m_findTarget->setEnabled(!running);
}

QString HostDetailPane::text() const
{
    return m_browser->toPlainText();
}

void HostDetailPane::showNothing()
{
    m_host.clear();
    m_findTarget->hide();
    m_lookup->hide();
    m_browser->setHtml(u"<p style='color:#666'>%1</p>"_s.arg(
        tr("Select a host to see its details and the diagnosis of its update status.")
            .toHtmlEscaped()));
}

namespace {

QString esc(const QString &s)
{
    return s.toHtmlEscaped();
}

// Advice for the categories that carry no error text of their own.
ErrorDiagnosis::Diagnosis adviceFor(UpdateCategory::Category c)
{
    using namespace UpdateCategory;
    switch (c) {
    case GloballyDisabled:
        return ErrorDiagnosis::classify(u"deployment is currently globally disabled"_s);
    case LeftOut:
        return ErrorDiagnosis::classify(u"agent updates are disabled for host"_s);
    case NotRegistered:
        return ErrorDiagnosis::classify(u"Host is not registered"_s);
    case NeverContacted:
        return { u"never-contacted"_s, QObject::tr("The updater never called"),
                 QObject::tr(
                     "The host is registered, but its updater has not contacted the site since."),
                 QObject::tr("Check that the agent with the updater plug-in is installed and that "
                             "the plug-in runs (cmk-update-agent -v on the host).") };
    case Stale:
        return { u"stale"_s, QObject::tr("No recent update check"),
                 QObject::tr("The updater has not checked for more than twice its interval: the "
                             "host may be down, or the agent no longer runs the plug-in."),
                 QObject::tr("Check the host and its agent; run cmk-update-agent -v there.") };
    case UpdatePending:
        return { u"pending"_s, QObject::tr("Update under way"),
                 QObject::tr("The target agent was downloaded and will be installed at the next "
                             "run of the updater."),
                 QObject::tr("Nothing to do; wait for the next check.") };
    case Outdated:
        return { u"outdated"_s, QObject::tr("Update not fetched yet"),
                 QObject::tr("The site offers a newer agent that the host has not downloaded yet."),
                 QObject::tr(
                     "Nothing to do unless it stays so for long; the next check fetches it.") };
    default:
        return { u"ok"_s, QObject::tr("Up to date"),
                 QObject::tr("The host runs the agent the site wants it to run."), QString() };
    }
}

} // namespace

void HostDetailPane::showHost(const HostUpdateStatus &s, UpdateCategory::Category category,
                              qint64 now)
{
    const auto hashCell = [&](quint64 h) {
        if (h == 0)
            return u"<td>—</td>"_s;
        const bool match = h == s.targetHash;
        return u"<td style='font-family:monospace;color:%1'>%2 %3</td>"_s.arg(
            match ? u"#1e7e34"_s : u"#b35c00"_s, esc(HostUpdateStatus::hashText(h)),
            match ? u"✓"_s : u"≠"_s);
    };
    const auto when = [&](qint64 t) {
        if (t < 0)
            return tr("never");
        return tr("%1 (%2)").arg(
            UpdateStatusModel::ageText(now - t),
            QLocale().toString(QDateTime::fromSecsSinceEpoch(t), QLocale::ShortFormat));
    };
    if (s.hostName != m_host) {
        m_host = s.hostName;
        // A lookup's text stays with its host.
        if (m_lookupHost != m_host) {
            m_lookup->clear();
            m_lookup->hide();
            m_findTarget->setEnabled(true);
        }
    }
    m_findTarget->setVisible(s.targetHash == 0);
    QString html;
    html += u"<h3>%1</h3>"_s.arg(esc(s.hostName));
    html
        += u"<p><span style='background:%1;color:white;padding:2px 6px'>&nbsp;%2&nbsp;</span> %3</p>"_s
               .arg(UpdateCategory::color(category).name(), esc(UpdateCategory::name(category)),
                    esc(UpdateCategory::description(category)));

    QString age;
    if (s.lastCheck < 0) {
        age = tr("No update check yet.");
    } else {
        const qint64 since = now - s.lastCheck;
        const QString verdict = since > 2 * qint64(s.interval)
            ? tr("stale: older than twice the interval")
            : since > s.interval ? tr("a check is due")
                                 : tr("fresh");
        age = tr("Last check %1, interval %2: %3.")
                  .arg(UpdateStatusModel::ageText(since), tr("%n min", nullptr, s.interval / 60),
                       verdict);
    }
    html += u"<p>%1</p>"_s.arg(esc(age));

    const ErrorDiagnosis::Diagnosis d
        = s.lastError.isEmpty() ? adviceFor(category) : ErrorDiagnosis::classify(s.lastError);
    if (d.id != u"ok"_s) {
        html += u"<div style='border:1px solid #d0453c;padding:6px;margin:6px 0'>"_s;
        html += u"<p><b>%1: %2</b></p><p>%3</p>"_s.arg(esc(tr("Diagnosis")), esc(d.title),
                                                       esc(d.explanation));
        if (!d.action.isEmpty())
            html += u"<p><b>%1</b> %2</p>"_s.arg(esc(tr("What to do:")), esc(d.action));
        html += u"</div>"_s;
    }

    html += u"<table cellspacing=6><tr><th></th><th align=left>%1</th></tr>"_s.arg(
        esc(tr("Agent hash")));
    html += u"<tr><td><b>%1</b></td><td style='font-family:monospace'>%2</td></tr>"_s.arg(
        esc(tr("Target")), s.targetHash ? esc(HostUpdateStatus::hashText(s.targetHash)) : u"—"_s);
    html += u"<tr><td><b>%1</b></td>%2</tr>"_s.arg(esc(tr("Downloaded")),
                                                   hashCell(s.downloadedHash));
    html += u"<tr><td><b>%1</b></td>%2</tr>"_s.arg(esc(tr("Installed")), hashCell(s.installedHash));
    if (s.pendingHash)
        html += u"<tr><td><b>%1</b></td>%2</tr>"_s.arg(esc(tr("Pending")), hashCell(s.pendingHash));
    html += u"</table>"_s;

    const auto row = [](const QString &k, const QString &v) {
        return u"<tr><td><b>%1</b></td><td>%2</td></tr>"_s.arg(esc(k), esc(v));
    };
    html += u"<table cellspacing=4>"_s;
    html += row(tr("Site"), s.site);
    html += row(tr("Folder"), s.folder);
    html += row(tr("Registered"), s.registered ? tr("yes") : tr("no"));
    html += row(tr("In host selection"), s.selected ? tr("yes") : tr("no"));
    html += row(tr("Last check"), when(s.lastCheck));
    html += row(tr("Last update"), when(s.lastUpdate));
    html += row(tr("Update check"),
                HostUpdateStatus::stateText(s.checkState) + u" — "_s + s.checkOutput);
    if (!s.lastError.isEmpty())
        html += row(tr("Last error"), s.lastError);
    html += u"</table>"_s;
    m_browser->setHtml(html);
}
