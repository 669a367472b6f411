{{%AUTOESCAPE context="JSON"}}
{"id": {{ID}}, "event": {{#EVENT}}{{>ITEM}}{{/EVENT}},
"sent_by": {{#SENT_BY}}{{>ITEM}}{{/SENT_BY}}{{#SENT_BY_NULL}}null{{/SENT_BY_NULL}},
"members": [{{#MEMBERS}}{"role": "{{ROLE:json_escape}}",
"department": {{#DEPARTMENT}}{{>ITEM}}{{/DEPARTMENT}}{{#DEPARTMENT_NULL}}null{{/DEPARTMENT_NULL}},
"count": {{COUNT}}, "names": {{#NAMES}}"{{V:json_escape}}"{{/NAMES}}{{#NAMES_NULL}}null{{/NAMES_NULL}}}{{#MEMBERS_separator}},
{{/MEMBERS_separator}}{{/MEMBERS}}],
"people": {{PEOPLE}}}
