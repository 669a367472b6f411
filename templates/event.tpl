{{%AUTOESCAPE context="HTML"}}
<p class="kicker">Event</p>
<h1>{{TITLE}}</h1>
{{#SUMMARY}}<p class="summary">{{SUMMARY}}</p>{{/SUMMARY}}
{{>EVENT_BOX}}
<section aria-labelledby="releases-heading">
<h2 id="releases-heading">Releases about this event</h2>
{{#RELEASES}}
<article class="teaser">
<h3><a href="{{URL}}">{{TITLE}}</a></h3>
<p class="meta"><time datetime="{{DATE_ISO}}">{{DATE}}</time></p>
{{#SUMMARY}}<p>{{SUMMARY}}</p>{{/SUMMARY}}
</article>
{{/RELEASES}}
{{#NO_RELEASES}}<p>No release about this event has been published yet.</p>{{/NO_RELEASES}}
</section>
<nav class="more-links" aria-label="More about events">
<ul>
<li><a href="/events">All events</a></li>
{{#YEAR_LINK}}<li><a href="/engagements/{{YEAR}}">Our engagements in {{YEAR}}</a></li>{{/YEAR_LINK}}
</ul>
</nav>
