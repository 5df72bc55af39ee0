#include "MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenuBar>
#include <QMessageBox>
#include <QScrollBar>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTextBrowser>
#include <QToolBar>
#include <QVBoxLayout>
#include <QWhatsThis>

#include "ErrorBanner.h"
#include "PageHelp.h"

using namespace Qt::StringLiterals;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_navigation(new QListWidget(this))
    , m_pages(new QStackedWidget(this))
    , m_banner(new ErrorBanner(this))
    , m_connections(new QComboBox(this))
    , m_siteLabel(new QLabel(this))
    , m_tlsLabel(new QLabel(this))
    , m_demoLabel(new QLabel(this))
{
    setObjectName(u"mainWindow"_s);
    setWindowTitle(tr("AgentDesk"));
    setWindowIcon(QIcon(u":/icons/agentdesk.svg"_s));
    m_navigation->setObjectName(u"navigation"_s);
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setSpacing(2);
    m_navigation->setFixedWidth(190);
    m_navigation->setAccessibleName(tr("Pages"));
    m_connections->setObjectName(u"connectionChooser"_s);
    m_connections->setMinimumContentsLength(18);
    m_connections->setToolTip(tr("Site connection (Ctrl+Shift+S)"));
    m_connections->setAccessibleName(tr("Site connection"));

    auto *toolbar = addToolBar(tr("Connection"));
    toolbar->setObjectName(u"connectionToolbar"_s);
    toolbar->setMovable(false);
    auto *siteCaption = new QLabel(tr("&Site: "), this);
    siteCaption->setBuddy(m_connections);
    toolbar->addWidget(siteCaption);
    toolbar->addWidget(m_connections);
    QAction *manage = toolbar->addAction(tr("Connections…"));
    manage->setToolTip(tr("Add, edit and test site connections (Ctrl+Shift+C)"));
    connect(manage, &QAction::triggered, this, &MainWindow::manageConnectionsRequested);
    QAction *refresh = toolbar->addAction(tr("Refresh"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setToolTip(tr("Reload the current page from the site (F5)"));
    connect(refresh, &QAction::triggered, this, &MainWindow::refreshRequested);

    auto *central = new QWidget(this);
    auto *right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->addWidget(m_banner);
    right->addWidget(m_pages, 1);
    auto *layout = new QHBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 6);
    layout->addWidget(m_navigation);
    layout->addLayout(right, 1);
    setCentralWidget(central);

    m_siteLabel->setObjectName(u"siteStatus"_s);
    m_tlsLabel->setObjectName(u"tlsStatus"_s);
    m_demoLabel->setObjectName(u"demoStatus"_s);
    m_demoLabel->setText(tr("Demo site"));
    m_demoLabel->setToolTip(
        tr("Connected to the embedded demo site: nothing here touches a real site."));
    m_demoLabel->setStyleSheet(
        u"QLabel { background: #6b3fa0; color: white; padding: 1px 8px; border-radius: 3px; }"_s);
    m_demoLabel->hide();
    statusBar()->addWidget(m_siteLabel, 1);
    statusBar()->addPermanentWidget(m_demoLabel);
    statusBar()->addPermanentWidget(m_tlsLabel);
    setDisconnected(tr("Not connected"));

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        m_pages->setCurrentIndex(row);
        if (row >= 0 && row < m_pageIds.size())
            Q_EMIT pageChanged(m_pageIds.at(row));
    });
    connect(m_connections, &QComboBox::activated, this,
            [this](int index) { Q_EMIT connectionChosen(m_connections->itemText(index)); });
    buildMenus();
    restoreGeometryFromSettings();
}

