{{%AUTOESCAPE context="JSON"}}
{"id": {{ID}}, "slug": "{{SLUG:json_escape}}", "name": "{{NAME:json_escape}}",
"short_name": {{#SHORT_NAME}}"{{V:json_escape}}"{{/SHORT_NAME}}{{#SHORT_NAME_NULL}}null{{/SHORT_NAME_NULL}},
"kind": "{{KIND:json_escape}}",
"country": {{#COUNTRY}}{"code": "{{CODE:json_escape}}", "name": "{{NAME:json_escape}}"}{{/COUNTRY}}{{#COUNTRY_NULL}}null{{/COUNTRY_NULL}},
"website": {{#WEBSITE}}"{{V:json_escape}}"{{/WEBSITE}}{{#WEBSITE_NULL}}null{{/WEBSITE_NULL}},
"url": "{{URL:json_escape}}", "api_url": "{{API_URL:json_escape}}", "feed_url": "{{FEED_URL:json_escape}}"{{#DETAIL}},
"events": [{{#EVENTS}}
{{>ITEM}}{{#EVENTS_separator}},{{/EVENTS_separator}}{{/EVENTS}}]{{/DETAIL}}}
