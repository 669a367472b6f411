{{%AUTOESCAPE context="HTML"}}
<p class="kicker">History of a release</p>
<h1>{{TITLE}}</h1>
<p><a href="/admin/releases/{{ID}}">Back to the release</a> | <a href="/admin/releases/{{ID}}/preview">Preview</a></p>
{{>COMPARE}}
<h2 id="versions-heading">Every saved version</h2>
<p>Restoring a version puts its title, summary, body and event back into the form; nothing changes until you save it, which makes it the newest version.</p>
<table class="releases revisions" aria-labelledby="versions-heading">
<thead><tr><th scope="col">Version</th><th scope="col">Saved by</th><th scope="col">Saved</th><th scope="col">Status after the save</th><th scope="col">Change note</th><th scope="col">Changes</th><th scope="col">Restore</th></tr></thead>
<tbody>
{{#REVISIONS}}
<tr>
<td>{{VERSION}}{{#LATEST}} (latest){{/LATEST}}</td>
<td>{{SAVED_BY}}</td>
<td><time datetime="{{SAVED_AT_ISO}}">{{SAVED_AT}}</time></td>
<td><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></td>
<td>{{CHANGE_NOTE}}</td>
<td>{{#PREVIOUS}}<a href="/admin/releases/{{ID}}/diff?from={{FROM}}&amp;to={{VERSION}}">Changes from version {{FROM}}</a>{{/PREVIOUS}}{{#FIRST}}First version{{/FIRST}}</td>
<td><form method="post" action="/admin/releases/{{ID}}/restore" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}"><button type="submit" aria-label="Restore as new draft: version {{VERSION}}">Restore as new draft</button></form></td>
</tr>
{{/REVISIONS}}
</tbody>
</table>
{{#NONE}}<p>This release has no saved versions.</p>{{/NONE}}
{{#MEDIA}}
<h2 id="media-heading">Photographs and documents</h2>
<p>These change apart from the text, and restoring a version does not bring back a removed file.</p>
<table class="releases media-changes" aria-labelledby="media-heading">
<thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th><th scope="col">Change</th><th scope="col">Details</th></tr></thead>
<tbody>
{{#CHANGES}}<tr><td><time datetime="{{AT_ISO}}">{{AT}}</time></td><td>{{BY}}</td><td>{{WHAT}}: {{LABEL}}</td><td>{{CHANGE}}</td><td>{{DETAIL}}</td></tr>
{{/CHANGES}}</tbody>
</table>
{{/MEDIA}}
