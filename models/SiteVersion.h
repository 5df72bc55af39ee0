#pragma once

#include <QString>

// What GET /version says about a site.
struct SiteVersion
{
    QString site;
    QString checkmkVersion; // e.g. "2.4.0p17"
    QString edition; // e.g. "cee"
    QString restRevision;
    bool demo = false;

    // "Enterprise", "Cloud", ... for the edition code; the code itself when unknown.
    QString editionName() const;
};
