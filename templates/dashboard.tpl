{{%AUTOESCAPE context="HTML"}}
<h1>Dashboard</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>{{/NOTICE}}
<p>Signed in as {{USER_NAME}} ({{ROLE}}). <a class="button" href="/admin/releases/new">Write a new release</a></p>
<p class="waiting" role="status">
{{#WAITING_EDITOR}}<a href="/admin/review">Waiting for your review: <span class="badge" data-waiting>{{WAITING}}</span></a>{{/WAITING_EDITOR}}
{{#WAITING_AUTHOR}}Sent back to you for changes: <span class="badge" data-waiting>{{WAITING}}</span>{{/WAITING_AUTHOR}}
</p>
<h2>{{#EVERYONE}}All releases{{/EVERYONE}}{{#MINE}}Your releases{{/MINE}}</h2>
{{#NONE}}<p>There are no releases yet.</p>{{/NONE}}
<table class="releases">
<thead><tr><th scope="col">Title</th><th scope="col">Status</th>{{#EVERYONE}}<th scope="col">Author</th>{{/EVERYONE}}<th scope="col">Last saved</th><th scope="col">Public page</th></tr></thead>
<tbody>
{{#RELEASES}}
<tr>
<td><a href="/admin/releases/{{ID}}">{{TITLE}}</a></td>
<td><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></td>
{{#EVERYONE}}<td>{{AUTHOR}}</td>{{/EVERYONE}}
<td><time datetime="{{UPDATED_ISO}}">{{UPDATED}}</time></td>
<td>{{#PUBLIC}}<a href="{{URL}}">View</a>{{/PUBLIC}}</td>
</tr>
{{/RELEASES}}
</tbody>
</table>
