{{%AUTOESCAPE context="HTML"}}
<p class="kicker">International engagements</p>
<h1>{{TITLE}}</h1>
<dl class="totals">
<dt>Events</dt><dd>{{EVENTS}}</dd>
<dt>Countries</dt><dd>{{COUNTRIES}}</dd>
<dt>Delegates</dt><dd>{{DELEGATES}}</dd>
</dl>
{{#NONE}}<p>No delegation to a published event is recorded for {{YEAR}}.</p>{{/NONE}}
{{#SOME}}
<section aria-labelledby="roles-heading">
<h2 id="roles-heading">Delegates by role</h2>
<ul>
{{#ROLE}}<li>{{WHO}}</li>
{{/ROLE}}
</ul>
</section>
<section aria-labelledby="countries-heading">
<h2 id="countries-heading">Countries</h2>
<ul>
{{#COUNTRY}}<li>{{NAME}}</li>
{{/COUNTRY}}
</ul>
</section>
<section aria-labelledby="events-heading">
<h2 id="events-heading">Events</h2>
{{#EVENT}}{{>TEASER}}{{/EVENT}}
</section>
{{/SOME}}
<p><a href="/engagements/{{YEAR}}.csv" download>Download {{YEAR}} as a spreadsheet (CSV)</a> <span class="sep" aria-hidden="true">&middot;</span> <a href="/engagements">Every year</a></p>
