#!/usr/bin/python3
"""Extracts the part of Checkmk's published OpenAPI document that AgentDesk uses.

The full document (2.5 MB) lives outside the project (../shared/checkmk-openapi-2.4.0p17.yaml).
This script keeps the operations listed in NEEDED, every schema they reference, and the
request each operation's own Python code sample sends (as "x-sample"), in openapi-subset.json,
which is committed: the contract tests read only that file.

    /usr/bin/python3 tests/contract/extract_subset.py ../shared/checkmk-openapi-2.4.0p17.yaml \
        tests/contract/openapi-subset.json
"""
import ast
import json
import sys

import yaml

# path -> methods: what the console sends, what the demo site serves, and the real-site
# sources the console uses on a stock site.
NEEDED = {
    "/version": ["get"],
    "/domain-types/host_config/collections/all": ["get", "post"],
    "/objects/host_config/{host_name}": ["get", "put"],
    "/domain-types/host_tag_group/collections/all": ["get"],
    "/domain-types/host_group_config/collections/all": ["get"],
    "/domain-types/activation_run/collections/pending_changes": ["get"],
    "/domain-types/activation_run/collections/running": ["get"],
    "/domain-types/activation_run/actions/activate-changes/invoke": ["post"],
    "/objects/activation_run/{activation_id}": ["get"],
    "/objects/activation_run/{activation_id}/actions/wait-for-completion/invoke": ["get"],
    "/domain-types/rule/collections/all": ["get", "post"],
    "/objects/rule/{rule_id}": ["get", "put", "delete"],
    "/objects/rule/{rule_id}/actions/move/invoke": ["post"],
    "/domain-types/agent/actions/bake/invoke": ["post"],
    "/domain-types/agent/actions/sign/invoke": ["post"],
    "/domain-types/agent/actions/bake_and_sign/invoke": ["post"],
    "/domain-types/agent/actions/baking_status/invoke": ["get"],
    "/domain-types/agent/actions/automatic-deployment/invoke": ["get"],
    "/domain-types/agent/collections/all": ["get"],
    "/objects/agent/{agent_hash}": ["get"],
    "/domain-types/agent/actions/download_by_hash/invoke": ["get"],
    "/domain-types/agent/actions/download_by_host/invoke": ["get"],
    "/domain-types/service/collections/all": ["post"],
    "/objects/host/{host_name}/collections/services": ["post"],
    "/domain-types/site_connection/collections/all": ["get"],
}


def refs(node, found):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == "$ref" and isinstance(value, str):
                found.add(value.rsplit("/", 1)[1])
            else:
                refs(value, found)
    elif isinstance(node, list):
        for value in node:
            refs(value, found)


def sample_of(operation):
    """The request the 'requests' code sample sends: path, params, json body, headers."""
    for sample in operation.get("x-codeSamples", []):
        if sample.get("label") != "requests":
            continue
        tree = ast.parse(sample["source"])
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and isinstance(node.func.value, ast.Name) and node.func.value.id == "session"):
                continue
            url = node.args[0]
            path = "".join(part.value for part in url.values
                           if isinstance(part, ast.Constant)) if isinstance(url, ast.JoinedStr) else ""
            out = {"method": node.func.attr.upper(), "path": path}
            for keyword in node.keywords:
                if keyword.arg in ("params", "json", "headers"):
                    out[keyword.arg] = ast.literal_eval(keyword.value)
            return out
    return None


def main(source, target):
    with open(source, encoding="utf-8") as f:
        document = yaml.safe_load(f)
    paths = {}
    for path, methods in NEEDED.items():
        if path not in document["paths"]:
            raise SystemExit(f"{path} is not in {source}")
        item = document["paths"][path]
        kept = {}
        for method in methods:
            operation = dict(item[method])
            sample = sample_of(operation)
            for noise in ("x-codeSamples", "description"):
                operation.pop(noise, None)
            for response in operation.get("responses", {}).values():
                response.pop("headers", None)
            if sample:
                operation["x-sample"] = sample
            kept[method] = operation
        paths[path] = kept
    wanted = set()
    refs(paths, wanted)
    schemas = document["components"]["schemas"]
    done = set()
    while wanted - done:
        name = sorted(wanted - done)[0]
        done.add(name)
        refs(schemas[name], wanted)
    subset = {
        "openapi": document["openapi"],
        "info": {"title": document["info"]["title"], "version": document["info"]["version"],
                 "x-source": "checkmk-openapi-2.4.0p17.yaml, extracted by extract_subset.py"},
        "paths": paths,
        "components": {"schemas": {name: schemas[name] for name in sorted(done)}},
    }
    with open(target, "w", encoding="utf-8") as f:
        json.dump(subset, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
