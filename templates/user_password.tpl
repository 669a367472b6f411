{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
<p class="notice" role="status">The password of <strong>{{NAME}}</strong> ({{DISPLAY_NAME}}, {{ROLE}}) is:</p>
<p><code class="password">{{PASSWORD}}</code></p>
<p>It is shown this once and kept only as an argon2id hash. Hand it over by a channel you trust;
{{DISPLAY_NAME}} can change it under "Your account" after logging in.{{#ENDED}} Every session the account had has ended.{{/ENDED}}</p>
<p><a href="/admin/users">Back to the accounts</a></p>
