"""Starts an agentdesk-demo-site process for the Python contract tests and talks to it over
HTTPS with the certificate pinned to the fingerprint the site prints."""
import hashlib
import http.client
import json
import os
import re
import ssl
import subprocess
import tempfile
import urllib.parse


class DemoSite:
    def __init__(self, executable, *arguments, record=None):
        self.secret = "contract-secret-0123456789"
        self.password = "contract-password-2026"
        self.dir = tempfile.TemporaryDirectory(prefix="agentdesk-contract-")
        args = [executable, "--port", "0", "--secret", self.secret, "--password", self.password,
                "--state-dir", os.path.join(self.dir.name, "state"), *arguments]
        if record:
            args += ["--record", record]
        env = dict(os.environ)
        env.pop("AGENTDESK_DEMO_RECORD", None)  # this test validates its own recording
        self.process = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                        env=env, text=True)
        for line in self.process.stdout:
            m = re.match(r"READY url=(\S+) sha256=(\S+)", line)
            if m:
                self.url = urllib.parse.urlsplit(m.group(1))
                self.sha256 = m.group(2)
                break
        else:
            raise RuntimeError("demo site did not start: " + self.process.stderr.read())
        self.site = self.url.path.strip("/").split("/")[0]
        self.cookies = {}

    def close(self):
        self.process.terminate()
        self.process.wait(timeout=30)
        self.dir.cleanup()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def connection(self):
        context = ssl.create_default_context()
        # The site's certificate is self-signed: pinned below to the printed fingerprint.
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        c = http.client.HTTPSConnection(self.url.hostname, self.url.port, context=context,
                                        timeout=120)
        c.connect()
        der = c.sock.getpeercert(binary_form=True)
        if hashlib.sha256(der).hexdigest() != self.sha256:
            raise RuntimeError("certificate fingerprint differs from the READY line")
        return c

    def request(self, method, path, body=None, headers=None, query=None, user="automation",
                raw_body=None, content_type=None):
        """path below /{site}/check_mk (e.g. "/api/1.0/version"); returns (status, headers, bytes)."""
        full = f"/{self.site}/check_mk{path}"
        if query:
            full += "?" + urllib.parse.urlencode(query, doseq=True)
        h = {"Accept": "application/json"}
        if user == "automation":
            h["Authorization"] = f"Bearer automation {self.secret}"
        elif user == "cmkadmin":
            h["Authorization"] = f"Bearer cmkadmin {self.password}"
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            h["Content-Type"] = "application/json"
        if raw_body is not None:
            data = raw_body
            h["Content-Type"] = content_type or "application/x-www-form-urlencoded"
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        h.update(headers or {})
        c = self.connection()
        try:
            c.request(method, full, body=data, headers=h)
            r = c.getresponse()
            payload = r.read()
            for name, value in r.getheaders():
                if name.lower() == "set-cookie":
                    k, v = value.split(";", 1)[0].split("=", 1)
                    self.cookies[k] = v
            return r.status, {k.lower(): v for k, v in r.getheaders()}, payload
        finally:
            c.close()

    def api(self, method, path, body=None, **kw):
        status, headers, payload = self.request(method, "/api/1.0" + path, body, **kw)
        value = None
        if payload and headers.get("content-type", "").split(";")[0] in (
                "application/json", "application/problem+json"):
            value = json.loads(payload)
        return status, headers, value

    def form(self, page, fields):
        status, headers, payload = self.request(
            "POST", "/" + page, raw_body=urllib.parse.urlencode(fields).encode(), user=None)
        return status, headers, payload


def validate(recording, minimum):
    here = os.path.dirname(os.path.abspath(__file__))
    return subprocess.run(["/usr/bin/python3", os.path.join(here, "validate.py"),
                           "--min-exchanges", str(minimum), recording]).returncode
