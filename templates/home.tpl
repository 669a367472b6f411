{{%AUTOESCAPE context="HTML"}}
<h1>News{{#PAGE_NUMBER}} <span class="page-number">page {{PAGE}}</span>{{/PAGE_NUMBER}}</h1>
{{#RELEASES}}
<article class="teaser">
<h2><a href="{{URL}}">{{TITLE}}</a></h2>
<p class="meta"><time datetime="{{DATE_ISO}}">{{DATE}}</time>{{#EVENT}} <span class="sep" aria-hidden="true">&middot;</span> <a href="{{EVENT_URL}}">{{EVENT_TITLE}}</a>{{/EVENT}}</p>
{{#SUMMARY}}<p>{{SUMMARY}}</p>{{/SUMMARY}}
</article>
{{/RELEASES}}
{{#NONE}}<p>No releases have been published yet.</p>{{/NONE}}
{{#PAGER}}
<nav class="pager" aria-label="Pages of releases">
<ul>
{{#PREV}}<li><a href="/?page={{N}}" rel="prev">Newer</a></li>{{/PREV}}
{{#PAGES}}{{#GAP}}<li aria-hidden="true">&hellip;</li>{{/GAP}}{{#LINK}}<li><a href="/?page={{N}}">{{N}}</a></li>{{/LINK}}{{#CURRENT}}<li><span aria-current="page">{{N}}</span></li>{{/CURRENT}}{{/PAGES}}
{{#NEXT}}<li><a href="/?page={{N}}" rel="next">Older</a></li>{{/NEXT}}
</ul>
</nav>
{{/PAGER}}
