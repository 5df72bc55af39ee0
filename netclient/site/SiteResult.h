#pragma once

#include <optional>
#include <variant>

#include "ApiError.h"

// What a typed site client hands back: a value read into models/ types, or the error.
template<typename T> struct SiteResult
{
    std::optional<T> value;
    ApiError error;

    bool ok() const { return value.has_value(); }
};

// A write that answers nothing worth keeping.
using SiteAck = SiteResult<std::monostate>;
