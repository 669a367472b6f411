{{%AUTOESCAPE context="HTML"}}
<h1>Accounts</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>{{/NOTICE}}
{{#PROBLEM}}<p class="error-summary" role="alert">{{TEXT}}</p>{{/PROBLEM}}
<table class="releases">
<thead><tr><th scope="col">User name</th><th scope="col">Display name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Last login</th><th scope="col">Password</th></tr></thead>
<tbody>
{{#USERS}}
<tr>
<td>{{NAME}}{{#SELF}} (you){{/SELF}}</td>
<td>{{DISPLAY_NAME}}</td>
<td>{{#SELF}}{{ROLE}}{{/SELF}}{{#OTHER}}<form method="post" action="/admin/users/{{NAME}}/role">
<input type="hidden" name="csrf" value="{{CSRF}}">
<label for="role-{{NAME}}">Role of {{NAME}}</label>
<select id="role-{{NAME}}" name="role">
{{#ROLES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>
{{/ROLES}}</select>
<button type="submit">Change role</button>
</form>{{/OTHER}}</td>
<td>{{#ACTIVE}}Active{{/ACTIVE}}{{#DISABLED}}<strong>Disabled</strong>{{/DISABLED}}
{{#OTHER}}<form method="post" action="/admin/users/{{NAME}}/{{SWITCH}}">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">{{SWITCH_LABEL}}</button>
</form>{{/OTHER}}</td>
<td>{{#LOGIN}}<time datetime="{{ISO}}">{{WHEN}}</time>{{/LOGIN}}{{#NEVER}}Never{{/NEVER}}</td>
<td>{{#OTHER}}<form method="post" action="/admin/users/{{NAME}}/password">
<input type="hidden" name="csrf" value="{{CSRF}}">
<button type="submit">Reset password</button>
</form>{{/OTHER}}{{#SELF}}<a href="/admin/account">Change yours</a>{{/SELF}}</td>
</tr>
{{/USERS}}
</tbody>
</table>

<h2 id="new-account">New account</h2>
{{#HAS_ERRORS}}
<div class="error-summary" role="alert">
<p>Please fix {{COUNT}} problem(s):</p>
<ul>
{{#ERRORS}}<li><a href="#{{FIELD_ID}}">{{LABEL}} {{MESSAGE}}</a></li>{{/ERRORS}}
</ul>
</div>
{{/HAS_ERRORS}}
<form method="post" action="/admin/users" class="stacked narrow" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="field{{#name_invalid}} invalid{{/name_invalid}}">
<label for="name">User name <span class="hint">(2 to 64 of a-z, 0-9, '.', '_' and '-', starting with a letter or digit)</span></label>
{{#name_invalid}}<span class="field-error" id="name-error">User name {{name_error}}</span>{{/name_invalid}}
<input id="name" name="name" value="{{name}}" maxlength="64" autocomplete="off" required{{#name_invalid}} aria-invalid="true" aria-describedby="name-error"{{/name_invalid}}>
</p>
<p class="field{{#display_name_invalid}} invalid{{/display_name_invalid}}">
<label for="display_name">Display name <span class="hint">(shown beside their work)</span></label>
{{#display_name_invalid}}<span class="field-error" id="display_name-error">Display name {{display_name_error}}</span>{{/display_name_invalid}}
<input id="display_name" name="display_name" value="{{display_name}}" maxlength="100" required{{#display_name_invalid}} aria-invalid="true" aria-describedby="display_name-error"{{/display_name_invalid}}>
</p>
<p class="field{{#role_invalid}} invalid{{/role_invalid}}">
<label for="role">Role</label>
{{#role_invalid}}<span class="field-error" id="role-error">Role {{role_error}}</span>{{/role_invalid}}
<select id="role" name="role"{{#role_invalid}} aria-invalid="true" aria-describedby="role-error"{{/role_invalid}}>
{{#NEW_ROLES}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>
{{/NEW_ROLES}}</select>
</p>
<p>A password is generated and shown once, on the next page.</p>
<p><button type="submit" class="primary">Create account</button></p>
</form>
