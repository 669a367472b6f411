{{%AUTOESCAPE context="HTML"}}
<h1>Audit log</h1>
<p>Logins, failed logins, account changes and editorial steps, newest first; times are in {{ZONE}}.
Each entry carries the hash of the one before it: <code>pressroomctl audit verify</code> finds an entry altered or removed.</p>
{{#HAS_ERRORS}}
<div class="error-summary" role="alert">
<p>Please fix {{COUNT}} problem(s) in the filter:</p>
<ul>
{{#ERRORS}}<li><a href="#{{FIELD_ID}}">{{LABEL}} {{MESSAGE}}</a></li>{{/ERRORS}}
</ul>
</div>
{{/HAS_ERRORS}}
<form method="get" action="/admin/audit" class="stacked" novalidate>
<fieldset>
<legend>Show only</legend>
<div class="row">
<p class="field{{#action_invalid}} invalid{{/action_invalid}}">
<label for="action">Action</label>
{{#action_invalid}}<span class="field-error" id="action-error">Action {{action_error}}</span>{{/action_invalid}}
<select id="action" name="action">
<option value="">Any action</option>
{{#ACTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>
{{/ACTIONS}}</select>
</p>
<p class="field{{#account_invalid}} invalid{{/account_invalid}}">
<label for="account">Account <span class="hint">(user name of who did it)</span></label>
{{#account_invalid}}<span class="field-error" id="account-error">Account {{account_error}}</span>{{/account_invalid}}
<input id="account" name="account" value="{{account}}" maxlength="64"{{#account_invalid}} aria-invalid="true" aria-describedby="account-error"{{/account_invalid}}>
</p>
<p class="field{{#subject_invalid}} invalid{{/subject_invalid}}">
<label for="subject">Subject <span class="hint">(exactly, like user:jdoe or release:12)</span></label>
{{#subject_invalid}}<span class="field-error" id="subject-error">Subject {{subject_error}}</span>{{/subject_invalid}}
<input id="subject" name="subject" value="{{subject}}" maxlength="200"{{#subject_invalid}} aria-invalid="true" aria-describedby="subject-error"{{/subject_invalid}}>
</p>
</div>
<div class="row">
<p class="field{{#from_invalid}} invalid{{/from_invalid}}">
<label for="from">From <span class="hint">(first day)</span></label>
{{#from_invalid}}<span class="field-error" id="from-error">From {{from_error}}</span>{{/from_invalid}}
<input id="from" name="from" type="date" value="{{from}}"{{#from_invalid}} aria-invalid="true" aria-describedby="from-error"{{/from_invalid}}>
</p>
<p class="field{{#to_invalid}} invalid{{/to_invalid}}">
<label for="to">To <span class="hint">(last day, included)</span></label>
{{#to_invalid}}<span class="field-error" id="to-error">To {{to_error}}</span>{{/to_invalid}}
<input id="to" name="to" type="date" value="{{to}}"{{#to_invalid}} aria-invalid="true" aria-describedby="to-error"{{/to_invalid}}>
</p>
</div>
<p class="actions"><button type="submit">Show</button> <a class="button" href="/admin/audit">Show everything</a></p>
</fieldset>
</form>
{{#NONE}}<p>No entry matches.</p>{{/NONE}}
{{#TABLE}}
<table class="releases">
<thead><tr><th scope="col">When</th><th scope="col">Account</th><th scope="col">Client</th><th scope="col">Action</th><th scope="col">Subject</th><th scope="col">Detail</th></tr></thead>
<tbody>
{{#ENTRIES}}<tr id="entry-{{ID}}"><td><time datetime="{{AT}}">{{WHEN}}</time></td><td>{{ACCOUNT}}</td><td>{{CLIENT}}</td><td>{{ACTION}}</td><td>{{SUBJECT}}</td><td>{{DETAIL}}</td></tr>
{{/ENTRIES}}
</tbody>
</table>
{{/TABLE}}
{{#PAGER}}
<nav class="pager" aria-label="Pages of the audit log">
<ul>
<li><span aria-current="page">Page {{PAGE}}</span></li>
{{#LINKS}}<li><a href="/admin/audit?{{FILTER}}&amp;page={{N}}" rel="{{REL}}">{{LABEL}}</a></li>
{{/LINKS}}</ul>
</nav>
{{/PAGER}}
