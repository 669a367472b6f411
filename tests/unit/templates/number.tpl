{{%AUTOESCAPE context="HTML"}}
<p>{{N}}</p>
