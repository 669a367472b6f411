{{%AUTOESCAPE context="HTML"}}
{{#HAS_ACTIONS}}
<section class="workflow" aria-labelledby="workflow-heading">
<h2 id="workflow-heading">Review and publication</h2>
{{#CAN_SUBMIT}}
<form method="post" action="/admin/releases/{{ID}}/workflow" class="stacked">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><button type="submit" name="action" value="submit">Submit for review</button></p>
</form>
{{/CAN_SUBMIT}}
{{#CAN_APPROVE}}
<form method="post" action="/admin/releases/{{ID}}/workflow" class="stacked">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><button type="submit" name="action" value="approve" class="primary">Approve</button></p>
</form>
{{/CAN_APPROVE}}
{{#CAN_REQUEST_CHANGES}}
<form method="post" action="/admin/releases/{{ID}}/workflow" class="stacked">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p class="field"><label for="note-changes">Comment for the author</label>
<textarea id="note-changes" name="note" rows="3">{{NOTE_TYPED:pre_escape}}</textarea></p>
<p><button type="submit" name="action" value="request_changes">Send back for changes</button></p>
</form>
{{/CAN_REQUEST_CHANGES}}
{{#CAN_PUBLISH}}
<form method="post" action="/admin/releases/{{ID}}/workflow" class="stacked">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<div class="row">
<p class="field"><label for="publish_at">Publish at <span class="hint">(empty: now; office time)</span></label>
<input id="publish_at" name="publish_at" type="datetime-local"></p>
<p class="field"><label for="withdraw_at">Withdraw at <span class="hint">(optional)</span></label>
<input id="withdraw_at" name="withdraw_at" type="datetime-local"></p>
</div>
<p class="field"><label for="withdraw_note">Reason shown when it is withdrawn <span class="hint">(with Withdraw at)</span></label>
<input id="withdraw_note" name="withdraw_note" maxlength="500"></p>
<p><button type="submit" name="action" value="publish" class="primary">Publish</button></p>
</form>
{{/CAN_PUBLISH}}
{{#CAN_OVERRIDE}}
<form method="post" action="/admin/releases/{{ID}}/workflow" class="stacked">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p class="field"><label for="note-override">Reason for publishing without review</label>
<textarea id="note-override" name="note" rows="2">{{NOTE_TYPED:pre_escape}}</textarea></p>
<p><button type="submit" name="action" value="override">Publish without review (admin)</button></p>
</form>
{{/CAN_OVERRIDE}}
{{#CAN_CONFIRM_OVERRIDE}}
<form method="post" action="/admin/releases/{{ID}}/workflow" class="stacked">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><button type="submit" name="action" value="confirm_override">I have looked at it</button></p>
</form>
{{/CAN_CONFIRM_OVERRIDE}}
{{#CAN_WITHDRAW}}
<form method="post" action="/admin/releases/{{ID}}/workflow" class="stacked">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p class="field"><label for="note-withdraw">Reason for withdrawing <span class="hint">(shown on the page)</span></label>
<textarea id="note-withdraw" name="note" rows="2">{{NOTE_TYPED:pre_escape}}</textarea></p>
<p><button type="submit" name="action" value="withdraw">Withdraw</button></p>
</form>
{{/CAN_WITHDRAW}}
{{#CAN_UNPUBLISH}}
<form method="post" action="/admin/releases/{{ID}}/workflow" class="stacked">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p class="field"><label for="replaced_by">Number of the release that replaces it <span class="hint">(optional; empty: the page answers 410 Gone)</span></label>
<input id="replaced_by" name="replaced_by" inputmode="numeric"></p>
<p><button type="submit" name="action" value="unpublish">Unpublish</button></p>
</form>
{{/CAN_UNPUBLISH}}
{{#CAN_DELETE}}
<form method="post" action="/admin/releases/{{ID}}/workflow" class="stacked">
<input type="hidden" name="csrf" value="{{CSRF}}"><input type="hidden" name="version" value="{{VERSION}}">
<p><button type="submit" name="action" value="delete" class="danger">Delete this draft</button> <span class="hint">(it has never been public; its history goes with it)</span></p>
</form>
{{/CAN_DELETE}}
</section>
{{/HAS_ACTIONS}}
<section class="comments" id="comments" aria-labelledby="comments-heading">
<h2 id="comments-heading">Staff comments</h2>
{{#COMMENTS}}
<article class="comment"><p class="meta">{{AUTHOR}}, <time datetime="{{AT_ISO}}">{{AT}}</time></p><p>{{BODY}}</p></article>
{{/COMMENTS}}
<form method="post" action="/admin/releases/{{RELEASE_ID}}/comments" class="stacked">
<input type="hidden" name="csrf" value="{{CSRF}}">
<p class="field"><label for="comment">Add a comment <span class="hint">(staff only, never public)</span></label>
<textarea id="comment" name="comment" rows="3"></textarea></p>
<p><button type="submit">Add comment</button></p>
</form>
</section>
