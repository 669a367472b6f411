# t_workflow: a second pair of eyes (issue 3): who may submit, review, publish, override, withdraw and
# unpublish; editions with change notes; stale versions; staff comments; the review queue, its Atom
# feed and the waiting counts.

. tests/e2e/workflow_lib.sh
A1="$TMP/wf-author1.jar" A2="$TMP/wf-author2.jar" A3="$TMP/wf-author3.jar"
ED="$TMP/wf-editor1.jar" ADM="$TMP/wf-admin1.jar"

# st_is WANT ID: the release row's status is WANT.
st_is() {
	sql_is "$1" "SELECT status FROM releases WHERE id = ${2:-0}"
}

# ver ID: the release's current version, as the database has it.
ver() {
	sql "SELECT version FROM releases WHERE id = ${1:-0}"
}

# listed TITLE: / lists a release with that exact title (as HTML shows it).
listed() {
	http GET /
	[ "$STATUS" = 200 ] && grep -qF ">$1</a>" "$BODY"
}

# text_of: the last body without its tags, on one line, for checks on what a reader reads.
text_of() {
	tr '\n' ' ' < "$BODY" | sed -e 's/<[^>]*>//g' -e 's/  */ /g'
}

# queue_row ID: the row of /admin/review (the last body) that links to release ID, on one line.
queue_row() {
	tr '\n' ' ' < "$BODY" | sed 's|<tr>|\n<tr>|g' | grep -F "href=\"/admin/releases/$1\""
}

# version_bumped BEFORE ID: the release's version is now greater than BEFORE.
version_bumped() {
	[ "$(ver "$2")" -gt "$1" ] 2>/dev/null || { diag "version of $2: $(ver "$2"), was $1"; false; }
}

login "$A1" author1 author-one-password; s1=$STATUS
login "$A2" author2 author-two-password; s2=$STATUS
login "$ED" editor1 editor-one-password; s3=$STATUS
login "$ADM" admin1 admin-one-password; s4=$STATUS
# author3 is new, so what waits for them is only what this file sends back.
echo 'author-three-password' | "$PRESSROOMCTL" -d "$DB" user add author3 --role author >>"$CTL_LOG" 2>&1
login "$A3" author3 author-three-password; s5=$STATUS
check "author1, author2, editor1, admin1 and a new author3 log in ($s1 $s2 $s3 $s4 $s5)" \
    test "$s1 $s2 $s3 $s4 $s5" = "303 303 303 303 303"

# --- The author cannot publish alone. ---
T1="Workflow one: the author cannot publish alone"
new_release "$A1" "$T1" submit
R1=${NEW_ID:-0}
check "author1 saves a new release and submits it for review (303 to ?done=submit)" test "$R1" != 0
check "... it is submitted, by author1" sql_is "submitted|author1" \
    "SELECT r.status, u.name FROM releases r JOIN users u ON u.id = r.submitted_by WHERE r.id = $R1"
http GET "/admin/releases/$R1" -b "$A1"
check "author1's page of it offers no Approve, Send back, Publish or override button" \
    eval '[ "$STATUS" = 200 ] && ! grep -qE "value=\"(approve|request_changes|publish|override)\"" "$BODY"'
for a in publish approve override request_changes; do
	wf "$A1" "$R1" $a --data-urlencode "note=I would like to."
	status_is 403 "author1 taking the step $a on their own submitted release gets 403"
done
check "... it is still submitted and not listed on /" eval 'st_is submitted $R1 && ! listed "$T1"'
form_post "$A1" "/admin/releases/$R1" "/admin/releases/$R1" --data-urlencode "title=$T1" \
    --data-urlencode "body=Changed behind the reviewer's back." --data-urlencode "version=$(ver $R1)" \
    --data-urlencode action=save
status_is 403 "author1 saving it while it is with an editor gets 403"
check "... and the text is unchanged" sql_is "Body of the release: $T1." "SELECT body FROM releases WHERE id = $R1"
wf "$ED" "$R1" publish
status_is 403 "an editor publishing a release that is not approved yet gets 403"
check "... it is still submitted" st_is submitted $R1

# --- An editor approves another's submission and publishes it. ---
http GET "/admin/releases/$R1" -b "$ED"
check "editor1's page of author1's submission offers Approve and Send back for changes" \
    eval 'has "value=\"approve\"" && has "value=\"request_changes\"" && ! has "value=\"publish\""'
