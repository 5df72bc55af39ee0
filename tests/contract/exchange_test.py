#!/usr/bin/python3
"""The agent updater's exchange with a demo site, over HTTPS, as cmk-update-agent speaks it:
login.py (wrong and right password), register_agent.py (session cookie and automation
secret), deploy_agent.py (status and agent) for a host in the selection, one left out by it,
another OS type, a stale hash, with the master switch off, and what the updater reports
showing in the update status. Every answer is checked, and the recording is validated
against the document and extensions.json.

    /usr/bin/python3 tests/contract/exchange_test.py PATH/TO/agentdesk-demo-site
"""
import base64
import json
import os
import re
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from demosite import DemoSite, validate  # noqa: E402

failures = []


def expect(what, got, wanted):
    if got != wanted:
        failures.append(f"{what}: got {got!r}, expected {wanted!r}")
    return got == wanted


def reply(payload):
    return json.loads(payload)


def host_in(s, prefix):
    _, _, hosts = s.api("GET", "/domain-types/host_config/collections/all")
    for h in hosts["value"]:
        if h["extensions"]["folder"].startswith(prefix):
            return h["id"]
    raise SystemExit(f"no host in {prefix}")


def deploy(s, host, secret, **fields):
    form = {"mode": "status", "host": host, "host_secret": secret, "au_api": "2",
            "installed_aghash": "", "os": "linux_deb", "last_error": ""}
    form.update(fields)
    st, _, payload = s.form("deploy_agent.py", form)
    expect(f"deploy_agent.py {fields} HTTP status", st, 200)
    return reply(payload)


def activate(s):
    _, h, _ = s.api("GET", "/domain-types/activation_run/collections/pending_changes")
    st, h, _ = s.api("POST", "/domain-types/activation_run/actions/activate-changes/invoke",
                     {"redirect": True, "sites": [], "force_foreign_changes": True},
                     headers={"If-Match": h["etag"]})
    expect("activation started", st, 303)
    run = h["location"].split("/objects/activation_run/")[1].split("/")[0]
    for _ in range(200):
        st, _, _ = s.api("GET", f"/objects/activation_run/{run}/actions/wait-for-completion/invoke")
        if st == 204:
            return
        time.sleep(0.1)
    failures.append("activation did not finish")


