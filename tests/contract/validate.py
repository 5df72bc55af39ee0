#!/usr/bin/python3
"""Holds recorded demo-site exchanges to the OpenAPI document.

Reads JSON-lines recordings (agentdesk-demo-site --record FILE, or the files a test suite
leaves in $AGENTDESK_DEMO_RECORD) and checks every exchange:

request  - the path and method are documented (in openapi-subset.json, the extract of
           Checkmk's published document, or in extensions.json for what a real site serves
           outside the document and for our extension endpoints); the query parameters are
           documented and their values fit; required headers (If-Match, Content-Type) were
           sent; the body fits the requestBody schema.
reply    - the status is documented for the operation; the content type is the documented
           one; the body fits the response schema; every error is application/problem+json
           with the reply's status.

A request that breaks the document must be refused (a documented 4xx): a demo site that
accepts it is more lenient than a real site, which is a failure. Replies forced by fault
injection are not held to the document.

    /usr/bin/python3 tests/contract/validate.py [--min-exchanges N] FILE_OR_DIR...

Exit status 0 when nothing failed, 1 otherwise; one line per failure.
"""
import argparse
import copy
import json
import os
import re
import sys
import urllib.parse

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
REST_PREFIX = "/api/1.0"
# Statuses any endpoint may answer although operations do not list them: no or wrong
# credentials, a path that does not exist, a method the path does not have.
GENERIC_ERRORS = {401, 404, 405}


def to_json_schema(node, request=False):
    """OpenAPI 3.0 schema objects to JSON Schema draft 4: nullable, discriminated oneOf.

    request: the site reads requests with marshmallow, whose Integer field takes a numeric
    string as well ("key_id": "1" is accepted, automation tools send it so)."""
    if isinstance(node, list):
        return [to_json_schema(n, request) for n in node]
    if not isinstance(node, dict):
        return node
    out = {k: to_json_schema(v, request) for k, v in node.items()
           if k not in ("nullable", "discriminator", "example", "description")}
    if request and node.get("type") == "integer":
        out = {"anyOf": [out, {"type": "string", "pattern": "^[0-9]+$"}]}
    if "discriminator" in node and "oneOf" in out:
        # The document lists the same variant once per discriminator value; the value picks
        # one of them, so any one that fits is a match.
        unique = []
        for variant in out.pop("oneOf"):
            if variant not in unique:
                unique.append(variant)
        out["anyOf"] = unique
    if node.get("nullable"):
        return {"anyOf": [out, {"type": "null"}]}
    return out


class Spec:
    def __init__(self, path, prefix, overrides=None):
        with open(path, encoding="utf-8") as f:
            self.document = json.load(f)
        # Where the published document contradicts what Checkmk itself sends, extensions.json
        # corrects the schema and says why (x-why); nothing else is changed.
        for name, schema in (overrides or {}).items():
            self.document["components"]["schemas"][name] = {
                k: v for k, v in schema.items() if k != "x-why"}
        self.prefix = prefix
        schemas = self.document.get("components", {}).get("schemas", {})
        self.root = {"components": {"schemas": to_json_schema(schemas)}}
        self.request_root = {"components": {"schemas": to_json_schema(schemas, True)}}
        self.routes = []
        for template, item in self.document["paths"].items():
            names = re.findall(r"{([^}]+)}", template)
            pattern = "^" + re.sub(r"\\{[^}]+\\}", "([^/]+)", re.escape(template)) + "$"
            self.routes.append((len(names), re.compile(pattern), template, names, item))
        self.routes.sort(key=lambda r: r[0])  # literal segments win over placeholders

    def find(self, path):
        for _, pattern, template, names, item in self.routes:
            m = pattern.match(path)
            if m:
                values = {n: urllib.parse.unquote(v) for n, v in zip(names, m.groups())}
                return template, item, values
        return None

    def errors(self, schema, value, request=False):
        schema = to_json_schema(schema, request)
        resolver = jsonschema.RefResolver.from_schema(self.request_root if request else self.root)
        validator = jsonschema.Draft4Validator(schema, resolver=resolver)
        return [f"{'/'.join(str(p) for p in e.absolute_path) or '(root)'}: {e.message}"
                for e in sorted(validator.iter_errors(value), key=lambda e: list(e.path))][:3]


