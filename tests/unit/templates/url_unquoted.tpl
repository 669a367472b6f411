{{%AUTOESCAPE context="HTML"}}
<a href={{URL}}>link</a>
