{{%AUTOESCAPE context="HTML"}}
<article class="teaser">
<h3><a href="{{URL}}">{{TITLE}}</a></h3>
<p class="meta"><time datetime="{{STARTS_ON}}">{{DATES}}</time>{{#PLACE}} <span class="sep" aria-hidden="true">&middot;</span> {{PLACE}}{{/PLACE}}{{#KIND}} <span class="sep" aria-hidden="true">&middot;</span> <span class="kind">{{KIND}}</span>{{/KIND}}{{#NOTE}} <span class="sep" aria-hidden="true">&middot;</span> <span class="note">{{TEXT}}</span>{{/NOTE}}</p>
{{#DETAIL}}<p>{{TEXT}}</p>{{/DETAIL}}
</article>
