#pragma once

// Replies shaped like a real 2.4 site's, for the round-trip tests (kept out of the test's .cpp:
// moc does not read raw string literals with quotes reliably).

// A rule as a 2.4 site lists it, made in its GUI with everything set.
inline const char *fullRule = R"json({
  "links": [{"domainType": "link", "rel": "self", "href": "https://mon/prod/check_mk/api/1.0/objects/rule/f8b74720-a454-4242-99c4-62994ef0f2bf", "method": "GET", "type": "application/json"}],
  "domainType": "rule",
  "id": "f8b74720-a454-4242-99c4-62994ef0f2bf",
  "title": "Updates for production",
  "members": {},
  "extensions": {
    "ruleset": "agent_config:cmk_update_agent",
    "folder": "/linux",
    "folder_index": 2,
    "properties": {
      "description": "Updates for production",
      "comment": "2025-03-02 admin: interval agreed with the network team",
      "documentation_url": "https://wiki.example.com/agent-updates",
      "disabled": false
    },
    "value_raw": "{'activated': 'enabled', 'server_data': {'server': 'mon.example.com', 'site': 'prod', 'protocol': 'https', 'usage': 'always'}, 'interval': 5400, 'proxy': ('env_proxy', None), 'signature_keys': ['-----BEGIN CERTIFICATE-----\\nMIIBszCCAVmgAwIBAgIU\\n-----END CERTIFICATE-----\\n'], 'future_option': {'retries': 3, 'jitter': True}}",
    "conditions": {
      "host_name": {"match_on": ["web01", "~db-.*"], "operator": "none_of"},
      "host_tags": [
        {"key": "criticality", "operator": "is", "value": "prod"},
        {"key": "networking", "operator": "is_not", "value": "dmz"},
        {"key": "os", "operator": "one_of", "value": ["linux", "aix"]},
        {"key": "agent", "operator": "none_of", "value": ["special-agents", "no-agent"]}
      ],
      "host_label_groups": [
        {"operator": "and", "label_group": [
          {"operator": "and", "label": "env:prod"},
          {"operator": "or", "label": "env:staging"}]},
        {"operator": "not", "label_group": [{"operator": "and", "label": "team:legacy"}]}
      ],
      "service_label_groups": [
        {"operator": "and", "label_group": [{"operator": "and", "label": "svc:updater"}]}
      ],
      "service_description": {"match_on": ["Check_MK Agent$"], "operator": "one_of"}
    }
  }
})json";

// A rule with nothing optional: no host names, empty condition lists, no comment.
inline const char *bareRule = R"json({
  "domainType": "rule",
  "id": "0a168697-14a2-48d0-9c3c-ca65569a39e2",
  "extensions": {
    "ruleset": "agent_config:cmk_update_agent",
    "folder": "/",
    "folder_index": 0,
    "properties": {"description": "", "disabled": true},
    "value_raw": "{'interval': 3600}",
    "conditions": {"host_tags": [], "host_label_groups": [], "service_label_groups": []}
  }
})json";

// The host selection as a site holds it, with a key a newer site may add.
inline const char *hostSelectionValue = R"json({
  "match_site": ["prod", "prod_eu"],
  "match_folders": ["linux/web", "windows"],
  "match_hosttags": {"criticality": "prod", "networking": "lan"},
  "match_hostlabels": {"env": "prod"},
  "match_hostgroups": ["web-servers"],
  "match_hosts": ["web01", "web02"],
  "match_exclude_hosts": ["web03"],
  "match_future_condition": {"mode": "strict"}
})json";
