{{%AUTOESCAPE context="HTML"}}
<h1>Staff login</h1>
{{#ERROR}}<p class="error-summary" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="/login" class="stacked narrow">
<input type="hidden" name="csrf" value="{{CSRF}}">
<input type="hidden" name="next" value="{{NEXT}}">
<p><label for="name">User name</label>
<input id="name" name="name" autocomplete="username" required value="{{NAME}}"></p>
<p><label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><button type="submit">Log in</button></p>
</form>
