{{%AUTOESCAPE context="HTML"}}
<h1>{{TITLE}}</h1>
<p>{{EXPLANATION}}</p>
{{#DETAIL}}<p class="detail">{{TEXT}}</p>{{/DETAIL}}
{{#INCIDENT}}<p>If you report this, quote incident <code>{{ID}}</code>.</p>{{/INCIDENT}}
{{#HOME_LINK}}<p><a href="/">Go to the latest news</a></p>{{/HOME_LINK}}
<p class="status">HTTP status {{STATUS}}</p>
