{{%AUTOESCAPE context="XML"}}
<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>{{SITE_NAME}}: review queue</title>
<id>{{BASE_URL}}/admin/review</id>
<link rel="alternate" href="{{BASE_URL}}/admin/review"/>
<updated>{{UPDATED}}</updated>
<author><name>{{SITE_NAME}}</name></author>
{{#ITEMS}}<entry>
<title>{{STATUS_LABEL}}: {{TITLE}}</title>
<id>{{BASE_URL}}/admin/releases/{{ID}}#{{STATUS}}-{{UPDATED_ISO}}</id>
<link rel="alternate" href="{{BASE_URL}}/admin/releases/{{ID}}"/>
<updated>{{UPDATED_ISO}}</updated>
<author><name>{{AUTHOR}}</name></author>
<summary>{{STATUS_LABEL}}, by {{AUTHOR}}</summary>
</entry>
{{/ITEMS}}</feed>