void MainWindow::buildMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *manage = file->addAction(tr("Site &connections…"));
    manage->setShortcut(QKeySequence(u"Ctrl+Shift+C"_s));
    connect(manage, &QAction::triggered, this, &MainWindow::manageConnectionsRequested);
    QAction *chooseSite = file->addAction(tr("Choose &site"));
    chooseSite->setShortcut(QKeySequence(u"Ctrl+Shift+S"_s));
    connect(chooseSite, &QAction::triggered, this, [this] {
        m_connections->setFocus();
        m_connections->showPopup();
    });
    QAction *migrate = file->addAction(tr("&Move hosts to a new site…"));
    migrate->setObjectName(u"migrationAction"_s);
    migrate->setShortcut(QKeySequence(u"Ctrl+Shift+M"_s));
    connect(migrate, &QAction::triggered, this, &MainWindow::migrationRequested);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"));
    quit->setShortcut(QKeySequence::Quit);
    connect(quit, &QAction::triggered, this, &QWidget::close);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *refresh = view->addAction(tr("&Refresh"));
    connect(refresh, &QAction::triggered, this, &MainWindow::refreshRequested);
    QAction *navigation = view->addAction(tr("Go to &page list"));
    navigation->setShortcut(QKeySequence(u"Ctrl+0"_s));
    connect(navigation, &QAction::triggered, this, [this] { m_navigation->setFocus(); });

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    // The manual relies on inline help throughout; here it is F1 for the page and Shift+F1 for
    // any item on it.
    QAction *pageHelp = help->addAction(tr("&Help on this page"));
    pageHelp->setShortcut(QKeySequence::HelpContents);
    pageHelp->setShortcutContext(Qt::ApplicationShortcut);
    connect(pageHelp, &QAction::triggered, this, &MainWindow::showPageHelp);
    QAction *whatsThis = QWhatsThis::createAction(this);
    whatsThis->setText(tr("What's &This?"));
    help->addAction(whatsThis);
    help->addSeparator();
    QAction *about = help->addAction(tr("&About AgentDesk"));
    connect(about, &QAction::triggered, this, [this] {
        QMessageBox::about(this, tr("About AgentDesk"),
                           tr("<b>AgentDesk %1</b><p>A console for the automatic agent updates "
                              "of Checkmk sites.</p>")
                               .arg(QApplication::applicationVersion().toHtmlEscaped()));
    });
}

void MainWindow::showPageHelp()
{
    // A page made of parts (the registration wizard) names the help of the part in view.
    QString id = currentPage();
    if (const QWidget *shown = page(id)) {
        const QString topic = shown->property("helpTopic").toString();
        if (!topic.isEmpty() && !PageHelp::html(topic).isEmpty())
            id = topic;
    }
    const QString text = PageHelp::html(id);
    if (text.isEmpty())
        return;
    if (!m_help) {
        m_help = new QDialog(this);
        m_help->setObjectName(u"helpDialog"_s);
        auto *browser = new QTextBrowser(m_help);
        browser->setObjectName(u"helpText"_s);
        browser->setOpenExternalLinks(true);
        auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, m_help);
        connect(buttons, &QDialogButtonBox::rejected, m_help, &QDialog::close);
        auto *layout = new QVBoxLayout(m_help);
        layout->addWidget(browser);
        layout->addWidget(buttons);
        m_help->resize(620, 520);
    }
    const QListWidgetItem *item = m_navigation->currentItem();
    m_help->setWindowTitle(PageHelp::title(item ? item->text() : QString()));
    m_help->findChild<QTextBrowser *>()->setHtml(text);
    m_help->show();
    m_help->raise();
    m_help->activateWindow();
}