v=$(ver $R1)
check "editor1 approves author1's submission (303 to ?done=approve)" wf_step "$ED" "$R1" approve
check "... it is approved, reviewed by editor1" sql_is "approved|editor1" \
    "SELECT r.status, u.name FROM releases r JOIN users u ON u.id = r.reviewed_by WHERE r.id = $R1"
check "... and the step bumped the version" version_bumped "$v" "$R1"
check "an approved release is not listed on / yet" eval '! listed "$T1"'
wf "$A1" "$R1" publish
status_is 403 "author1 publishing their approved release gets 403"
http POST "/admin/releases/$R1/workflow" -b "$ED" --data-urlencode "csrf=$(echo "$(csrf_of "$ED" /admin)" | tr 0-9a-f 1-9a-f0)" \
    --data-urlencode "version=$(ver $R1)" --data-urlencode action=publish
status_is 403 "a workflow step with a wrong csrf token gets 403"
check "... and it is still approved" st_is approved $R1
check "editor1 publishes the release they approved (303 to ?done=publish)" wf_step "$ED" "$R1" publish
check "it is published" st_is published $R1
check "it is listed on /" listed "$T1"
U1=$(public_url $R1)
http GET "$U1"
check "its public page answers 200 with its text" eval '[ "$STATUS" = 200 ] && has "Body of the release: $T1."'

# --- Nobody reviews their own work. ---
T2="Workflow two: an editor's own release"
new_release "$ED" "$T2" submit
R2=${NEW_ID:-0}
http GET "/admin/releases/$R2" -b "$ED"
check "editor1's page of their own submission offers no Approve button" eval '[ "$STATUS" = 200 ] && lacks "value=\"approve\""'
wf "$ED" "$R2" approve
status_is 403 "editor1 approving the release they wrote and submitted gets 403"
check "... saying nobody may review their own work" has "Nobody may review their own work"
wf "$ED" "$R2" request_changes --data-urlencode "note=On second thoughts."
status_is 403 "editor1 sending their own release back gets 403"
wf "$ED" "$R2" publish
status_is 403 "editor1 publishing their own unreviewed release gets 403"
check "... it is still submitted" st_is submitted $R2
http GET /admin/review -b "$ED"
check "the review queue lists editor1's own release for editor1, marked (yours)" \
    eval 'queue_row $R2 | grep -qF "(yours)" || { show_last; false; }'

T3="Workflow three: submitted by an editor for an author"
new_release "$A2" "$T3" save
R3=${NEW_ID:-0}
check "editor1 submits author2's draft" wf_step "$ED" "$R3" submit
wf "$ED" "$R3" approve
status_is 403 "editor1 approving a release they submitted (author2's) gets 403"
wf "$A2" "$R3" approve
status_is 403 "its author, author2, approving it gets 403"
check "admin1, neither its author nor its submitter, approves it" wf_step "$ADM" "$R3" approve
check "admin1 publishes what they approved" wf_step "$ADM" "$R3" publish
check "... and it is published" st_is published $R3

# A change after approval needs approval again.
T3a="Workflow three a: changed after approval"
new_release "$A1" "$T3a" submit
R3a=${NEW_ID:-0}
check "editor1 approves another release of author1's" wf_step "$ED" "$R3a" approve
http GET "/admin/releases/$R3a" -b "$ADM"
form_post "$ADM" "/admin/releases/$R3a" "/admin/releases/$R3a" --data-urlencode "title=$T3a" \
    --data-urlencode "body=Changed after the approval." --data-urlencode "version=$(version_in "$BODY")" --data-urlencode action=save
check "admin1 changes the approved release (303 to ?done=save)" wf_done save "$R3a"
check "... which makes it a draft again" st_is draft $R3a
wf "$ED" "$R3a" publish
status_is 403 "publishing it without a new approval gets 403"
check "... and it is not listed" eval '! listed "$T3a"'

T3b="Workflow three b: an admin's own release"
new_release "$ADM" "$T3b" submit
wf "$ADM" "${NEW_ID:-0}" approve
status_is 403 "admin1 approving their own release gets 403 (admins too)"

