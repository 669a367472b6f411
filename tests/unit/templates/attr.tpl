{{%AUTOESCAPE context="HTML"}}
<input value="{{X}}"><input title={{X}}>
