{{%AUTOESCAPE context="HTML"}}
<p class="kicker">Changes to a release</p>
<h1>{{TITLE}}: version {{FROM}} to version {{TO}}</h1>
<p>Version {{FROM}} was saved by {{FROM_BY}} on <time datetime="{{FROM_AT_ISO}}">{{FROM_AT}}</time>; version {{TO}} by {{TO_BY}} on <time datetime="{{TO_AT_ISO}}">{{TO_AT}}</time>.</p>
<p><a href="/admin/releases/{{ID}}/history">Back to the history</a> | <a href="/admin/releases/{{ID}}">Back to the release</a></p>
<p class="diff-legend">A line marked <ins><span class="diff-mark">+</span> added</ins> is new in version {{TO}}; a line marked <del><span class="diff-mark">&minus;</span> removed</del> was in version {{FROM}} and is gone. Unmarked lines are the same in both.</p>
{{#FIELDS}}
<section class="diff-field" aria-labelledby="diff-{{KEY}}">
<h2 id="diff-{{KEY}}">{{NAME}}</h2>
{{#UNCHANGED}}<p>No change.</p>{{/UNCHANGED}}
{{#CHANGED}}
<p>{{ADDED}} line(s) added, {{REMOVED}} removed.{{#REPLACED}} The two versions differ too much to line up, so the changed part is shown as removed in full, then added in full.{{/REPLACED}}</p>
<ul class="diff">
{{#LINE}}<li>{{#SAME}}<span class="diff-mark">&nbsp;</span> {{TEXT}}{{/SAME}}{{#DEL}}<del><span class="diff-mark">&minus;</span> {{TEXT}}</del>{{/DEL}}{{#INS}}<ins><span class="diff-mark">+</span> {{TEXT}}</ins>{{/INS}}{{#SKIP}}<em>({{COUNT}} unchanged lines not shown)</em>{{/SKIP}}</li>
{{/LINE}}
</ul>
{{/CHANGED}}
</section>
{{/FIELDS}}
{{>COMPARE}}
