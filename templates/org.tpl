{{%AUTOESCAPE context="HTML"}}
<p class="kicker">Organisation</p>
<h1>{{NAME}}{{#SHORT}} ({{SHORT_NAME}}){{/SHORT}}</h1>
<p class="summary">In our releases: {{#PART}}{{TEXT}}{{#PART_separator}}; {{/PART_separator}}{{/PART}}</p>
{{#ABOUT}}<p class="meta">{{TEXT}}</p>{{/ABOUT}}
{{#WEBSITE}}<p><a href="{{WEBSITE}}" rel="external">{{WEBSITE}}</a></p>{{/WEBSITE}}
{{#EVENTS}}
<section aria-labelledby="events-heading">
<h2 id="events-heading">Events it organised, sponsored or hosted</h2>
{{#EVENT}}{{>TEASER}}{{/EVENT}}
</section>
{{/EVENTS}}
{{#DELEGATIONS}}
<section aria-labelledby="delegations-heading">
<h2 id="delegations-heading">Delegations</h2>
{{#EVENT}}{{>TEASER}}{{/EVENT}}
</section>
{{/DELEGATIONS}}
<p><a href="/organisations">All organisations</a></p>