def media(content_type):
    return (content_type or "").split(";")[0].strip().lower()


def convert(value, schema):
    """A query string value as the type its schema names (as the site's marshmallow reads it)."""
    kind = schema.get("type")
    if kind == "boolean":
        lowered = value.lower()
        if lowered in ("true", "1", "yes", "on"):
            return True
        if lowered in ("false", "0", "no", "off"):
            return False
        return value
    if kind == "integer":
        try:
            return int(value)
        except ValueError:
            return value
    return value


class Validator:
    def __init__(self):
        self.extensions = Spec(os.path.join(HERE, "extensions.json"), "")
        self.core = Spec(os.path.join(HERE, "openapi-subset.json"), REST_PREFIX,
                         self.extensions.document.get("x-schema-overrides"))
        self.counts = {"exchanges": 0, "validated": 0, "refused": 0, "faults": 0,
                       "unchecked_bodies": 0}
        self.failures = []

    def locate(self, path):
        """(spec, template, item, path values) for a recorded path, or None."""
        parts = path.split("/", 3)  # "", site, "check_mk", rest
        if len(parts) < 4 or parts[2] != "check_mk":
            return None
        below = "/" + parts[3]
        if below.startswith(REST_PREFIX + "/"):
            found = self.core.find(below[len(REST_PREFIX):])
            if found:
                return (self.core,) + found
        found = self.extensions.find(below)
        if found:
            return (self.extensions,) + found
        return None

    def check_request(self, spec, operation, values, x):
        problems = []
        for parameter in operation.get("parameters", []):
            if parameter["in"] == "path" and parameter["name"] in values:
                for e in spec.errors(parameter.get("schema", {}), values[parameter["name"]]):
                    problems.append(f"path parameter {parameter['name']}: {e}")
        documented = {p["name"]: p for p in operation.get("parameters", []) if p["in"] == "query"}
        query = urllib.parse.parse_qs(x.get("query", ""), keep_blank_values=True)
        for name, given in query.items():
            parameter = documented.get(name)
            if parameter is None:
                problems.append(f"undocumented query parameter {name}")
                continue
            schema = parameter.get("schema", {})
            if schema.get("type") == "array":
                value = [convert(v, schema.get("items", {})) for v in given]
            else:
                value = convert(given[-1], schema)
            for e in spec.errors(schema, value):
                problems.append(f"query parameter {name}: {e}")
        for name, parameter in documented.items():
            if parameter.get("required") and name not in query:
                problems.append(f"missing required query parameter {name}")
        for parameter in operation.get("parameters", []):
            if parameter["in"] != "header" or not parameter.get("required"):
                continue
            if parameter["name"].lower() == "if-match" and not x.get("if_match"):
                problems.append("missing required header If-Match")
        body = x.get("request_body") or ""
        request_body = operation.get("requestBody")
        if request_body is None:
            if body:
                problems.append("a body sent to an operation that takes none")
            return problems
        content = request_body.get("content", {})
        if not body:
            if request_body.get("required"):
                problems.append("missing required request body")
            return problems
        kind = media(x.get("request_content_type"))
        if kind not in content:
            problems.append(f"request content type {kind or '(none)'} is not one of "
                            f"{', '.join(content)}")
            return problems
        if kind == "application/json":
            try:
                value = json.loads(body)
            except ValueError as e:
                return problems + [f"request body is not JSON: {e}"]
            for e in spec.errors(content[kind].get("schema", {}), value, request=True):
                problems.append(f"request body {e}")
        elif kind == "application/x-www-form-urlencoded":
            form = {k: v[-1] for k, v in urllib.parse.parse_qs(body, keep_blank_values=True).items()}
            for e in spec.errors(content[kind].get("schema", {}), form):
                problems.append(f"request form {e}")
        return problems

    def check_reply(self, spec, operation, x, rest=True):
        status = x["status"]
        kind = media(x.get("response_content_type"))
        body = x.get("response_body")
        problems = []
        if status >= 400 and rest:
            if kind != "application/problem+json":
                problems.append(f"error {status} sent as {kind or '(no content type)'}, "
                                "not application/problem+json")
            elif body is not None:
                try:
                    value = json.loads(body)
                except ValueError as e:
                    return [f"problem body is not JSON: {e}"]
                if not isinstance(value, dict) or value.get("status") != status \
                        or not isinstance(value.get("title"), str):
                    problems.append("problem body lacks title or the reply's status")
        responses = operation.get("responses", {}) if operation else {}
        documented = responses.get(str(status))
        if documented is None:
            if status in GENERIC_ERRORS and status >= 400:
                return problems
            return problems + [f"status {status} is not documented for this operation "
                               f"({', '.join(sorted(responses))})"]
        content = documented.get("content", {})
        if not content:
            if x.get("response_body_size", 0):
                problems.append(f"status {status} has no body in the document, the reply has one")
            if status in (301, 302, 303, 307) and not x.get("location"):
                problems.append(f"redirect {status} without Location")
            return problems
        if kind not in content:
            return problems + [f"content type {kind or '(none)'} is not the documented "
                               f"{', '.join(content)}"]
        schema = content[kind].get("schema")
        if body is None and x.get("response_body_size", 0):
            self.counts["unchecked_bodies"] += 1
            return problems
        if kind in ("application/json", "application/problem+json") and schema:
            try:
                value = json.loads(body)
            except ValueError as e:
                return problems + [f"reply body is not JSON: {e}"]
            for e in spec.errors(schema, value):
                problems.append(f"reply body {e}")
        return problems

    def check(self, x, where):
        self.counts["exchanges"] += 1
        if x.get("fault"):
            self.counts["faults"] += 1
            return
        label = f"{where} {x['method']} {x['path']}" + (f"?{x['query']}" if x.get("query") else "") \
            + f" -> {x['status']}"
        located = self.locate(x["path"])
        if located is None:
            # An unknown path: a real site answers 404 problem+json for its REST API.
            problems = [] if x["status"] == 404 else ["undocumented path"]
            if "/api/" in x["path"] and media(x.get("response_content_type")) != "application/problem+json":
                problems.append("404 of the REST API not sent as application/problem+json")
            for p in problems:
                self.failures.append(f"{label}: {p}")
            self.counts["validated"] += 1
            return
        spec, template, item, values = located
        operation = item.get(x["method"].lower())
        if operation is None:
            if x["status"] != 405:
                self.failures.append(f"{label}: method not documented for {template}")
            self.counts["validated"] += 1
            return
        request_problems = self.check_request(spec, operation, values, x)
        reply_problems = self.check_reply(spec, operation, x, not operation.get("x-not-rest"))
        if request_problems:
            if 400 <= x["status"] < 500 and not reply_problems:
                self.counts["refused"] += 1  # refused as a real site refuses it
            else:
                for p in request_problems:
                    self.failures.append(f"{label}: request breaks the document and was not "
                                         f"refused: {p}")
        for p in reply_problems:
            self.failures.append(f"{label}: {p}")
        self.counts["validated"] += 1


