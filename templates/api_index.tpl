{{%AUTOESCAPE context="JSON"}}
{"releases": "{{BASE:json_escape}}/api/v1/releases", "events": "{{BASE:json_escape}}/api/v1/events",
"organisations": "{{BASE:json_escape}}/api/v1/organisations", "delegations": "{{BASE:json_escape}}/api/v1/delegations",
"feed": "{{BASE:json_escape}}/feed.atom", "calendar": "{{BASE:json_escape}}/events.ics",
"sitemap": "{{BASE:json_escape}}/sitemap.xml"}