# --- An admin may publish without review, with a reason; it stays flagged until another editor looks. ---
T4="Workflow four: published without review"
new_release "$A1" "$T4" save
R4=${NEW_ID:-0}
wf "$ADM" "$R4" override
status_is 422 "admin1 publishing without review and without a reason answers 422"
check "... naming the reason, with the edit page" eval 'has "Reason is required" && has "name=\"title\""'
check "... and it stays a draft" st_is draft $R4
wf "$ADM" "$R4" override --data-urlencode "note=    "
status_is 422 "a reason of only spaces answers 422 too"
wf "$ED" "$R4" override --data-urlencode "note=Urgent."
status_is 403 "an editor publishing without review gets 403"
wf "$A1" "$R4" override --data-urlencode "note=Urgent."
status_is 403 "its author publishing without review gets 403"
check "... it is still a draft, not listed" eval 'st_is draft $R4 && ! listed "$T4"'
ed_before=$(counts_of "$ED")
adm_before=$(counts_of "$ADM")
check "admin1 publishes it without review, giving a reason (303 to ?done=override)" \
    wf_step "$ADM" "$R4" override --data-urlencode "note=Court deadline at noon <today> & no later"
check "... it is published, with admin1 and the reason recorded" sql_is "published|admin1|Court deadline at noon <today> & no later" \
    "SELECT r.status, u.name, r.override_reason FROM releases r JOIN users u ON u.id = r.override_by WHERE r.id = $R4"
check "... and listed on /" listed "$T4"
http GET /admin/review -b "$ED"
check "the review queue lists it as published without review" \
    eval 'queue_row $R4 | grep -qF "Published without review" || { show_last; false; }'
ed_after=$(counts_of "$ED")
adm_after=$(counts_of "$ADM")
check "editor1's waiting count grew by one with the flag ($ed_before -> $ed_after)" \
    test "${ed_after:-x}" = "$((${ed_before:-0} + 1))"
check "admin1's own override does not wait for admin1 ($adm_before -> $adm_after)" \
    test "${adm_after:-x}" = "${adm_before:-y}"
http GET "/admin/releases/$R4" -b "$ED"
body_has "editor1's page of it shows the flag, the reason and the button to confirm" \
    "Published by an admin without review" "Court deadline at noon &lt;today&gt; &amp; no later" 'value="confirm_override"'
http GET "/admin/releases/$R4" -b "$ADM"
check "admin1's page of it offers no button to confirm their own override" eval '[ "$STATUS" = 200 ] && lacks "value=\"confirm_override\""'
wf "$ADM" "$R4" confirm_override
status_is 403 "admin1 confirming their own override gets 403"
wf "$A1" "$R4" confirm_override
status_is 403 "its author confirming the override gets 403"
check "... it is still flagged" sql_is "" "SELECT override_checked_by FROM releases WHERE id = $R4"
http GET /admin/review -b "$ADM"
check "... and still in the review queue" eval 'queue_row $R4 | grep -qF "Published without review"'
check "editor1 confirms they have looked at it (303 to ?done=confirm_override)" wf_step "$ED" "$R4" confirm_override
check "... recorded as looked at by editor1" sql_is editor1 \
    "SELECT u.name FROM releases r JOIN users u ON u.id = r.override_checked_by WHERE r.id = $R4"
http GET /admin/review -b "$ED"
check "the review queue no longer lists it" eval '[ "$STATUS" = 200 ] && [ -z "$(queue_row $R4)" ]'
ed_after2=$(counts_of "$ED")
check "editor1's waiting count is back where it was ($ed_before -> $ed_after -> $ed_after2)" test "${ed_after2:-x}" = "${ed_before:-y}"
wf "$ED" "$R4" confirm_override
status_is 403 "confirming it a second time gets 403"
check "it stayed published and listed throughout" eval 'st_is published $R4 && listed "$T4"'

# --- Sent back with a comment: the author sees it and it counts as waiting for them. ---
T5="Workflow five: sent back to the author"
new_release "$A3" "$T5" submit
R5=${NEW_ID:-0}
c3=$(counts_of "$A3")
check "author3's /admin/counts is {\"waiting\": 0} while the release is with an editor" test "$c3" = 0
a2_before=$(counts_of "$A2")
wf "$ED" "$R5" request_changes
status_is 422 "sending it back without a comment answers 422"
check "... naming the comment, with the edit page" eval 'has "Comment for the author is required" && has "name=\"title\""'
check "... and it stays submitted" st_is submitted $R5
NOTE='Please give the dates of the visit & the names <of> the hosts.'
NOTE_ESC='Please give the dates of the visit &amp; the names &lt;of&gt; the hosts.'
check "editor1 sends it back with a comment (303 to ?done=request_changes)" \
    wf_step "$ED" "$R5" request_changes --data-urlencode "note=$NOTE"