def main():
    executable = sys.argv[1]
    work = tempfile.mkdtemp(prefix="agentdesk-exchange-")
    recording = os.path.join(work, "exchange.jsonl")
    with DemoSite(executable, "--hosts", "200", "--activation-ms", "200",
                  record=recording) as s:
        base = f"https://{s.url.hostname}:{s.url.port}/{s.site}/check_mk"
        linux = host_in(s, "/linux/")
        network = host_in(s, "/network")

        # login.py as a browser and the updater use it
        st, h, page = s.request("GET", "/login.py", user=None)
        expect("login page", (st, h["content-type"].split(";")[0]), (200, "text/html"))
        st, h, page = s.form("login.py", {"_login": "1", "_username": "cmkadmin",
                                          "_password": "wrong"})
        expect("wrong password: the login page again", st, 200)
        expect("wrong password marked as a real site marks it",
               b'id="login_error"' in page, True)
        st, h, _ = s.form("login.py", {"_login": "1", "_username": "cmkadmin",
                                       "_password": s.password})
        expect("right password: 302 with the session cookie", st, 302)
        expect("session cookie", any(k.startswith("auth_") for k in s.cookies), True)

        # register_agent.py with the session, then with the automation secret
        st, _, payload = s.form("register_agent.py", {"host": linux, "au_api": "2"})
        r = reply(payload)
        expect("register (session)", r["result_code"], 0)
        secret = r["result"]["host_secret"]
        expect("host secret length", len(secret), 64)
        expect("update_url is the site's check_mk base", r["result"]["update_url"], base)
        expect("certificates handed out", len(r["result"]["certificates"]), 1)
        s.cookies.clear()
        st, _, payload = s.form("register_agent.py", {"host": network, "au_api": "2",
                                                      "_username": "automation",
                                                      "_secret": s.secret})
        r2 = reply(payload)
        expect("register (automation secret)", r2["result_code"], 0)
        network_secret = r2["result"]["host_secret"]
        st, _, _ = s.form("register_agent.py", {"host": linux, "au_api": "2",
                                                "_username": "automation", "_secret": "nope"})
        expect("wrong automation secret", st, 401)
        st, _, payload = s.form("register_agent.py", {"host": "no-such-host", "au_api": "2",
                                                      "_username": "automation",
                                                      "_secret": s.secret})
        r3 = reply(payload)
        expect("unknown host refused", r3["result_code"], 1)
        expect("unknown host named", "does not exist" in r3["result"], True)

        # deploy_agent.py: the host in the selection gets its signed agent
        status = deploy(s, linux, secret)
        expect("status result", status["result_code"], 0)
        target = status["result"]["TargetHash"]
        expect("agent available", status["result"]["AgentAvailable"], True)
        expect("target hash", bool(re.fullmatch(r"[0-9a-f]{16}", target or "")), True)
        expect("signatures", len(status["result"]["Signatures"]) >= 1, True)
        agent = deploy(s, linux, secret, mode="agent", aghash=target)
        expect("agent result", agent["result_code"], 0)
        package = base64.b64decode(agent["result"]["agent"])
        path = os.path.join(work, "agent.deb")
        with open(path, "wb") as f:
            f.write(package)
        info = subprocess.run(["dpkg-deb", "--info", path], capture_output=True, text=True)
        expect("dpkg-deb --info accepts the linux_deb package", info.returncode, 0)
        expect("package name", "Package: check-mk-agent" in info.stdout, True)
        stale = deploy(s, linux, secret, mode="agent", aghash="0000000000000001")
        expect("a hash that is not the target is refused", stale["result_code"], 1)
        other_os = deploy(s, linux, secret, os="windows_msi")
        expect("another OS type: no agent", other_os["result"]["AgentAvailable"], False)
        wrong_secret = deploy(s, linux, "x" * 64)
        expect("wrong host secret", wrong_secret["result_code"], 1)

        # the host the selection leaves out gets nothing
        left_out = deploy(s, network, network_secret)
        expect("host left out by the selection", left_out["result"]["AgentAvailable"], False)

        # what the updater reports feeds the update status and the Check_MK Agent service
        deploy(s, linux, secret, installed_aghash=target,
               last_error="Error: exchange test failure\nsecond line")
        _, _, rows = s.api("GET", "/domain-types/agent_update_status/collections/all")
        row = next(r["extensions"] for r in rows["value"] if r["id"] == linux)
        expect("reported last error", row["last_error"],
               "Error: exchange test failure\nsecond line")
        expect("reported installed hash", row["installed_hash"], target)
        expect("update check at most WARN", row["update_check_state"], 1)
        _, _, services = s.api("POST", f"/objects/host/{linux}/collections/services",
                               {"columns": ["state", "plugin_output", "long_plugin_output"]})
        service = services["value"][0]["extensions"]
        expect("service output as the real check writes it",
               "Update error: Error: exchange test failure(!)" in service["plugin_output"], True)
        expect("service details", f"Agent configuration: {target}" in
               service["long_plugin_output"], True)
        deploy(s, linux, secret, installed_aghash=target, last_error="")
        _, _, rows = s.api("GET", "/domain-types/agent_update_status/collections/all")
        row = next(r["extensions"] for r in rows["value"] if r["id"] == linux)
        expect("error cleared", (row["last_error"], row["update_check_state"]), (None, 0))

        # master switch off (and activated): nobody gets an agent
        _, h, _ = s.request("GET", "/api/internal/objects/global_setting/agent_deployment_enabled")
        st, _, _ = s.request("PUT", "/api/internal/objects/global_setting/agent_deployment_enabled",
                             raw_body=b'{"value": false}', content_type="application/json",
                             headers={"If-Match": h["etag"]})
        expect("switch off", st, 200)
        still = deploy(s, linux, secret)
        expect("switch off but not activated: still available",
               still["result"]["AgentAvailable"], True)
        activate(s)
        off = deploy(s, linux, secret)
        expect("switch off: no agent", off["result"]["AgentAvailable"], False)
        off_agent = deploy(s, linux, secret, mode="agent", aghash=target)
        expect("switch off: no package", "agent" in off_agent.get("result", {}), False)

    if validate(recording, 20) != 0:
        failures.append("recorded exchanges break the document or extensions.json")
    for failure in failures:
        print("FAIL " + failure)
    print(f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
