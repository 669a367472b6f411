{{%AUTOESCAPE context="HTML"}}
{{#PART}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}{{#MARK}}<mark>{{TEXT}}</mark>{{/MARK}}{{/PART}}