{{%AUTOESCAPE context="HTML"}}
<article class="release">
<p class="kicker">Press release</p>
<h1>{{TITLE}}</h1>
<p class="meta"><time datetime="{{DATE_ISO}}">{{DATE}}</time></p>
<p class="summary">{{SUMMARY}}</p>
<div class="body">
{{BODY_HTML:none}}
</div>
{{>EVENT_BOX}}
<p class="contact">{{CONTACT}}</p>
</article>
