{{%AUTOESCAPE context="HTML"}}
<h1>{{HEADING}}</h1>
{{#NOTICE}}<p class="notice" role="status">{{TEXT}}</p>{{/NOTICE}}
{{#EXISTING}}<p class="workflow-state">Status: <strong class="status status-{{STATUS}}">{{STATUS_LABEL}}</strong>{{#IS_EDITION}} (the next edition; the published one stays live until this is published){{/IS_EDITION}}</p>
<p class="release-links"><a href="/admin/releases/{{ID}}/preview">Preview as the public will see it</a> <a href="/admin/releases/{{ID}}/history">History and changes</a></p>{{/EXISTING}}
{{#LANGUAGES}}<section class="languages" aria-labelledby="languages-heading">
<h2 id="languages-heading">Languages</h2>
<p>This version is in {{LANG_NAME}}.</p>
{{#OUT_OF_DATE}}<div class="notice flag" role="note"><p>May be out of date: another version published a major change on {{WHEN}}. Edit this version to match, or say it still holds.</p>
<form method="post" action="/admin/releases/{{ID}}/still-current" class="inline"><input type="hidden" name="csrf" value="{{CSRF}}"><button type="submit">It still holds</button></form></div>{{/OUT_OF_DATE}}
{{#VERSIONS}}<p>The {{LANG_NAME}} version: <a href="/admin/releases/{{ID}}" lang="{{LANG}}">{{TITLE}}</a> ({{STATUS_LABEL}})</p>
{{/VERSIONS}}{{#ADD_VERSION}}<p><a href="/admin/releases/new?translation_of={{ID}}">Add the {{LANG_NAME}} version</a></p>{{/ADD_VERSION}}
</section>{{/LANGUAGES}}
{{#PUBLIC}}<p>This release is public at <a href="{{URL}}">{{URL}}</a>.</p>{{/PUBLIC}}
{{#SCHEDULED}}<p class="notice">Scheduled to be published on {{WHEN}}.</p>{{/SCHEDULED}}
{{#WITHDRAW_SCHEDULED}}<p class="notice">Scheduled to be withdrawn on {{WHEN}}.</p>{{/WITHDRAW_SCHEDULED}}
{{#REVIEW_NOTE}}<div class="review-note" role="note"><h2>The reviewer asked for changes</h2><p>{{TEXT}}</p></div>{{/REVIEW_NOTE}}
{{#OVERRIDE_FLAG}}<p class="notice flag">Published by an admin without review. Reason: {{REASON}}. An editor should look at it.</p>{{/OVERRIDE_FLAG}}
{{#READ_ONLY}}<p class="notice">You cannot change this release now; it is shown for reference.</p>{{/READ_ONLY}}
{{#THEIRS}}
<section class="conflict" aria-labelledby="theirs-heading">
<h2 id="theirs-heading">Their version (saved as version {{VERSION}})</h2>
<h3>{{TITLE}}</h3>
<p>{{SUMMARY}}</p>
<pre class="their-body">{{BODY:pre_escape}}</pre>
<h2>Your version</h2>
</section>
{{/THEIRS}}
{{#HAS_ERRORS}}
<div class="error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1">
<h2 id="error-summary-title">Please fix {{COUNT}} problem(s); nothing you typed has been lost</h2>
<ul>
{{#ERRORS}}<li><a href="#{{FIELD_ID}}">{{ROW}} {{LABEL}} {{MESSAGE}}</a></li>{{/ERRORS}}
</ul>
</div>
{{/HAS_ERRORS}}
<form method="post" action="{{ACTION}}" class="stacked release-form" enctype="multipart/form-data" novalidate>
<input type="hidden" name="csrf" value="{{CSRF}}">
{{#EXISTING}}<input type="hidden" name="version" value="{{VERSION}}">{{/EXISTING}}
{{#NEW}}<input type="hidden" name="form_key" value="{{FORM_KEY}}">{{/NEW}}
{{#TRANSLATION}}{{#NEW_TRANSLATION}}<input type="hidden" name="translation_of" value="{{ID}}">
<section class="original" aria-labelledby="original-heading">
<h2 id="original-heading">The original, in {{ORIGINAL_LANG_NAME}}</h2>
<h3 lang="{{ORIGINAL_LANG}}">{{ORIGINAL_TITLE}}</h3>
<p lang="{{ORIGINAL_LANG}}">{{ORIGINAL_SUMMARY}}</p>
<pre class="their-body" lang="{{ORIGINAL_LANG}}">{{ORIGINAL_BODY:pre_escape}}</pre>
</section>{{/NEW_TRANSLATION}}{{/TRANSLATION}}

<fieldset>
<legend>The release</legend>
<p class="field{{#language_invalid}} invalid{{/language_invalid}}">
<label for="language">Language of the text</label>
{{#language_invalid}}<span class="field-error" id="language-error">Language {{language_error}}</span>{{/language_invalid}}
<select id="language" name="language"{{#LANGUAGE_FIXED}} disabled aria-describedby="language-fixed"{{/LANGUAGE_FIXED}}{{#language_invalid}} aria-invalid="true"{{/language_invalid}}>
{{#LANGUAGE_OPTIONS}}<option value="{{VALUE}}" lang="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/LANGUAGE_OPTIONS}}</select>
{{#LANGUAGE_FIXED}}<span class="hint" id="language-fixed">Fixed once published, as its address is.</span>{{/LANGUAGE_FIXED}}
</p>
<p class="field{{#title_invalid}} invalid{{/title_invalid}}">
<label for="title">Title</label>
{{#title_invalid}}<span class="field-error" id="title-error">Title {{title_error}}</span>{{/title_invalid}}
<input id="title" name="title" value="{{title}}" maxlength="200" required{{#title_invalid}} aria-invalid="true" aria-describedby="title-error"{{/title_invalid}}>
</p>
<p class="field{{#summary_invalid}} invalid{{/summary_invalid}}">
<label for="summary">Summary <span class="hint">(one or two sentences for listings and feeds)</span></label>
{{#summary_invalid}}<span class="field-error" id="summary-error">Summary {{summary_error}}</span>{{/summary_invalid}}
<textarea id="summary" name="summary" rows="3" maxlength="600"{{#summary_invalid}} aria-invalid="true" aria-describedby="summary-error"{{/summary_invalid}}>{{summary:pre_escape}}</textarea>
</p>
<p class="field{{#body_invalid}} invalid{{/body_invalid}}">
<label for="body">Body <span class="hint">(Markdown: blank lines between paragraphs, ## for a heading, - for a list)</span></label>
{{#body_invalid}}<span class="field-error" id="body-error">Body {{body_error}}</span>{{/body_invalid}}
<textarea id="body" name="body" rows="16" required{{#body_invalid}} aria-invalid="true" aria-describedby="body-error"{{/body_invalid}}>{{body:pre_escape}}</textarea>
</p>
</fieldset>

{{#EVENT_PART}}
<fieldset>
<legend>The event</legend>
<p class="field{{#event_id_invalid}} invalid{{/event_id_invalid}}">
<label for="event_id">Event this release is about</label>
{{#event_id_invalid}}<span class="field-error" id="event_id-error">Event {{event_id_error}}</span>{{/event_id_invalid}}
<select id="event_id" name="event_id">
<option value=""{{#NO_EVENT_SELECTED}} selected{{/NO_EVENT_SELECTED}}>No event</option>
<option value="new"{{#NEW_EVENT_SELECTED}} selected{{/NEW_EVENT_SELECTED}}>A new event, described below</option>
{{#EVENT_OPTIONS}}<option value="{{ID}}"{{#SELECTED}} selected{{/SELECTED}}>{{TITLE}} ({{YEAR}})</option>
{{/EVENT_OPTIONS}}
</select>
</p>

<fieldset class="new-event">
<legend>A new event <span class="hint">(used when "A new event" is chosen above)</span></legend>
<p class="field{{#event_title_invalid}} invalid{{/event_title_invalid}}">
<label for="event_title">Event title</label>
{{#event_title_invalid}}<span class="field-error" id="event_title-error">Event title {{event_title_error}}</span>{{/event_title_invalid}}
<input id="event_title" name="event_title" value="{{event_title}}" maxlength="200"{{#event_title_invalid}} aria-invalid="true" aria-describedby="event_title-error"{{/event_title_invalid}}>
</p>
<p class="field{{#event_kind_invalid}} invalid{{/event_kind_invalid}}">
<label for="event_kind">Kind of event</label>
{{#event_kind_invalid}}<span class="field-error" id="event_kind-error">Kind of event {{event_kind_error}}</span>{{/event_kind_invalid}}
<select id="event_kind" name="event_kind">
{{#KIND_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{VALUE}}</option>
{{/KIND_OPTIONS}}
</select>
</p>
<div class="row">
<p class="field{{#event_starts_on_invalid}} invalid{{/event_starts_on_invalid}}">
<label for="event_starts_on">First day</label>
{{#event_starts_on_invalid}}<span class="field-error" id="event_starts_on-error">First day {{event_starts_on_error}}</span>{{/event_starts_on_invalid}}
<input id="event_starts_on" name="event_starts_on" type="date" value="{{event_starts_on}}"{{#event_starts_on_invalid}} aria-invalid="true" aria-describedby="event_starts_on-error"{{/event_starts_on_invalid}}>
</p>
<p class="field{{#event_ends_on_invalid}} invalid{{/event_ends_on_invalid}}">
<label for="event_ends_on">Last day <span class="hint">(empty for a one-day event)</span></label>
{{#event_ends_on_invalid}}<span class="field-error" id="event_ends_on-error">Last day {{event_ends_on_error}}</span>{{/event_ends_on_invalid}}
<input id="event_ends_on" name="event_ends_on" type="date" value="{{event_ends_on}}"{{#event_ends_on_invalid}} aria-invalid="true" aria-describedby="event_ends_on-error"{{/event_ends_on_invalid}}>
</p>
</div>
<p class="field{{#event_venue_invalid}} invalid{{/event_venue_invalid}}">
<label for="event_venue">Venue</label>
{{#event_venue_invalid}}<span class="field-error" id="event_venue-error">Venue {{event_venue_error}}</span>{{/event_venue_invalid}}
<input id="event_venue" name="event_venue" value="{{event_venue}}" maxlength="200"{{#event_venue_invalid}} aria-invalid="true" aria-describedby="event_venue-error"{{/event_venue_invalid}}>
</p>
<div class="row">
<p class="field{{#event_city_invalid}} invalid{{/event_city_invalid}}">
<label for="event_city">City</label>
{{#event_city_invalid}}<span class="field-error" id="event_city-error">City {{event_city_error}}</span>{{/event_city_invalid}}
<input id="event_city" name="event_city" value="{{event_city}}" maxlength="100"{{#event_city_invalid}} aria-invalid="true" aria-describedby="event_city-error"{{/event_city_invalid}}>
</p>
<p class="field{{#event_country_invalid}} invalid{{/event_country_invalid}}">
<label for="event_country">Country</label>
{{#event_country_invalid}}<span class="field-error" id="event_country-error">Country {{event_country_error}}</span>{{/event_country_invalid}}
<select id="event_country" name="event_country"{{#event_country_invalid}} aria-invalid="true" aria-describedby="event_country-error"{{/event_country_invalid}}>
<option value="">Not told</option>
{{#COUNTRY_OPTIONS}}<option value="{{VALUE}}"{{#SELECTED}} selected{{/SELECTED}}>{{NAME}}</option>
{{/COUNTRY_OPTIONS}}
</select>
</p>
</div>
<div class="row">
<p class="field{{#event_participants_invalid}} invalid{{/event_participants_invalid}}">
<label for="event_participants">Participants in all</label>
{{#event_participants_invalid}}<span class="field-error" id="event_participants-error">Participants in all {{event_participants_error}}</span>{{/event_participants_invalid}}
<input id="event_participants" name="event_participants" inputmode="numeric" value="{{event_participants}}"{{#event_participants_invalid}} aria-invalid="true" aria-describedby="event_participants-error"{{/event_participants_invalid}}>
</p>
<p class="field{{#event_countries_invalid}} invalid{{/event_countries_invalid}}">
<label for="event_countries">Countries represented</label>
{{#event_countries_invalid}}<span class="field-error" id="event_countries-error">Countries represented {{event_countries_error}}</span>{{/event_countries_invalid}}
<input id="event_countries" name="event_countries" inputmode="numeric" value="{{event_countries}}"{{#event_countries_invalid}} aria-invalid="true" aria-describedby="event_countries-error"{{/event_countries_invalid}}>
</p>
</div>
<p class="field{{#event_organisers_invalid}} invalid{{/event_organisers_invalid}}">
<label for="event_organisers">Organisers <span class="hint">(one per line, e.g. United Nations Office on Drugs and Crime (UNODC))</span></label>
{{#event_organisers_invalid}}<span class="field-error" id="event_organisers-error">Organisers {{event_organisers_error}}</span>{{/event_organisers_invalid}}
<textarea id="event_organisers" name="event_organisers" rows="2"{{#event_organisers_invalid}} aria-invalid="true" aria-describedby="event_organisers-error"{{/event_organisers_invalid}}>{{event_organisers:pre_escape}}</textarea>
</p>
<p class="field{{#event_sponsors_invalid}} invalid{{/event_sponsors_invalid}}">
<label for="event_sponsors">Sponsors <span class="hint">(one per line)</span></label>
{{#event_sponsors_invalid}}<span class="field-error" id="event_sponsors-error">Sponsors {{event_sponsors_error}}</span>{{/event_sponsors_invalid}}
<textarea id="event_sponsors" name="event_sponsors" rows="2"{{#event_sponsors_invalid}} aria-invalid="true" aria-describedby="event_sponsors-error"{{/event_sponsors_invalid}}>{{event_sponsors:pre_escape}}</textarea>
</p>

<fieldset class="delegation">
<legend>Our delegation</legend>
<p class="field{{#delegation_from_invalid}} invalid{{/delegation_from_invalid}}">
<label for="delegation_from">Delegation sent by</label>
{{#delegation_from_invalid}}<span class="field-error" id="delegation_from-error">Delegation sent by {{delegation_from_error}}</span>{{/delegation_from_invalid}}
<input id="delegation_from" name="delegation_from" value="{{delegation_from}}" maxlength="200"{{#delegation_from_invalid}} aria-invalid="true" aria-describedby="delegation_from-error"{{/delegation_from_invalid}}>
</p>
{{#MEMBERS}}
<fieldset class="member row">
<legend>Delegation row {{ROW}}</legend>
<p class="field{{#member_role_invalid}} invalid{{/member_role_invalid}}">
<label for="member_role-{{ROW}}">Role <span class="hint">(e.g. legal counsel)</span></label>
{{#member_role_invalid}}<span class="field-error" id="member_role-{{ROW}}-error">Role {{member_role_error}}</span>{{/member_role_invalid}}
<input id="member_role-{{ROW}}" name="member_role" value="{{member_role}}" maxlength="100"{{#member_role_invalid}} aria-invalid="true"{{/member_role_invalid}}>
</p>
<p class="field{{#member_department_invalid}} invalid{{/member_department_invalid}}">
<label for="member_department-{{ROW}}">Department</label>
{{#member_department_invalid}}<span class="field-error" id="member_department-{{ROW}}-error">Department {{member_department_error}}</span>{{/member_department_invalid}}
<input id="member_department-{{ROW}}" name="member_department" value="{{member_department}}" maxlength="200"{{#member_department_invalid}} aria-invalid="true"{{/member_department_invalid}}>
</p>
<p class="field narrow-field{{#member_count_invalid}} invalid{{/member_count_invalid}}">
<label for="member_count-{{ROW}}">Number</label>
{{#member_count_invalid}}<span class="field-error" id="member_count-{{ROW}}-error">Number {{member_count_error}}</span>{{/member_count_invalid}}
<input id="member_count-{{ROW}}" name="member_count" inputmode="numeric" value="{{member_count}}"{{#member_count_invalid}} aria-invalid="true"{{/member_count_invalid}}>
</p>
<p class="field{{#member_names_invalid}} invalid{{/member_names_invalid}}">
<label for="member_names-{{ROW}}">Names <span class="hint">(optional, if they may be published)</span></label>
{{#member_names_invalid}}<span class="field-error" id="member_names-{{ROW}}-error">Names {{member_names_error}}</span>{{/member_names_invalid}}
<input id="member_names-{{ROW}}" name="member_names" value="{{member_names}}" maxlength="500"{{#member_names_invalid}} aria-invalid="true"{{/member_names_invalid}}>
</p>
</fieldset>
{{/MEMBERS}}
</fieldset>
</fieldset>
</fieldset>
{{/EVENT_PART}}
{{#TRANSLATION}}<p class="notice">This version shares the event of the original, <a href="/admin/releases/{{ID}}">{{ORIGINAL_TITLE}}</a>: change the event there.</p>{{/TRANSLATION}}

{{#MEDIA}}
{{#LOCKED}}<p class="notice">This release is published: only an editor can change its photographs and documents, since a change shows to readers at once.</p>{{/LOCKED}}
<fieldset class="media" id="photographs"{{#LOCKED}} disabled{{/LOCKED}}>
<legend>Photographs</legend>
<p class="hint">JPEG, PNG or WebP. Location and camera details are removed before anyone sees it; the first photograph is the lead image shown in feeds and links.</p>
{{#CHOOSE_AGAIN}}<p class="notice">Browsers forget a chosen file when a form comes back: choose the file again before you save.</p>{{/CHOOSE_AGAIN}}
{{#PHOTOS}}
<fieldset class="photo-row">
<legend>Photograph {{POSITION}}</legend>
<img class="photo-thumb" src="{{THUMB}}" alt="" width="160">
<p class="field{{#ALT_INVALID}} invalid{{/ALT_INVALID}}">
<label for="photo_alt_{{ID}}">Alt text <span class="hint">(what the photograph shows, for those who cannot see it)</span></label>
{{#ALT_INVALID}}<span class="field-error" id="photo_alt_{{ID}}-error">Alt text {{ALT_ERROR}}</span>{{/ALT_INVALID}}
<input id="photo_alt_{{ID}}" name="photo_alt_{{ID}}" value="{{ALT}}" maxlength="300"{{#ALT_INVALID}} aria-invalid="true" aria-describedby="photo_alt_{{ID}}-error"{{/ALT_INVALID}}>
</p>
<p class="field{{#CAPTION_INVALID}} invalid{{/CAPTION_INVALID}}">
<label for="photo_caption_{{ID}}">Caption</label>
{{#CAPTION_INVALID}}<span class="field-error" id="photo_caption_{{ID}}-error">Caption {{CAPTION_ERROR}}</span>{{/CAPTION_INVALID}}
<input id="photo_caption_{{ID}}" name="photo_caption_{{ID}}" value="{{CAPTION}}" maxlength="500">
</p>
<p class="field{{#CREDIT_INVALID}} invalid{{/CREDIT_INVALID}}">
<label for="photo_credit_{{ID}}">Credit</label>
{{#CREDIT_INVALID}}<span class="field-error" id="photo_credit_{{ID}}-error">Credit {{CREDIT_ERROR}}</span>{{/CREDIT_INVALID}}
<input id="photo_credit_{{ID}}" name="photo_credit_{{ID}}" value="{{CREDIT}}" maxlength="200">
</p>
<div class="row">
<p class="field narrow-field"><label for="photo_position_{{ID}}">Order</label>
<input id="photo_position_{{ID}}" name="photo_position_{{ID}}" inputmode="numeric" value="{{POSITION}}"></p>
<p class="field checkbox"><input type="radio" id="lead_photo_{{ID}}" name="lead_photo" value="{{ID}}"{{#LEAD}} checked{{/LEAD}}>
<label for="lead_photo_{{ID}}">Lead image</label></p>
<p class="field checkbox"><input type="checkbox" id="photo_remove_{{ID}}" name="photo_remove_{{ID}}" value="1"{{#REMOVE}} checked{{/REMOVE}}>
<label for="photo_remove_{{ID}}">Remove</label></p>
</div>
</fieldset>
{{/PHOTOS}}
<fieldset class="photo-new">
<legend>Add a photograph</legend>
<p class="field{{#NEW_PHOTO_INVALID}} invalid{{/NEW_PHOTO_INVALID}}">
<label for="new_photo">Photograph file</label>
{{#NEW_PHOTO_INVALID}}<span class="field-error" id="new_photo-error">Photograph {{NEW_PHOTO_ERROR}}</span>{{/NEW_PHOTO_INVALID}}
<input id="new_photo" name="new_photo" type="file" accept="image/jpeg,image/png,image/webp"{{#NEW_PHOTO_INVALID}} aria-invalid="true" aria-describedby="new_photo-error"{{/NEW_PHOTO_INVALID}}>
</p>
<p class="field{{#NEW_ALT_INVALID}} invalid{{/NEW_ALT_INVALID}}">
<label for="new_photo_alt">Alt text <span class="hint">(required with a photograph)</span></label>
{{#NEW_ALT_INVALID}}<span class="field-error" id="new_photo_alt-error">Alt text {{NEW_ALT_ERROR}}</span>{{/NEW_ALT_INVALID}}
<input id="new_photo_alt" name="new_photo_alt" value="{{NEW_ALT}}" maxlength="300"{{#NEW_ALT_INVALID}} aria-invalid="true" aria-describedby="new_photo_alt-error"{{/NEW_ALT_INVALID}}>
</p>
<p class="field{{#NEW_CAPTION_INVALID}} invalid{{/NEW_CAPTION_INVALID}}">
<label for="new_photo_caption">Caption</label>
{{#NEW_CAPTION_INVALID}}<span class="field-error" id="new_photo_caption-error">Caption {{NEW_CAPTION_ERROR}}</span>{{/NEW_CAPTION_INVALID}}
<input id="new_photo_caption" name="new_photo_caption" value="{{NEW_CAPTION}}" maxlength="500">
</p>
<p class="field{{#NEW_CREDIT_INVALID}} invalid{{/NEW_CREDIT_INVALID}}">
<label for="new_photo_credit">Credit <span class="hint">(who took it)</span></label>
{{#NEW_CREDIT_INVALID}}<span class="field-error" id="new_photo_credit-error">Credit {{NEW_CREDIT_ERROR}}</span>{{/NEW_CREDIT_INVALID}}
<input id="new_photo_credit" name="new_photo_credit" value="{{NEW_CREDIT}}" maxlength="200">
</p>
</fieldset>
</fieldset>

<fieldset class="media" id="documents"{{#LOCKED}} disabled{{/LOCKED}}>
<legend>Documents</legend>
<p class="hint">PDF files: the official statement, a speech, a treaty text. Readers see the title, size and page count.</p>
{{#ATTACHMENTS}}
<fieldset class="attachment-row">
<legend>Document {{POSITION}}: <a href="{{URL}}">{{TITLE}}</a> (PDF, {{SIZE}}, {{PAGES}} {{PAGES_WORD}})</legend>
<p class="field{{#TITLE_INVALID}} invalid{{/TITLE_INVALID}}">
<label for="attachment_title_{{ID}}">Title</label>
{{#TITLE_INVALID}}<span class="field-error" id="attachment_title_{{ID}}-error">Title {{TITLE_ERROR}}</span>{{/TITLE_INVALID}}
<input id="attachment_title_{{ID}}" name="attachment_title_{{ID}}" value="{{TITLE}}" maxlength="200"{{#TITLE_INVALID}} aria-invalid="true" aria-describedby="attachment_title_{{ID}}-error"{{/TITLE_INVALID}}>
</p>
<div class="row">
<p class="field narrow-field"><label for="attachment_position_{{ID}}">Order</label>
<input id="attachment_position_{{ID}}" name="attachment_position_{{ID}}" inputmode="numeric" value="{{POSITION}}"></p>
<p class="field checkbox"><input type="checkbox" id="attachment_remove_{{ID}}" name="attachment_remove_{{ID}}" value="1"{{#REMOVE}} checked{{/REMOVE}}>
<label for="attachment_remove_{{ID}}">Remove</label></p>
</div>
</fieldset>
{{/ATTACHMENTS}}
<fieldset class="attachment-new">
<legend>Add a document</legend>
<p class="field{{#NEW_ATTACHMENT_INVALID}} invalid{{/NEW_ATTACHMENT_INVALID}}">
<label for="new_attachment">PDF file</label>
{{#NEW_ATTACHMENT_INVALID}}<span class="field-error" id="new_attachment-error">Attachment {{NEW_ATTACHMENT_ERROR}}</span>{{/NEW_ATTACHMENT_INVALID}}
<input id="new_attachment" name="new_attachment" type="file" accept="application/pdf"{{#NEW_ATTACHMENT_INVALID}} aria-invalid="true" aria-describedby="new_attachment-error"{{/NEW_ATTACHMENT_INVALID}}>
</p>
<p class="field{{#NEW_TITLE_INVALID}} invalid{{/NEW_TITLE_INVALID}}">
<label for="new_attachment_title">Document title <span class="hint">(required with a file, e.g. "Joint statement")</span></label>
{{#NEW_TITLE_INVALID}}<span class="field-error" id="new_attachment_title-error">Document title {{NEW_TITLE_ERROR}}</span>{{/NEW_TITLE_INVALID}}
<input id="new_attachment_title" name="new_attachment_title" value="{{NEW_TITLE}}" maxlength="200"{{#NEW_TITLE_INVALID}} aria-invalid="true" aria-describedby="new_attachment_title-error"{{/NEW_TITLE_INVALID}}>
</p>
</fieldset>
</fieldset>
{{/MEDIA}}

{{#EDITION}}
<fieldset>
<legend>Edition {{NEXT_EDITION}}: what changed</legend>
<p class="field{{#change_note_invalid}} invalid{{/change_note_invalid}}">
<label for="change_note">Change note <span class="hint">(needed to publish this edition, e.g. "Corrected the dates")</span></label>
{{#change_note_invalid}}<span class="field-error" id="change_note-error">Change note {{change_note_error}}</span>{{/change_note_invalid}}
<input id="change_note" name="change_note" value="{{change_note}}" maxlength="500"{{#change_note_invalid}} aria-invalid="true" aria-describedby="change_note-error"{{/change_note_invalid}}>
</p>
<p class="field checkbox"><input type="checkbox" id="major" name="major" value="1"{{#MAJOR_CHECKED}} checked{{/MAJOR_CHECKED}}>
<label for="major">Major change: list the change note on the public page</label></p>
</fieldset>
{{/EDITION}}

{{#CAN_SAVE}}
<p class="actions">
<button type="submit" name="action" value="save">Save draft</button>
<button type="submit" name="action" value="submit" class="primary">Save and submit for review</button>
</p>
{{/CAN_SAVE}}
</form>
{{>WORKFLOW}}
