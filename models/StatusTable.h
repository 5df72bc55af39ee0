#pragma once

#include <QString>

#include <array>
#include <memory>
#include <vector>

#include "HostUpdateStatus.h"

// Everything the update-status table shows, derived off the UI thread: the rows, each row's
// category and lower-case search key, and for every column the rows in ascending order
// (case-insensitive, host names in natural order: web2 before web10). Sorting then is picking a
// permutation, and filtering walks it without sorting again.
struct StatusTable
{
    static constexpr int Columns = 12; // UpdateStatusModel::ColumnCount
    using Order = std::vector<quint32>;

    std::shared_ptr<const std::vector<HostUpdateStatus>> rows;
    std::vector<quint8> categories;
    std::vector<QString> searchKeys;
    std::array<std::shared_ptr<const Order>, Columns> orders;
    qint64 now = 0;
    bool deploymentEnabled = true;

    size_t size() const { return rows ? rows->size() : 0; }
    // Derives categories, search keys and every column's order (meant for a worker thread).
    static StatusTable derive(std::vector<HostUpdateStatus> rows, qint64 now, bool enabled);
    // Only the categories (the clock moved); keys and orders are kept.
    void recategorize(qint64 now, bool enabled);
    // "web2" < "web10", case-insensitive; equal texts compare equal.
    static int naturalCompare(QStringView a, QStringView b);
};
