{{%AUTOESCAPE context="JSON"}}
{"{{KIND:json_escape}}": [{{#ITEMS}}
{{>ITEM}}{{#ITEMS_separator}},{{/ITEMS_separator}}{{/ITEMS}}
],
"page": {{PAGE}}, "per_page": {{PER_PAGE}}, "pages": {{PAGES}}, "total": {{TOTAL}},
"links": {"self": "{{SELF:json_escape}}", "first": "{{FIRST:json_escape}}", "last": "{{LAST:json_escape}}",
"prev": {{#PREV}}"{{V:json_escape}}"{{/PREV}}{{#PREV_NULL}}null{{/PREV_NULL}},
"next": {{#NEXT}}"{{V:json_escape}}"{{/NEXT}}{{#NEXT_NULL}}null{{/NEXT_NULL}}}}
