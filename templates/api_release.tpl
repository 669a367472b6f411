{{%AUTOESCAPE context="JSON"}}
{"id": {{ID}}, "title": "{{TITLE:json_escape}}", "summary": "{{SUMMARY:json_escape}}",
"language": "{{LANGUAGE:json_escape}}", "published": "{{PUBLISHED:json_escape}}", "updated": "{{UPDATED:json_escape}}",
"url": "{{URL:json_escape}}", "api_url": "{{API_URL:json_escape}}",
"event": {{#EVENT}}{{>ITEM}}{{/EVENT}}{{#EVENT_NULL}}null{{/EVENT_NULL}},
"image": {{#IMAGE}}{"url": "{{URL:json_escape}}", "width": {{WIDTH}}, "height": {{HEIGHT}}, "alt": "{{ALT:json_escape}}", "caption": "{{CAPTION:json_escape}}", "credit": "{{CREDIT:json_escape}}"}{{/IMAGE}}{{#IMAGE_NULL}}null{{/IMAGE_NULL}}{{#DETAIL}},
"translations": [{{#TRANSLATIONS}}{"language": "{{LANGUAGE:json_escape}}", "id": {{ID}}, "url": "{{URL:json_escape}}", "api_url": "{{API_URL:json_escape}}"}{{#TRANSLATIONS_separator}}, {{/TRANSLATIONS_separator}}{{/TRANSLATIONS}}],
"photos": [{{#PHOTOS}}{"url": "{{URL:json_escape}}", "width": {{WIDTH}}, "height": {{HEIGHT}}, "alt": "{{ALT:json_escape}}", "caption": "{{CAPTION:json_escape}}", "credit": "{{CREDIT:json_escape}}"}{{#PHOTOS_separator}}, {{/PHOTOS_separator}}{{/PHOTOS}}],
"attachments": [{{#ATTACHMENTS}}{"title": "{{TITLE:json_escape}}", "url": "{{URL:json_escape}}", "type": "{{TYPE:json_escape}}", "bytes": {{BYTES}}, "pages": {{PAGES}}, "thumbnail": "{{THUMB:json_escape}}"}{{#ATTACHMENTS_separator}}, {{/ATTACHMENTS_separator}}{{/ATTACHMENTS}}],
"withdrawn": {{#WITHDRAWN}}{"at": {{#AT}}"{{V:json_escape}}"{{/AT}}{{#AT_NULL}}null{{/AT_NULL}}, "reason": {{#REASON}}"{{V:json_escape}}"{{/REASON}}{{#REASON_NULL}}null{{/REASON_NULL}}}{{/WITHDRAWN}}{{#WITHDRAWN_NULL}}null{{/WITHDRAWN_NULL}},
"updates": [{{#UPDATES}}{"at": "{{AT:json_escape}}", "note": "{{NOTE:json_escape}}"}{{#UPDATES_separator}}, {{/UPDATES_separator}}{{/UPDATES}}],
"body_html": "{{BODY_HTML:json_escape}}"{{/DETAIL}}}
