{{%AUTOESCAPE context="HTML"}}
<h1>Search{{#FOR}} results for “{{Q}}”{{/FOR}}</h1>
{{>FILTERS}}
{{#CUT}}<p class="notice">Your search was longer than {{MAX}} characters: only its first {{MAX}} were used.</p>{{/CUT}}
{{#PROMPT}}<p>Type one or more words. Releases holding all of them are found, best matches first; the last word may be the start of one.</p>{{/PROMPT}}
{{#NO_WORDS}}<p class="count">No results: your search holds no word to look for. Try letters or numbers.</p>{{/NO_WORDS}}
{{#NO_RESULTS}}<p class="count">No results for “{{Q}}”{{#FILTERED}} with these filters{{/FILTERED}}. Check the spelling or try fewer words{{#FILTERED}}, or remove a filter{{/FILTERED}}.</p>{{/NO_RESULTS}}
{{#COUNT}}<p class="count">{{TEXT}}</p>{{/COUNT}}
{{#RESULTS}}
<article class="teaser">
<h2><a href="{{URL}}">{{>TITLE_MARKED}}</a></h2>
<p class="meta"><time datetime="{{DATE_ISO}}">{{DATE}}</time>{{#EVENT}} <span class="sep" aria-hidden="true">&middot;</span> <a href="{{EVENT_URL}}">{{>EVENT_MARKED}}</a>{{/EVENT}}</p>
<p class="snippet">{{>SNIPPET}}</p>
</article>
{{/RESULTS}}
{{#PAGER}}
<nav class="pager" aria-label="Pages of results">
<ul>
{{#PREV}}<li><a href="{{URL}}" rel="prev">Better matches</a></li>{{/PREV}}
<li><span aria-current="page">Page {{PAGE}}</span></li>
{{#NEXT}}<li><a href="{{URL}}" rel="next">More results</a></li>{{/NEXT}}
</ul>
</nav>
{{/PAGER}}