def recordings(arguments):
    for argument in arguments:
        if os.path.isdir(argument):
            for name in sorted(os.listdir(argument)):
                if name.endswith(".jsonl"):
                    yield os.path.join(argument, name)
        elif os.path.exists(argument):
            yield argument
        else:
            # Nothing recorded there (a ctest -R subset without demo sites): no exchange;
            # --min-exchanges decides whether that is a failure.
            print(f"{argument}: nothing recorded", file=sys.stderr)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--min-exchanges", type=int, default=1,
                        help="fail when fewer exchanges were recorded (default 1)")
    parser.add_argument("paths", nargs="+")
    args = parser.parse_args()
    validator = Validator()
    for path in recordings(args.paths):
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    exchange = json.loads(line)
                except ValueError:
                    validator.failures.append(f"{path}:{number}: not a JSON line")
                    continue
                validator.check(exchange, f"{os.path.basename(path)}:{number}")
    for failure in validator.failures:
        print("FAIL " + failure)
    c = validator.counts
    print(f"{c['exchanges']} exchanges, {c['validated']} validated "
          f"({c['refused']} invalid requests refused as a real site does), "
          f"{c['faults']} forced by fault injection, {c['unchecked_bodies']} bodies too large "
          f"to record, {len(validator.failures)} failures")
    if c["exchanges"] < args.min_exchanges:
        print(f"FAIL fewer than {args.min_exchanges} exchanges recorded")
        return 1
    return 1 if validator.failures else 0


if __name__ == "__main__":
    sys.exit(main())
