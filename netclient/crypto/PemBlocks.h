#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QList>

// Splits a PEM text into its -----BEGIN label----- ... -----END label----- blocks in one pass.
// Linear in the input whatever it holds: a key file is user input and a site's reply is not
// ours, and the regular expression this replaces took minutes on 1 MiB of unmatched BEGIN
// lines. A block ends at the first END line after its BEGIN; a BEGIN inside an open block
// starts over (the earlier one had no END), an END with another label drops the open block.
class PemBlocks final
{
public:
    struct Block
    {
        QByteArray label; // "CERTIFICATE", "ENCRYPTED PRIVATE KEY"
        QByteArray text; // from -----BEGIN to the end of -----END ...-----, without newline
    };

    static QList<Block> split(QByteArrayView pem);
    // Whether a label is what PEM allows here: upper-case letters, digits and single spaces.
    static bool isLabel(QByteArrayView label);
};
