#!/usr/bin/python3
"""Contract test: sends the requests the console makes, plus the OpenAPI document's own code
samples, to a full, an empty (--empty-setup) and a stock (--stock) demo site, records every
exchange and validates each request and reply against the document (validate.py). Zero
failures, and the fidelity points of issue 10 answered as a real site answers them.

    /usr/bin/python3 tests/contract/contract_test.py PATH/TO/agentdesk-demo-site
"""
import json
import os
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from demosite import DemoSite, validate  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
RULESET = "agent_config:cmk_update_agent"
failures = []


def expect(what, got, wanted):
    ok = got in wanted if isinstance(wanted, (set, tuple, list)) else got == wanted
    if not ok:
        failures.append(f"{what}: got {got!r}, expected {wanted!r}")
    return ok


def console_requests(s, mode):
    """What AgentDesk's clients send (netclient/), in the order a session sends them."""
    st, _, v = s.api("GET", "/version")
    expect("version", st, 200)
    st, _, hosts = s.api("GET", "/domain-types/host_config/collections/all",
                         query={"effective_attributes": "true"})
    expect("host_config collection", st, 200)
    first = hosts["value"][0]["id"] if hosts and hosts["value"] else None
    if first:
        st, h, host = s.api("GET", f"/objects/host_config/{first}")
        expect("host object", st, 200)
        expect("host meta_data", "meta_data" in host["extensions"]["attributes"], True)
        expect("host_groups only as an extension", "host_groups" in host["extensions"],
               mode != "stock")
        # The lenient URL form a real site serves: "//" from a joined base URL.
        st, _, _ = s.request("GET", "//api/1.0//objects/host_config/" + first)
        expect("'//' in the path", st, 200)
    s.api("GET", "/domain-types/host_tag_group/collections/all")
    s.api("GET", "/domain-types/host_group_config/collections/all")
    # A host created through the REST API (a real site serves POST host_config).
    st, _, created = s.api("POST", "/domain-types/host_config/collections/all",
                           {"host_name": "contract-new-host", "folder": "/",
                            "attributes": {"ipaddress": "192.0.2.7", "alias": "made by a test"}})
    expect("create host", st, 200)
    st, _, _ = s.api("POST", "/domain-types/host_config/collections/all",
                     {"host_name": "contract-new-host", "folder": "/"})
    expect("create an existing host", st, 400)

    st, _, rules = s.api("GET", "/domain-types/rule/collections/all",
                         query={"ruleset_name": RULESET})
    expect("rules", st, 200)
    st, _, _ = s.api("GET", "/domain-types/rule/collections/all",
                     query={"ruleset_name": "no_such_ruleset"})
    expect("unknown ruleset", st, 400)
    st, _, _ = s.api("POST", "/domain-types/rule/collections/all",
                     {"ruleset": RULESET, "value_raw": "{'activated': 'enabled'}",
                      "properties": {"disabled": True}, "conditions": {}})
    expect("rule without folder", st, 400)
    st, h, rule = s.api("POST", "/domain-types/rule/collections/all",
                        {"ruleset": RULESET, "folder": "~",
                         "value_raw": "{'activated': 'enabled', 'interval': 3600}",
                         "properties": {"disabled": True, "description": "contract"},
                         "conditions": {}})
    expect("create rule", st, 200)
    if rule:
        rid = rule["id"]
        st, h, _ = s.api("GET", f"/objects/rule/{rid}")
        st, h2, _ = s.api("PUT", f"/objects/rule/{rid}",
                          {"value_raw": "{'activated': 'enabled', 'interval': 7200}",
                           "properties": {"disabled": True, "description": "contract"},
                           "conditions": {}}, headers={"If-Match": h.get("etag", "*")})
        expect("rule PUT", st, 200)
        st, _, _ = s.api("PUT", f"/objects/rule/{rid}", {"value_raw": "{}"})
        expect("rule PUT without If-Match", st, 428)
        st, _, _ = s.api("POST", f"/objects/rule/{rid}/actions/move/invoke",
                         {"position": "top_of_folder", "folder": "~"},
                         headers={"If-Match": "*"})
        st, _, _ = s.api("DELETE", f"/objects/rule/{rid}")
        expect("rule DELETE without If-Match", st, 204)

    for var in ("agent_deployment_enabled", "agent_deployment_host_selection"):
        st, h, v = s.request("GET", f"/api/internal/objects/global_setting/{var}")
        expect(f"global setting {var}", st, 200)
        value = json.loads(v)["value"]
        st, _, _ = s.request("PUT", f"/api/internal/objects/global_setting/{var}",
                             raw_body=json.dumps({"value": value}).encode(),
                             content_type="application/json",
                             headers={"If-Match": h.get("etag", "*")})
        expect(f"global setting {var} PUT", st, 200)

    st, _, v = s.api("GET", "/domain-types/agent/actions/automatic-deployment/invoke")
    expect("automatic deployment status", st, 200)
    # The document makes it an ActionResultObject (validated from the recording); the fields
    # of its value object are assumed (README) and what the console reads: booleans, all
    # false on a site with nothing set up, in every mode (it is public API, not an extension).
    value = (v or {}).get("result", {}).get("value", {})
    for field in ("deployment_enabled", "updater_rule_configured", "signature_key_configured",
                  "agents_baked", "agents_signed"):
        expect(f"automatic deployment status {field} is a boolean",
               isinstance(value.get(field), bool), True)
        if mode == "empty":
            expect(f"automatic deployment status {field} on an empty site", value.get(field),
                   False)
    st, _, _ = s.api("POST", "/domain-types/agent/actions/automatic-deployment/invoke")
    expect("automatic deployment status refuses POST", st, 405)
    st, _, agents = s.api("GET", "/domain-types/agent/collections/all")
    expect("agents", st, 200)
    if agents and agents["value"]:
        agent = agents["value"][0]
        expect("agent extension fields only as an extension",
               "signatures" in agent["extensions"], mode != "stock")
        s.api("GET", f"/objects/agent/{agent['id']}")
        st, h, _ = s.request("GET", "/api/1.0/domain-types/agent/actions/download_by_hash/invoke",
                             query={"agent_hash": agent["id"], "os_type": "linux_deb"},
                             headers={"Accept": "application/octet-stream"})
        expect("download_by_hash", st, (200, 400))
    if first:
        st, _, _ = s.request("GET", "/api/1.0/domain-types/agent/actions/download_by_host/invoke",
                             query={"agent_type": "host_name", "host_name": first,
                                    "os_type": "linux_deb"},
                             headers={"Accept": "application/octet-stream"})
        expect("download_by_host", st, (200, 404) if mode != "empty" else 404)
    st, _, _ = s.api("GET", "/domain-types/agent/actions/baking_status/invoke")
    expect("baking status", st, 200)
    st, _, v = s.api("POST", "/domain-types/agent/actions/bake/invoke")
    expect("bake answers 200 with a result", st, 200)
    for _ in range(200):
        st, _, v = s.api("GET", "/domain-types/agent/actions/baking_status/invoke")
        if v["result"]["value"]["state"] != "running":
            break
        time.sleep(0.1)
    if mode != "empty":
        # automation tools send key_id as a string
        st, _, _ = s.api("POST", "/domain-types/agent/actions/sign/invoke",
                         {"key_id": "1", "passphrase": "demo-passphrase-2026"})
        expect('sign with key_id "1"', st, 204)
        for _ in range(200):
            st, _, v = s.api("GET", "/domain-types/agent/actions/baking_status/invoke")
            if v["result"]["value"]["state"] != "running":
                break
            time.sleep(0.1)
        st, _, v = s.api("POST", "/domain-types/agent/actions/bake_and_sign/invoke",
                         {"key_id": 1, "passphrase": "demo-passphrase-2026"})
        expect("bake_and_sign answers 200 with a result", st, 200)
    st, _, _ = s.api("POST", "/domain-types/agent/actions/sign/invoke",
                     {"key_id": "one", "passphrase": "x"})
    expect("sign with key_id 'one'", st, 400)

    # Extension endpoints: served by a full demo site, absent from a stock one.
    for path in ("/domain-types/agent_signature_key/collections/all",
                 "/domain-types/agent_update_status/collections/all"):
        st, _, _ = s.api("GET", path)
        expect(path, st, 404 if mode == "stock" else 200)

    # The real-site source of update status: the Check_MK Agent service.
    st, _, services = s.api("POST", "/domain-types/service/collections/all",
                            {"columns": ["host_name", "description", "state", "plugin_output",
                                         "long_plugin_output", "last_check"],
                             "query": {"op": "=", "left": "description",
                                       "right": "Check_MK Agent"}})
    expect("services", st, 200)
    if services:
        states = {row["extensions"]["state"] for row in services["value"]}
        expect("Check_MK Agent at most WARN", states <= {0, 1}, True)
    if first:
        st, _, _ = s.api("POST", f"/objects/host/{first}/collections/services",
                         {"columns": ["description", "state", "plugin_output"]})
        expect("services of a host", st, 200)

    # Activation: changes of another user block it unless forced.
    st, h, pending = s.api("GET", "/domain-types/activation_run/collections/pending_changes")
    s.api("POST", "/domain-types/host_config/collections/all",
          {"host_name": "contract-admin-host", "folder": "/"}, user="cmkadmin")
    st, h, pending = s.api("GET", "/domain-types/activation_run/collections/pending_changes")
    st, _, _ = s.api("POST", "/domain-types/activation_run/actions/activate-changes/invoke",
                     {"redirect": False, "sites": [], "force_foreign_changes": False},
                     headers={"If-Match": h["etag"]})
    expect("foreign changes block activation", st, 401)
    st, h3, run = s.api("POST", "/domain-types/activation_run/actions/activate-changes/invoke",
                        {"redirect": True, "sites": [], "force_foreign_changes": True},
                        headers={"If-Match": h["etag"]})
    expect("activation with redirect", st, 303)
    location = h3.get("location", "")
    run_id = location.split("/objects/activation_run/")[1].split("/")[0] if location else "x"
    st, _, obj = s.api("GET", f"/objects/activation_run/{run_id}")
    expect("activation status", st, 200)
    if obj and obj["extensions"]["is_running"]:
        site_state = obj["extensions"]["status_per_site"][0]["state"]
        expect("running activation state is null", site_state, None)
    st, _, running = s.api("GET", "/domain-types/activation_run/collections/running")
    expect("running activations", st, 200)
    for _ in range(100):
        st, h, _ = s.api("GET",
                         f"/objects/activation_run/{run_id}/actions/wait-for-completion/invoke")
        if st == 204:
            break
        expect("wait-for-completion while running", st, 302)
        time.sleep(0.1)
    expect("wait-for-completion at the end", st, 204)
    st, h, _ = s.api("GET", "/domain-types/activation_run/collections/pending_changes")
    st, _, _ = s.api("POST", "/domain-types/activation_run/actions/activate-changes/invoke",
                     {"redirect": False, "sites": [], "force_foreign_changes": False},
                     headers={"If-Match": h["etag"]})
    expect("nothing to activate", st, 422)

    # Errors every client meets.
    st, _, _ = s.api("GET", "/version", user=None)
    expect("no credentials", st, 401)
    st, _, _ = s.api("GET", "/version", headers={"Accept": "text/csv"})
    expect("bad Accept", st, 406)
    st, _, _ = s.api("GET", "/objects/host_config/no-such-host")
    expect("unknown host", st, 404)