check "... it is changes_requested, with the comment stored" sql_is "changes_requested|$NOTE" \
    "SELECT status, review_note FROM releases WHERE id = $R5"
http GET "/admin/releases/$R5" -b "$A3"
body_has "author3's edit page shows the reviewer's comment, escaped, and the status" \
    "The reviewer asked for changes" "$NOTE_ESC" "Changes requested"
check "... never raw" lacks "<of>"
c3=$(counts_of "$A3")
check "author3's /admin/counts is now {\"waiting\": 1} (got $c3)" test "$c3" = 1
http GET /admin -b "$A3"
check "author3's dashboard shows the same count, 1" eval 'grep -q "data-waiting>1<" "$BODY" || { show_last; false; }'
check "author2's count did not change ($a2_before -> $(counts_of "$A2"))" test "$(counts_of "$A2")" = "$a2_before"
wf "$ED" "$R5" approve
status_is 403 "approving a release that was sent back (not resubmitted) gets 403"
http GET "/admin/releases/$R5" -b "$A3"
form_post "$A3" "/admin/releases/$R5" "/admin/releases/$R5" --data-urlencode "title=$T5" \
    --data-urlencode "body=The visit is on 10 and 11 March; the hosts are named." \
    --data-urlencode "version=$(version_in "$BODY")" --data-urlencode action=submit
status_is 303 "author3 corrects it and submits it again"
check "... it is submitted again" st_is submitted $R5
c3=$(counts_of "$A3")
check "author3's count is back to 0 (got $c3)" test "$c3" = 0
http GET "/admin/releases/$R5" -b "$A3"
check "the old comment is no longer shown as a request for changes" lacks "The reviewer asked for changes"

# --- Editions: the public page stays as published until the next edition is reviewed and published. ---
http GET "/admin/releases/$R1" -b "$ED"
check "editor1's page of the published release offers a change note for edition 2" \
    eval 'has "id=\"change_note\"" && has "Edition 2" && has "id=\"major\""'
form_post "$ED" "/admin/releases/$R1" "/admin/releases/$R1" --data-urlencode "title=$T1" \
    --data-urlencode "summary=Summary of the second edition." \
    --data-urlencode "body=Second edition text, marker-edition-2." \
    --data-urlencode "version=$(version_in "$BODY")" --data-urlencode event_id= --data-urlencode action=save
check "editor1 saves a change to the published release (303 to ?done=save)" wf_done save "$R1"
check "the next edition is a draft in release_drafts" sql_is "draft|Second edition text, marker-edition-2." \
    "SELECT status, body FROM release_drafts WHERE release_id = $R1"
check "the release itself is unchanged: published, edition 1, its first text" sql_is "published|1|Body of the release: $T1." \
    "SELECT status, edition, body FROM releases WHERE id = $R1"
# public_unchanged DESC: a test line: the public page shows edition 1, not the draft edition.
public_unchanged() {
	http GET "$U1"
	if [ "$STATUS" = 200 ] && has "Body of the release: $T1." && lacks "marker-edition-2" && lacks "Summary of the second edition"; then
		ok "$1"
	else
		not_ok "$1"
		show_last
	fi
}
public_unchanged "the public page still shows the published text while the next edition is a draft"
check "... and / still lists it" listed "$T1"
http GET "/admin/releases/$R1" -b "$ED"
check "the edit page shows the next edition's text and says it is the next edition" \
    eval '[ "$(field_value "$BODY" body)" = "Second edition text, marker-edition-2." ] && has "the next edition"'
check "editor1 submits the next edition" wf_step "$ED" "$R1" submit
check "... the edition is submitted, the release still published" eval \
    'sql_is submitted "SELECT status FROM release_drafts WHERE release_id = $R1" && st_is published $R1'
public_unchanged "the public page still shows the published text while the next edition is submitted"
wf "$ED" "$R1" approve
status_is 403 "editor1, who submitted the edition, may not approve it"
http GET /admin/review -b "$ADM"
check "the review queue lists the submitted edition as the next edition" \
    eval 'queue_row $R1 | grep -qF "next edition" || { show_last; false; }'
