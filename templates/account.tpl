{{%AUTOESCAPE context="HTML"}}
<h1>Your account</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>{{/NOTICE}}
<p>Signed in as {{DISPLAY_NAME}} (user name {{NAME}}, {{ROLE}}).</p>

<h2 id="password">Change your password</h2>
{{#HAS_ERRORS}}
<div class="error-summary" role="alert">
<p>Please fix {{COUNT}} problem(s):</p>
<ul>
{{#ERRORS}}<li><a href="#{{FIELD_ID}}">{{LABEL}} {{MESSAGE}}</a></li>{{/ERRORS}}
</ul>
</div>
{{/HAS_ERRORS}}
<form method="post" action="/admin/account/password" class="stacked narrow" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="field{{#current_password_invalid}} invalid{{/current_password_invalid}}">
<label for="current_password">Current password</label>
{{#current_password_invalid}}<span class="field-error" id="current_password-error">Current password {{current_password_error}}</span>{{/current_password_invalid}}
<input id="current_password" name="current_password" type="password" autocomplete="current-password" required{{#current_password_invalid}} aria-invalid="true" aria-describedby="current_password-error"{{/current_password_invalid}}>
</p>
<p class="field{{#new_password_invalid}} invalid{{/new_password_invalid}}">
<label for="new_password">New password <span class="hint">(at least 10 characters; a few unrelated words are easy to remember)</span></label>
{{#new_password_invalid}}<span class="field-error" id="new_password-error">New password {{new_password_error}}</span>{{/new_password_invalid}}
<input id="new_password" name="new_password" type="password" autocomplete="new-password" required{{#new_password_invalid}} aria-invalid="true" aria-describedby="new_password-error"{{/new_password_invalid}}>
</p>
<p class="field{{#confirm_password_invalid}} invalid{{/confirm_password_invalid}}">
<label for="confirm_password">New password again</label>
{{#confirm_password_invalid}}<span class="field-error" id="confirm_password-error">New password again {{confirm_password_error}}</span>{{/confirm_password_invalid}}
<input id="confirm_password" name="confirm_password" type="password" autocomplete="new-password" required{{#confirm_password_invalid}} aria-invalid="true" aria-describedby="confirm_password-error"{{/confirm_password_invalid}}>
</p>
<p>Your other sessions end when the password changes; this one goes on.</p>
<p><button type="submit" class="primary">Change password</button></p>
</form>

<h2 id="sessions">Your sessions</h2>
<p>Each browser you are logged in with. A session ends after {{IDLE}} unused, and {{MAX}} after its login in any case.</p>
<table class="releases">
<thead><tr><th scope="col">Logged in</th><th scope="col">Last seen</th><th scope="col">From address</th><th scope="col">End it</th></tr></thead>
<tbody>
{{#SESSIONS}}
<tr>
<td><time datetime="{{CREATED_ISO}}">{{CREATED}}</time></td>
<td><time datetime="{{SEEN_ISO}}">{{SEEN}}</time></td>
<td>{{CLIENT}}</td>
<td>{{#CURRENT}}This session (log out to end it){{/CURRENT}}{{#OTHER}}<form method="post" action="/admin/account/sessions/{{HANDLE}}/end">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">End this session</button>
</form>{{/OTHER}}</td>
</tr>
{{/SESSIONS}}
</tbody>
</table>
{{#OTHERS}}<form method="post" action="/admin/account/sessions/end-others">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p><button type="submit">End all other sessions</button></p>
</form>{{/OTHERS}}
