{{%AUTOESCAPE context="HTML"}}
<ul>{{#ROW}}<li>{{N}}:{{OUTER}}</li>{{/ROW}}</ul>{{#SHOWN}}<p>shown {{OUTER}}</p>{{/SHOWN}}{{#HIDDEN}}<p>hidden</p>{{/HIDDEN}}