check "admin1 approves the edition" wf_step "$ADM" "$R1" approve
public_unchanged "the public page still shows the published text while the next edition is approved"
wf "$ADM" "$R1" publish
status_is 422 "publishing an edition without a change note answers 422"
check "... naming the change note" has "Change note is required"
public_unchanged "... and the public page is unchanged"
check "... and the edition is still approved" sql_is approved "SELECT status FROM release_drafts WHERE release_id = $R1"
http GET "/admin/releases/$R1" -b "$ED"
form_post "$ED" "/admin/releases/$R1" "/admin/releases/$R1" --data-urlencode "title=$T1" \
    --data-urlencode "summary=Summary of the second edition." \
    --data-urlencode "body=Second edition text, marker-edition-2." \
    --data-urlencode "change_note=Corrected the dates of the visit & <the> venue" --data-urlencode major=1 \
    --data-urlencode "version=$(version_in "$BODY")" --data-urlencode event_id= --data-urlencode action=submit
check "editor1 adds a major change note and submits the edition again (303 to ?done=submit)" wf_done submit "$R1"
check "... the edition is submitted again with its note" sql_is "submitted|Corrected the dates of the visit & <the> venue|1" \
    "SELECT status, change_note, major FROM release_drafts WHERE release_id = $R1"
public_unchanged "the public page still shows the published text while the changed edition waits"
check "admin1 approves and publishes the edition" approve_publish "$ADM" "$R1"
check "the edition is now the release: edition 2 with the new text, no pending edition" \
    eval 'sql_is "published|2|Second edition text, marker-edition-2." "SELECT status, edition, body FROM releases WHERE id = $R1" &&
	sql_is 0 "SELECT count(*) FROM release_drafts WHERE release_id = $R1"'
check "its URL did not change" test "$(public_url $R1)" = "$U1"
http GET "$U1"
check "the public page shows the new text" eval '[ "$STATUS" = 200 ] && has "marker-edition-2" && lacks "Body of the release: $T1."'
day=$(office_day)
check "the public page says \"Updated $day: Corrected the dates of the visit & <the> venue\", escaped" \
    eval 'text_of | grep -qF "Updated $day: Corrected the dates of the visit &amp; &lt;the&gt; venue" || { show_last; false; }'
check "... never raw" lacks "<the>"
# A minor edition, by the author this time: its note stays off the public page.
http GET "/admin/releases/$R1" -b "$A1"
form_post "$A1" "/admin/releases/$R1" "/admin/releases/$R1" --data-urlencode "title=$T1" \
    --data-urlencode "summary=Summary of the second edition." \
    --data-urlencode "body=Third edition text, marker-edition-3." \
    --data-urlencode "change_note=Fixed a typo, marker-minor" \
    --data-urlencode "version=$(version_in "$BODY")" --data-urlencode event_id= --data-urlencode action=submit
check "author1 saves and submits a minor edition of their published release" wf_done submit "$R1"
form_post "$A2" "/admin/releases/new" "/admin/releases/$R1" --data-urlencode "title=Not yours" \
    --data-urlencode "body=Not yours." --data-urlencode "version=$(ver $R1)" --data-urlencode action=save
status_is 404 "author2 saving author1's published release gets 404"
check "editor1 approves and publishes author1's minor edition" approve_publish "$ED" "$R1"
http GET "$U1"
check "the public page shows the third edition's text" eval '[ "$STATUS" = 200 ] && has "marker-edition-3"'
check "... still lists the major change, and not the minor one" \
    eval 'text_of | grep -qF "Updated $day: Corrected the dates of the visit &amp;" && lacks "marker-minor"'
check "both changes are recorded, one of them major" sql_is "2|1" \
    "SELECT count(*), sum(major) FROM release_changes WHERE release_id = $R1"

# --- Withdraw: the page stays with a notice and the reason; it leaves the listing. ---
T6="Workflow six: to be withdrawn"
new_release "$A1" "$T6" submit
R6=${NEW_ID:-0}
check "editor1 approves and publishes author1's release" approve_publish "$ED" "$R6"
U6=$(public_url $R6)
check "it is listed on /" listed "$T6"
wf "$A1" "$R6" withdraw --data-urlencode "note=I regret it."
status_is 403 "its author withdrawing it gets 403"
wf "$ED" "$R6" withdraw
status_is 422 "withdrawing without a reason answers 422"
check "... naming the reason" has "Reason is required"
check "... and it is still published and listed" eval 'st_is published $R6 && listed "$T6"'
REASON="The visit was postponed by the hosts & <b>rescheduled</b>."
REASON_ESC="The visit was postponed by the hosts &amp; &lt;b&gt;rescheduled&lt;/b&gt;."
check "editor1 withdraws it with a reason (303 to ?done=withdraw)" wf_step "$ED" "$R6" withdraw --data-urlencode "note=$REASON"
check "it is withdrawn" st_is withdrawn $R6
http GET "$U6"
status_is 200 "the withdrawn release's page still answers 200"
check "... with the notice \"This release was withdrawn on $day\" and the reason" \
    eval 'text_of | grep -qF "This release was withdrawn on $day" && has "$REASON_ESC" || { show_last; false; }'
