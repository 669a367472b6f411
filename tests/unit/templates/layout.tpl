{{%AUTOESCAPE context="HTML"}}
<title>{{G}}</title>
{{>CONTENT}}
<footer>{{P}}</footer>
