#pragma once

#include <QByteArray>
#include <QJsonDocument>

#include "ApiError.h"

// Reads an RFC 7807 problem document (application/problem+json) as the site sends it with an
// error status: title, detail and the per-field messages (nested fields flattened to
// "outer.inner"). Every text is the site's: escaped and capped (DisplayText) before it can reach
// a label, a terminal or a log. Pure, so that it can be fuzzed and tested without a network.
class ProblemDocument final
{
public:
    static constexpr qsizetype maxTitleLength = 300;
    static constexpr qsizetype maxDetailLength = 2000;

    // Fills title, detail and fields of *error from what the body has; leaves the rest as it
    // is. False (and *error untouched) when the body is not a JSON object.
    static bool read(const QByteArray &body, ApiError *error, QJsonDocument *parsed = nullptr);
};