check "... the reason escaped, never raw" lacks "<b>rescheduled</b>"
check "... and its text" has "Body of the release: $T6."
check "the withdrawn release is no longer listed on /" eval '! listed "$T6"'
wf "$ED" "$R6" withdraw --data-urlencode "note=Again."
status_is 403 "withdrawing it again gets 403"
# Withdrawn and unpublished releases can no longer be edited (workflow.c); publishing one again
# without review would bring back, unreviewed, what the office took back.
http GET "/admin/releases/$R6" -b "$ADM"
check "admin1's page of the withdrawn release offers no Publish without review" eval '[ "$STATUS" = 200 ] && lacks "value=\"override\""'
wf "$ADM" "$R6" override --data-urlencode "note=Bring it back."
status_is 403 "admin1 publishing the withdrawn release again without review gets 403"
check "... and it stays withdrawn" st_is withdrawn $R6

# --- Unpublish: 410, or 301 to the replacement. ---
wf "$A1" "$R6" unpublish
status_is 403 "its author unpublishing it gets 403"
check "editor1 unpublishes the withdrawn release, no replacement (303 to ?done=unpublish)" wf_step "$ED" "$R6" unpublish
check "it is unpublished" st_is unpublished $R6
http GET "$U6"
status_is 410 "the unpublished release's URL answers 410"
check "... without its text" lacks "Body of the release: $T6."
T7="Workflow seven: replaced by another release"
new_release "$A1" "$T7" submit
R7=${NEW_ID:-0}
check "editor1 approves and publishes another release of author1's" approve_publish "$ED" "$R7"
U7=$(public_url $R7)
for bad in abc "$R7" "$R6" 999999 -1; do
	wf "$ED" "$R7" unpublish --data-urlencode "replaced_by=$bad"
	status_is 422 "unpublishing with replaced_by=$bad (not another published release) answers 422"
done
check "... and it is still published" st_is published $R7
check "editor1 unpublishes it with release $R1 as its replacement" wf_step "$ED" "$R7" unpublish --data-urlencode "replaced_by=$R1"
http GET "$U7"
status_is 301 "the replaced release's URL answers 301"
check "... to the replacement's URL ($U1)" eval 'case "$(hdr Location)" in *"$U1") true ;; *) diag "Location: $(hdr Location)"; false ;; esac'
check "the replaced release is no longer listed on /" eval '! listed "$T7"'
http GET "/admin/releases/$R7" -b "$ED"
check "the unpublished release can no longer be saved: no Save buttons" eval '[ "$STATUS" = 200 ] && lacks "value=\"save\""'
wf "$ADM" "$R7" override --data-urlencode "note=Bring it back."
status_is 403 "admin1 publishing the unpublished release again without review gets 403"
http GET "$U7"
check "... and its URL still answers 301 to the replacement" test "$STATUS" = 301

# --- A stale version: 409, and nothing changes. ---
T8="Workflow eight: two reviewers at once"
new_release "$A1" "$T8" submit
R8=${NEW_ID:-0}
http GET "/admin/releases/$R8" -b "$ED"
v_old=$(version_in "$BODY")
check "admin1 approves it while editor1 has the page open" wf_step "$ADM" "$R8" approve
WF_VERSION=$v_old
wf "$ED" "$R8" request_changes --data-urlencode "note=Typed on a page loaded before the approval."
unset WF_VERSION
status_is 409 "editor1 sending it back from the page loaded before (version $v_old) gets 409"
check "... with the edit page saying it changed" eval 'has "changed since you opened it" && has "name=\"title\""'
check "... and it is still approved" st_is approved $R8
WF_VERSION=
wf "$ADM" "$R8" publish
unset WF_VERSION
status_is 409 "a workflow step without a version gets 409"
check "... and it is still approved" st_is approved $R8
wf "$ADM" "$R8" frobnicate
status_is 400 "a workflow step no button names (frobnicate) gets 400, not 403"
check "... with a page that says so" has "Unknown workflow step"
check "... and it is still approved" st_is approved $R8

