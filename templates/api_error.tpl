{{%AUTOESCAPE context="JSON"}}
{"error": {"status": {{STATUS}}, "message": "{{MESSAGE:json_escape}}"}}
