{{%AUTOESCAPE context="HTML"}}
<h1>Events{{#PAGE_NUMBER}} <span class="page-number">page {{PAGE}}</span>{{/PAGE_NUMBER}}</h1>
<p>Every event a published release is about. The delegations the office sent, year by year, are in <a href="/engagements">our engagements</a>; the bodies that organised and sponsored them are under <a href="/organisations">organisations</a>.</p>
{{#LIST}}
<section aria-labelledby="{{ID}}-heading">
<h2 id="{{ID}}-heading">{{HEADING}}</h2>
{{#EVENT}}{{>TEASER}}{{/EVENT}}
{{#NONE}}<p>{{TEXT}}</p>{{/NONE}}
</section>
{{/LIST}}
{{#PAGER}}
<nav class="pager" aria-label="Pages of past events">
<ul>
{{#NEWER}}<li><a href="{{URL}}" rel="prev">Newer</a></li>{{/NEWER}}
{{#OLDER}}<li><a href="{{URL}}" rel="next">Older</a></li>{{/OLDER}}
</ul>
</nav>
{{/PAGER}}
