{{%AUTOESCAPE context="HTML"}}
<h1>News</h1>
{{>FILTERS}}
{{#COUNT}}<p class="count">{{TEXT}}, newest first.</p>{{/COUNT}}
{{#RELEASES}}
<article class="teaser">
<h2><a href="{{URL}}">{{TITLE}}</a></h2>
<p class="meta"><time datetime="{{DATE_ISO}}">{{DATE}}</time>{{#EVENT}} <span class="sep" aria-hidden="true">&middot;</span> <a href="{{EVENT_URL}}">{{EVENT_TITLE}}</a>{{/EVENT}}</p>
{{#SUMMARY}}<p>{{SUMMARY}}</p>{{/SUMMARY}}
</article>
{{/RELEASES}}
{{#NONE}}<p>No releases have been published yet.</p>{{/NONE}}
{{#NONE_MATCH}}<p>No published release matches these filters. Remove one of them to see more.</p>{{/NONE_MATCH}}
{{#PAGER}}
<nav class="pager" aria-label="More releases">
<ul>
{{#NEWER}}<li><a href="{{URL}}" rel="prev">Newer releases</a></li>{{/NEWER}}
{{#OLDER}}<li><a href="{{URL}}" rel="next">Older releases</a></li>{{/OLDER}}
</ul>
</nav>
{{/PAGER}}
