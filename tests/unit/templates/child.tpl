{{%AUTOESCAPE context="HTML"}}
<main g="{{G}}" p="{{P}}" c="{{C}}">{{#GSECTION}}in a section {{G}}{{/GSECTION}}</main>
