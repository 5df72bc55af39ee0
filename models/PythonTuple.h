#pragma once

#include <QMetaType>
#include <QVariantList>

// A Python tuple read from a literal, kept apart from lists so that a round trip writes
// "(1, 2)" again (Checkmk stores CascadingDropdown choices as tuples).
struct PythonTuple
{
    QVariantList items;

    friend bool operator==(const PythonTuple &a, const PythonTuple &b)
    {
        return a.items == b.items;
    }
    friend bool operator!=(const PythonTuple &a, const PythonTuple &b) { return !(a == b); }
};

Q_DECLARE_METATYPE(PythonTuple)
