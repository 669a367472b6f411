{{%AUTOESCAPE context="HTML"}}
<aside class="event-box" aria-labelledby="event-box-heading">
<h2 id="event-box-heading">{{#TITLE_LINKED}}The event{{/TITLE_LINKED}}{{#TITLE_PLAIN}}About the event{{/TITLE_PLAIN}}</h2>
{{#TITLE_LINKED}}<p class="event-title"><a href="{{EVENT_URL}}">{{EVENT_TITLE}}</a></p>{{/TITLE_LINKED}}
<dl>
<dt>Dates</dt><dd><time datetime="{{STARTS_ON}}">{{DATES}}</time></dd>
<dt>Kind</dt><dd class="kind">{{KIND}}</dd>
{{#VENUE}}<dt>Venue</dt><dd>{{VENUE}}</dd>{{/VENUE}}
{{#PLACE}}<dt>Place</dt><dd>{{PLACE}}</dd>{{/PLACE}}
{{#ROLE_GROUP}}<dt>{{ROLE}}</dt>{{#ORG}}<dd><a href="{{URL}}">{{NAME}}</a>{{#SHORT}} ({{SHORT_NAME}}){{/SHORT}}</dd>{{/ORG}}{{/ROLE_GROUP}}
{{#DELEGATION}}<dt>{{HEADING}}</dt>{{#MEMBER}}<dd>{{WHO}}{{#DEPARTMENT}}, {{DEPARTMENT}}{{/DEPARTMENT}}{{#NAMES}}: {{NAMES}}{{/NAMES}}</dd>{{/MEMBER}}{{/DELEGATION}}
{{#PARTICIPANTS}}<dt>Participants</dt><dd>{{PARTICIPANTS}}</dd>{{/PARTICIPANTS}}
{{#COUNTRIES}}<dt>Countries represented</dt><dd>{{COUNTRIES}}</dd>{{/COUNTRIES}}
</dl>
</aside>
