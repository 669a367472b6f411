{{%AUTOESCAPE context="HTML"}}
<h1>Review queue</h1>
<p>Releases waiting for a second pair of eyes, approved releases waiting to be published, and
releases an admin published without review. You cannot review your own work (marked "yours").</p>
{{#EMPTY}}<p>Nothing is waiting.</p>{{/EMPTY}}
{{#HAS_ITEMS}}
<table class="releases">
<thead><tr><th scope="col">Title</th><th scope="col">Status</th><th scope="col">Author</th><th scope="col">Last change</th></tr></thead>
<tbody>
{{#ITEMS}}<tr><td><a href="/admin/releases/{{ID}}">{{TITLE}}</a>{{#EDITION}} <span class="hint">(next edition)</span>{{/EDITION}}{{#OWN}} <span class="hint">(yours)</span>{{/OWN}}</td>
<td><span class="status status-{{STATUS}}">{{STATUS_LABEL}}</span></td><td>{{AUTHOR}}</td><td><time datetime="{{UPDATED_ISO}}">{{UPDATED}}</time></td></tr>
{{/ITEMS}}
</tbody>
</table>
{{/HAS_ITEMS}}
<h2>Follow the queue in a feed reader</h2>
{{#FEED_URL}}<p class="notice" role="status">Your feed address (shown once; keep it private, it works without a login):<br><code>{{URL}}</code></p>{{/FEED_URL}}
<form method="post" action="/admin/review/feed-token">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit">Make a new feed address</button> <span class="hint">(any older address stops working)</span></p>
</form>
