#pragma once

#include <QLocale>
#include <QObject>

class QTranslator;

// Installs the console's own translation (embedded under :/i18n) and Qt's for a locale: the
// system's at start, any other in tests. English loads only the plural forms ("1 host").
class TranslationLoader final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TranslationLoader)

public:
    explicit TranslationLoader(QObject *parent = nullptr);
    ~TranslationLoader() override;

    // Replaces what an earlier call installed. Returns whether the console's own translation
    // for the locale's language was found (always true for English).
    bool install(const QLocale &locale = QLocale());
    // Whether Qt's own texts (standard buttons, dialogs) are translated as well.
    bool hasQtTranslation() const { return m_qtLoaded; }

private:
    void remove();

    QTranslator *m_app;
    QTranslator *m_qt;
    bool m_qtLoaded = false;
};
