{{%AUTOESCAPE context="HTML"}}
<div>{{RAW:none}}</div><p>{{X}}</p>
