{{%AUTOESCAPE context="JSON"}}
{"id": {{ID}}, "slug": "{{SLUG:json_escape}}", "title": "{{TITLE:json_escape}}"{{#KIND}}, "kind": "{{V:json_escape}}"{{/KIND}}{{#DATES}},
"starts_on": "{{STARTS_ON:json_escape}}", "ends_on": "{{ENDS_ON:json_escape}}"{{/DATES}},
"url": "{{URL:json_escape}}", "api_url": "{{API_URL:json_escape}}"{{#PARTS_LIST}},
"parts": [{{#PARTS}}"{{ROLE:json_escape}}"{{#PARTS_separator}}, {{/PARTS_separator}}{{/PARTS}}]{{/PARTS_LIST}}}