def document_samples(s):
    """Each operation's own 'requests' code sample, sent as the document writes it."""
    with open(os.path.join(HERE, "openapi-subset.json"), encoding="utf-8") as f:
        subset = json.load(f)
    sent = 0
    for path, item in subset["paths"].items():
        for method, operation in item.items():
            sample = operation.get("x-sample")
            if not sample:
                continue
            query = {k: (str(v) if isinstance(v, bool) else v)
                     for k, v in sample.get("params", {}).items()}
            headers = {k: v for k, v in sample.get("headers", {}).items()
                       if k.lower() != "content-type"}
            if "download" in path:
                headers["Accept"] = "application/octet-stream"
            s.api(sample["method"], sample["path"], sample.get("json"), headers=headers,
                  query=query)
            sent += 1
    return sent


def main():
    executable = sys.argv[1]
    work = tempfile.mkdtemp(prefix="agentdesk-contract-")
    total = 0
    for mode, arguments in (("full", ["--hosts", "60"]),
                            ("empty", ["--hosts", "60", "--empty-setup"]),
                            ("stock", ["--hosts", "60", "--stock"])):
        recording = os.path.join(work, f"{mode}.jsonl")
        with DemoSite(executable, *arguments, "--activation-ms", "300",
                      record=recording) as s:
            console_requests(s, mode)
            samples = document_samples(s)
        print(f"{mode}: console requests and {samples} document samples sent")
        if validate(recording, 60) != 0:
            failures.append(f"{mode}: recorded exchanges break the document (see above)")
        with open(recording, encoding="utf-8") as f:
            total += sum(1 for _ in f)
    for failure in failures:
        print("FAIL " + failure)
    print(f"{total} exchanges validated, {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