T9="Workflow nine: two people editing one draft"
new_release "$A1" "$T9" save
R9=${NEW_ID:-0}
http GET "/admin/releases/$R9" -b "$A1"
cp "$BODY" "$TMP/wf-author-page.html"
http GET "/admin/releases/$R9" -b "$ED"
form_post "$ED" "/admin/releases/$R9" "/admin/releases/$R9" --data-urlencode "title=$T9" \
    --data-urlencode "body=The editor's text." --data-urlencode "version=$(version_in "$BODY")" --data-urlencode action=save
check "editor1 saves the draft first" wf_done save "$R9"
http POST "/admin/releases/$R9" -b "$A1" --data-urlencode "csrf=$(csrf_in "$TMP/wf-author-page.html")" \
    --data-urlencode "version=$(version_in "$TMP/wf-author-page.html")" --data-urlencode "title=$T9" \
    --data-urlencode "body=The author's text, marker-typed-by-a1." --data-urlencode action=save
status_is 409 "author1 saving from the page loaded before editor1's save gets 409"
check "... with what author1 typed still in the form" eval '[ "$(field_value "$BODY" body)" = "The author'"'"'s text, marker-typed-by-a1." ]'
check "... and editor1's text is what is stored" sql_is "The editor's text." "SELECT body FROM releases WHERE id = $R9"

# --- Staff comments: on the edit page, never on the public page. ---
C='Check the title <b>before</b> we tell the press & the minister, marker-comment-1.'
C_ESC='Check the title &lt;b&gt;before&lt;/b&gt; we tell the press &amp; the minister, marker-comment-1.'
form_post "$ED" "/admin/releases/$R1" "/admin/releases/$R1/comments" --data-urlencode "comment=$C"
status_is 303 "editor1 comments on the published release"
check "... back to the edit page's comments" eval 'hdr Location | grep -q "/admin/releases/$R1?done=comment#comments$"'
http GET "/admin/releases/$R1" -b "$ED"
body_has "the comment is on the edit page, escaped, with who wrote it" "$C_ESC" "Staff comments"
check "... never raw" lacks "<b>before</b>"
http GET "/admin/releases/$R1" -b "$A1"
check "the release's author sees the comment on their edit page" has "marker-comment-1"
http GET "$U1"
check "the public page never shows the comment" eval '[ "$STATUS" = 200 ] && lacks "marker-comment-1" && lacks "Staff comments"'
http GET /
check "/ never shows the comment" lacks "marker-comment-1"
form_post "$ED" "/admin/releases/$R1" "/admin/releases/$R1/comments" --data-urlencode "comment=   "
status_is 422 "an empty comment answers 422"
check "... naming it" has "Comment is required"
form_post "$A2" /admin "/admin/releases/$R1/comments" --data-urlencode "comment=Not my release."
status_is 404 "author2 commenting on author1's release gets 404"
http POST "/admin/releases/$R1/comments" --data-urlencode "comment=Anonymous." --data-urlencode csrf=x
check "commenting without a session is refused: 403, or 303 to the login form (got $STATUS)" \
    eval '[ "$STATUS" = 403 ] || { [ "$STATUS" = 303 ] && hdr Location | grep -q "^/login"; }'
check "only editor1's comment is stored" sql_is 1 "SELECT count(*) FROM release_comments WHERE release_id = $R1"
form_post "$A3" "/admin/releases/$R5" "/admin/releases/$R5/comments" --data-urlencode "comment=Dates added, marker-comment-2."
status_is 303 "author3 comments on their own release"
http GET "/admin/releases/$R5" -b "$ED"
check "editor1 sees author3's comment" has "marker-comment-2"