void MainWindow::addPage(const QString &id, const QString &title, const QIcon &icon, QWidget *page)
{
    const int index = int(m_pageIds.size());
    m_pageIds << id;
    m_pages->addWidget(page);
    auto *item = new QListWidgetItem(icon, title, m_navigation);
    item->setData(Qt::UserRole, id);
    if (index < 9) {
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(title).arg(index + 1));
        auto *shortcut = new QShortcut(QKeySequence(u"Ctrl+%1"_s.arg(index + 1)), this);
        connect(shortcut, &QShortcut::activated, this, [this, id] { showPage(id); });
    }
    if (m_navigation->currentRow() < 0)
        m_navigation->setCurrentRow(0);
    // As wide as the longest page name (German ones are long), never cut.
    const int text = m_navigation->fontMetrics().horizontalAdvance(title);
    const int needed = text + m_navigation->iconSize().width() + 40
        + m_navigation->verticalScrollBar()->sizeHint().width();
    if (needed > m_navigation->width())
        m_navigation->setFixedWidth(needed);
}

void MainWindow::showPage(const QString &id)
{
    const int row = int(m_pageIds.indexOf(id));
    if (row >= 0)
        m_navigation->setCurrentRow(row);
}

QWidget *MainWindow::page(const QString &id) const
{
    const int row = int(m_pageIds.indexOf(id));
    return row < 0 ? nullptr : m_pages->widget(row);
}

QString MainWindow::currentPage() const
{
    return m_pageIds.value(m_navigation->currentRow());
}

void MainWindow::setConnectionNames(const QStringList &names, const QString &current)
{
    const QSignalBlocker blocker(m_connections);
    m_connections->clear();
    m_connections->addItems(names);
    m_connections->setCurrentIndex(int(names.indexOf(current)));
    if (names.isEmpty())
        m_connections->setPlaceholderText(tr("No connection yet"));
}

void MainWindow::setConnecting(const QString &name)
{
    m_siteLabel->setText(tr("Connecting to %1…").arg(name));
    m_tlsLabel->clear();
    m_demoLabel->hide();
}

void MainWindow::setConnected(const SiteVersion &version, TlsState tls, bool demo)
{
    m_siteLabel->setText(tr("Site %1 · Checkmk %2 %3")
                             .arg(version.site, version.checkmkVersion, version.editionName()));
    QString text;
    QString style;
    QString tip;
    switch (tls) {
    case TlsState::Verified:
        text = tr("TLS verified");
        style = u"color: #0b6b3a;"_s;
        tip = tr(
            "The site's certificate was verified against the trusted certificate authorities.");
        break;
    case TlsState::TrustedByUser:
        text = tr("TLS: certificate trusted by you");
        style = u"color: #0b6b3a;"_s;
        tip = tr("The site's certificate is one you chose to trust for this connection.");
        break;
    case TlsState::Insecure:
        text = tr("Insecure: certificate not verified");
        style
            = u"QLabel { background: #b3261e; color: white; padding: 1px 8px; border-radius: 3px; }"_s;
        tip = tr("Verification is switched off for this connection. Anyone on the network path "
                 "could pose as the site.");
        break;
    case TlsState::PlainHttp:
        text = tr("Unencrypted HTTP");
        style
            = u"QLabel { background: #a05a00; color: white; padding: 1px 8px; border-radius: 3px; }"_s;
        tip = tr("The secret and all data travel unencrypted.");
        break;
    case TlsState::Unknown:
        break;
    }
    m_tlsLabel->setText(text);
    m_tlsLabel->setStyleSheet(style);
    m_tlsLabel->setToolTip(tip);
    m_demoLabel->setVisible(demo);
}

void MainWindow::setDisconnected(const QString &reason)
{
    m_siteLabel->setText(reason);
    m_tlsLabel->clear();
    m_tlsLabel->setStyleSheet({});
    m_demoLabel->hide();
}

void MainWindow::restoreGeometryFromSettings()
{
    QSettings settings;
    if (!restoreGeometry(settings.value(u"window/geometry"_s).toByteArray()))
        resize(1280, 800);
    restoreState(settings.value(u"window/state"_s).toByteArray());
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    QSettings settings;
    settings.setValue(u"window/geometry"_s, saveGeometry());
    settings.setValue(u"window/state"_s, saveState());
    QMainWindow::closeEvent(event);
}
