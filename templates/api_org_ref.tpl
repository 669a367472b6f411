{{%AUTOESCAPE context="JSON"}}
{"id": {{ID}}, "slug": "{{SLUG:json_escape}}", "name": "{{NAME:json_escape}}",
"short_name": {{#SHORT_NAME}}"{{V:json_escape}}"{{/SHORT_NAME}}{{#SHORT_NAME_NULL}}null{{/SHORT_NAME_NULL}},
"url": "{{URL:json_escape}}", "api_url": "{{API_URL:json_escape}}"}