# --- The review queue, its Atom feed, the counts. ---
TF='Workflow feed: ampersands & <angle> "quotes"'
new_release "$A1" "$TF" submit
RF=${NEW_ID:-0}
http GET /admin/review -b "$A1"
status_is 403 "an author opening /admin/review gets 403"
http GET /admin/review -b "$ED"
status_is 200 "editor1 opens /admin/review"
check "the queue lists a submitted release" eval 'queue_row $RF | grep -qF "Awaiting review"'
check "the queue lists an approved release" eval 'queue_row $R8 | grep -qF "Approved"'
check "the queue shows the markup title escaped" has "Workflow feed: ampersands &amp; &lt;angle&gt; &quot;quotes&quot;"
check "the queue does not list releases published after review" eval '[ -z "$(queue_row $R1)" ] && [ -z "$(queue_row $R3)" ]'
check "the queue page shows no feed address until one is made" lacks "review.atom?token="
form_post "$ED" /admin/review /admin/review/feed-token
status_is 200 "editor1 makes a feed address"
FEED=$(grep -o "$BASE/admin/review\.atom?token=[0-9a-f]\{64\}" "$BODY" | head -1)
check "... shown as $BASE/admin/review.atom?token=<64 hex>" test -n "$FEED"
http GET /admin/review -b "$ED"
check "the address is shown only once" lacks "review.atom?token="
fpath=${FEED#$BASE}
http GET "$fpath"
status_is 200 "the feed answers 200 without a login"
check "... as application/atom+xml" eval 'hdr Content-Type | grep -q "^application/atom+xml"'
cp "$BODY" "$TMP/wf-feed.xml"
check "... and is well-formed XML" python3 -c 'import sys,xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' "$TMP/wf-feed.xml"
titles=$(python3 -c 'import sys,xml.dom.minidom as m
d = m.parse(sys.argv[1])
print(d.documentElement.tagName)
for e in d.getElementsByTagName("entry"):
    print(e.getElementsByTagName("title")[0].firstChild.data)' "$TMP/wf-feed.xml" 2>&1)
check "... an Atom <feed> whose entries include the markup title, as text" \
    eval 'echo "$titles" | head -1 | grep -qx feed && echo "$titles" | grep -qF "$TF" || { diag "feed says: $titles"; false; }'
check "... and links to the approved and the submitted release" \
    eval 'grep -q "/admin/releases/$R8\"" "$TMP/wf-feed.xml" && grep -q "/admin/releases/$RF\"" "$TMP/wf-feed.xml"'
tok=${FEED##*token=}
last=$(echo "$tok" | cut -c64)
[ "$last" = 0 ] && other=1 || other=0
http GET "/admin/review.atom?token=$(echo "$tok" | cut -c1-63)$other"
status_is 404 "the feed with a wrong token answers 404"
check "... without the queue" lacks "$T8"
http GET "/admin/review.atom?token=$(echo "$tok" | cut -c1-63)"
status_is 404 "the feed with a token of 63 characters answers 404"
http GET /admin/review.atom
status_is 404 "the feed without a token answers 404"
form_post "$ED" /admin/review /admin/review/feed-token
FEED2=$(grep -o "$BASE/admin/review\.atom?token=[0-9a-f]\{64\}" "$BODY" | head -1)
http GET "$fpath"
status_is 404 "after a new address is made, the old one answers 404"
http GET "${FEED2#$BASE}"
status_is 200 "... and the new one answers 200"
http POST /admin/review/feed-token -b "$A1" --data-urlencode "csrf=$(csrf_of "$A1" /admin)"
status_is 403 "an author making a feed address gets 403"

http GET /admin/counts -b "$ED"
status_is 200 "/admin/counts answers 200 for editor1"
check "... as application/json" eval 'hdr Content-Type | grep -q "^application/json"'
check "... with a JSON object {\"waiting\": N}, N a whole number" python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
assert list(d) == ["waiting"] and type(d["waiting"]) is int and d["waiting"] >= 0, d' "$BODY"
n0=$(counts_of "$ED")
http GET /admin -b "$ED"
check "editor1's dashboard shows the same count ($n0)" eval 'grep -q "data-waiting>$n0<" "$BODY" || { show_last; false; }'
new_release "$A2" "Workflow counts: another author's submission" submit
RC=${NEW_ID:-0}
n1=$(counts_of "$ED")
check "another author's submission adds one to editor1's count ($n0 -> $n1)" test "$n1" = "$((n0 + 1))"
new_release "$ED" "Workflow counts: editor1's own submission" submit
n2=$(counts_of "$ED")
check "editor1's own submission does not add to editor1's count ($n1 -> $n2)" test "$n2" = "$n1"
wf_step "$ED" "$RC" approve >/dev/null
n3=$(counts_of "$ED")
check "approving a submission takes it off editor1's count ($n2 -> $n3)" test "$n3" = "$n0"
http GET /admin/counts
check "/admin/counts without a login sends to the login page" eval '[ "$STATUS" = 303 ] && hdr Location | grep -q "^/login"'
c1=$(counts_of "$A1")
http GET /admin -b "$A1"
check "author1's dashboard shows the same count as /admin/counts ($c1)" eval '[ -n "$c1" ] && grep -q "data-waiting>$c1<" "$BODY"'
