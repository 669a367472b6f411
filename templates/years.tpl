{{%AUTOESCAPE context="HTML"}}
<h1>Our engagements</h1>
<p>The events the office sent delegations to, year by year: where, who went and how many.</p>
{{#LIST}}<ul>
{{#YEAR}}<li><a href="/engagements/{{YEAR}}">{{YEAR}}</a>: {{SUMMARY}} <span class="sep" aria-hidden="true">&middot;</span> <a href="/engagements/{{YEAR}}.csv" download>CSV</a></li>
{{/YEAR}}
</ul>{{/LIST}}
{{#NONE}}<p>No delegation to a published event is recorded yet.</p>{{/NONE}}
