{{%AUTOESCAPE context="HTML"}}
{{>PREVIEW_BANNER}}
<article class="release">
{{#WITHDRAWN}}<div class="withdrawn-notice" role="note"><h2>This release was withdrawn on {{WHEN}}</h2><p>{{REASON}}</p></div>{{/WITHDRAWN}}
<p class="kicker">Press release</p>
<h1 lang="{{LANG}}">{{TITLE}}</h1>
<p class="meta"><time datetime="{{DATE_ISO}}" lang="{{LANG}}">{{DATE}}</time></p>
{{#OTHER_VERSIONS}}<p class="other-language"><a href="{{URL}}" hreflang="{{VERSION_LANG}}" lang="{{VERSION_LANG}}">{{READ_IN}}</a></p>{{/OTHER_VERSIONS}}
{{#UPDATES}}<p class="update">Updated <time datetime="{{WHEN_ISO}}" lang="{{LANG}}">{{WHEN}}</time>: <span lang="{{LANG}}">{{NOTE}}</span></p>{{/UPDATES}}
{{#HAS_SUMMARY}}<p class="summary" lang="{{LANG}}">{{SUMMARY}}</p>{{/HAS_SUMMARY}}
{{#LEAD_PHOTO}}<figure class="photo lead-photo">
<picture><source type="image/webp" srcset="{{SRCSET_WEBP}}" sizes="{{SIZES}}"><img src="{{SRC}}" srcset="{{SRCSET_JPEG}}" sizes="{{SIZES}}" width="{{WIDTH}}" height="{{HEIGHT}}" alt="{{ALT}}"></picture>
{{#FIGCAPTION}}<figcaption>{{CAPTION}}{{#CREDIT}} <span class="credit">Photo: {{TEXT}}</span>{{/CREDIT}}</figcaption>{{/FIGCAPTION}}
</figure>{{/LEAD_PHOTO}}
<div class="body" lang="{{LANG}}">
{{BODY_HTML:none}}
</div>
{{#PHOTOS}}<figure class="photo">
<picture><source type="image/webp" srcset="{{SRCSET_WEBP}}" sizes="{{SIZES}}"><img src="{{SRC}}" srcset="{{SRCSET_JPEG}}" sizes="{{SIZES}}" width="{{WIDTH}}" height="{{HEIGHT}}" alt="{{ALT}}" loading="lazy"></picture>
{{#FIGCAPTION}}<figcaption>{{CAPTION}}{{#CREDIT}} <span class="credit">Photo: {{TEXT}}</span>{{/CREDIT}}</figcaption>{{/FIGCAPTION}}
</figure>{{/PHOTOS}}
{{#HAS_ATTACHMENTS}}<section class="attachments" aria-labelledby="attachments-heading">
<h2 id="attachments-heading">Documents</h2>
<ul>
{{#ATTACHMENTS}}<li class="attachment"><a href="{{URL}}"><picture><source type="image/webp" srcset="{{THUMB_WEBP}}"><img class="thumb" src="{{THUMB}}" width="{{THUMB_WIDTH}}" height="{{THUMB_HEIGHT}}" alt="" loading="lazy"></picture><span class="attachment-title">{{TITLE}}</span></a> <span class="attachment-meta">{{TYPE}}, {{SIZE}}, {{PAGES}} {{PAGES_WORD}}</span></li>
{{/ATTACHMENTS}}</ul>
</section>{{/HAS_ATTACHMENTS}}
{{>EVENT_BOX}}
<p class="contact">{{CONTACT}}</p>
</article>
