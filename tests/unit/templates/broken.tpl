{{%AUTOESCAPE context="HTML"}}
{{#OPEN}}never closed
