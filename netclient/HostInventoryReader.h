#pragma once

#include <QByteArray>

#include <memory>

#include "ApiError.h"
#include "Inventory.h"

// Reads GET /domain-types/host_config/collections/all?effective_attributes=true straight into
// the compact Inventory, with simdjson's on-demand parser: no DOM and no per-host objects on
// the way (the reply of 100,000 hosts is 80 MB). Call it in a worker thread. Fields the console
// does not use (meta_data, links, ...) are skipped; a reply without the promised shape is an
// ApiError (Kind::MalformedReply) naming what is missing.
class HostInventoryReader final
{
public:
    static std::shared_ptr<const Inventory> read(const QByteArray &body, ApiError *error);
};
