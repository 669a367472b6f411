{{%AUTOESCAPE context="HTML"}}
<p>{{X}}</p>
