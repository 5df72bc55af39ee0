#pragma once

#include <QString>

class QWidget;

// Test-wide setup: isolated settings, deterministic look, screenshots in the build tree.
namespace TestEnvironment {
// Call first in each test's initTestCase(): test-mode paths, Fusion style, fixed font.
void isolate();
// Where screenshots go ($AGENTDESK_SCREENSHOT_DIR or the build tree's screenshots/).
QString screenshotDir();
// Renders the widget (waiting until its size is stable) to <dir>/<name>.png, reads the file
// back and returns its path; empty on failure.
QString saveScreenshot(QWidget *widget, const QString &name);
} // namespace TestEnvironment
