{{%AUTOESCAPE context="HTML"}}
{{>PREVIEW_BANNER}}
<article class="release">
{{#WITHDRAWN}}<div class="withdrawn-notice" role="note"><h2>This release was withdrawn on {{WHEN}}</h2><p>{{REASON}}</p></div>{{/WITHDRAWN}}
<p class="kicker">Press release</p>
<h1>{{TITLE}}</h1>
<p class="meta"><time datetime="{{DATE_ISO}}">{{DATE}}</time></p>
{{#UPDATES}}<p class="update">Updated <time datetime="{{WHEN_ISO}}">{{WHEN}}</time>: {{NOTE}}</p>{{/UPDATES}}
{{#HAS_SUMMARY}}<p class="summary">{{SUMMARY}}</p>{{/HAS_SUMMARY}}
<div class="body">
{{BODY_HTML:none}}
</div>
{{>EVENT_BOX}}
<p class="contact">{{CONTACT}}</p>
</article>
