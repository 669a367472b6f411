{{%AUTOESCAPE context="HTML"}}
<h1>Organisations</h1>
<p>The bodies that organised, sponsored or hosted the events in our releases, and the departments whose people went to them.</p>
{{#LIST}}<ul class="org-list">
{{#ORG}}<li id="org-{{SLUG}}"><a href="{{URL}}">{{NAME}}</a>{{#SHORT}} ({{SHORT_NAME}}){{/SHORT}}: <span class="parts">{{#PART}}{{TEXT}}{{#PART_separator}}; {{/PART_separator}}{{/PART}}</span></li>
{{/ORG}}
</ul>{{/LIST}}
{{#NONE}}<p>No organisation is named in a published release yet.</p>{{/NONE}}
