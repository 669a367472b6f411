{{%AUTOESCAPE context="HTML"}}
<div class="notice preview-banner" role="note" aria-label="Preview">
<p><strong>Preview: this page is not public.</strong> It shows the release as readers would see it once it is published{{#SHARED}}. This preview link works until {{EXPIRES}}{{/SHARED}}.</p>
{{#STAFF}}<p>Status: {{STATUS_LABEL}}. <a href="/admin/releases/{{ID}}">Back to the release</a> | <a href="/admin/releases/{{ID}}/history">History</a></p>{{/STAFF}}
</div>
{{#STAFF}}
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>{{/NOTICE}}
{{#NEW_LINK}}
<div class="notice" role="status">
<p><strong>Preview link made.</strong> Copy it now: it is shown only this once, and anyone who has it can read this release until {{EXPIRES}} (or until you revoke it).</p>
<p><label for="new-link">Preview link</label> <input id="new-link" value="{{URL}}" readonly></p>
</div>
{{/NEW_LINK}}
<details class="preview-links"{{#OPEN}} open{{/OPEN}}>
<summary>Share this preview with someone without an account ({{COUNT}} link(s) so far)</summary>
<form method="post" action="/admin/releases/{{ID}}/preview-links" class="stacked" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="field narrow{{#days_invalid}} invalid{{/days_invalid}}">
<label for="days">Days the link works <span class="hint">(1 to {{MAX_DAYS}})</span></label>
{{#days_invalid}}<span class="field-error" id="days-error">Days {{days_error}}</span>{{/days_invalid}}
<input id="days" name="days" inputmode="numeric" value="{{days}}"{{#days_invalid}} aria-invalid="true" aria-describedby="days-error"{{/days_invalid}}>
</p>
<p class="actions"><button type="submit">Make a preview link</button></p>
</form>
{{#HAS_LINKS}}
<table class="releases preview-link-list">
<caption>Preview links to this release, newest first</caption>
<thead><tr><th scope="col">Link</th><th scope="col">Made by</th><th scope="col">Made</th><th scope="col">Works until</th><th scope="col">Uses</th><th scope="col">Last used</th><th scope="col">State</th><th scope="col">Revoke</th></tr></thead>
<tbody>
{{#LINKS}}
<tr>
<td>Link {{LINK_ID}}</td>
<td>{{BY}}</td>
<td><time datetime="{{CREATED_ISO}}">{{CREATED}}</time></td>
<td><time datetime="{{EXPIRES_ISO}}">{{EXPIRES}}</time></td>
<td>{{USES}}</td>
<td>{{LAST_USED}}</td>
<td>{{STATE}}</td>
<td>{{#ACTIVE}}<form method="post" action="/admin/releases/{{ID}}/preview-links/{{LINK_ID}}/revoke" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit" aria-label="Revoke link {{LINK_ID}}">Revoke</button></form>{{/ACTIVE}}</td>
</tr>
{{/LINKS}}
</tbody>
</table>
{{/HAS_LINKS}}
</details>
{{/STAFF}}
