{{%AUTOESCAPE context="JSON"}}
{"id": {{ID}}, "slug": "{{SLUG:json_escape}}", "title": "{{TITLE:json_escape}}", "kind": "{{KIND:json_escape}}",
"starts_on": "{{STARTS_ON:json_escape}}", "ends_on": "{{ENDS_ON:json_escape}}",
"venue": {{#VENUE}}"{{V:json_escape}}"{{/VENUE}}{{#VENUE_NULL}}null{{/VENUE_NULL}},
"city": {{#CITY}}"{{V:json_escape}}"{{/CITY}}{{#CITY_NULL}}null{{/CITY_NULL}},
"country": {{#COUNTRY}}{"code": "{{CODE:json_escape}}", "name": "{{NAME:json_escape}}"}{{/COUNTRY}}{{#COUNTRY_NULL}}null{{/COUNTRY_NULL}},
"participants": {{#PARTICIPANTS}}{{V}}{{/PARTICIPANTS}}{{#PARTICIPANTS_NULL}}null{{/PARTICIPANTS_NULL}},
"countries": {{#COUNTRIES}}{{V}}{{/COUNTRIES}}{{#COUNTRIES_NULL}}null{{/COUNTRIES_NULL}},
"summary": {{#SUMMARY}}"{{V:json_escape}}"{{/SUMMARY}}{{#SUMMARY_NULL}}null{{/SUMMARY_NULL}},
"url": "{{URL:json_escape}}", "api_url": "{{API_URL:json_escape}}", "ical_url": "{{ICAL_URL:json_escape}}",
"feed_url": "{{FEED_URL:json_escape}}"{{#DETAIL}},
"organisations": { {{#ROLES}}"{{ROLE:json_escape}}": [{{#ORGS}}{{>ITEM}}{{#ORGS_separator}}, {{/ORGS_separator}}{{/ORGS}}]{{#ROLES_separator}}, {{/ROLES_separator}}{{/ROLES}} },
"delegations": [{{#DELEGATIONS}}
{{>ITEM}}{{#DELEGATIONS_separator}},{{/DELEGATIONS_separator}}{{/DELEGATIONS}}],
"releases": [{{#RELEASES}}
{{>ITEM}}{{#RELEASES_separator}},{{/RELEASES_separator}}{{/RELEASES}}]{{/DETAIL}}}
