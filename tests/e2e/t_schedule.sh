# t_schedule: publish at a chosen time and withdraw at a chosen time, with nothing running but the
# server: the public queries compare with the clock. publish_at and withdraw_at are office time
# (Asia/Brunei, UTC+8) as a datetime-local field sends them.

. tests/e2e/workflow_lib.sh
SA="$TMP/schedule-author1.jar" SE="$TMP/schedule-editor1.jar"
login "$SA" author1 author-one-password; s1=$STATUS
login "$SE" editor1 editor-one-password; s2=$STATUS
check "author1 and editor1 log in ($s1 $s2)" test "$s1 $s2" = "303 303"

# listed TITLE: / lists a release with that exact title. unlisted TITLE: it does not (and / answers 200).
listed() {
	http GET /
	[ "$STATUS" = 200 ] && grep -qF ">$1</a>" "$BODY"
}
unlisted() {
	http GET /
	[ "$STATUS" = 200 ] && ! grep -qF ">$1</a>" "$BODY"
}

# answers WANT ID: the release's public URL answers WANT.
url_answers() {
	http GET "$(public_url "$2")"
	[ "$STATUS" = "$1" ]
}

# approved_release TITLE: author1 writes and submits it, editor1 approves it; sets SID.
approved_release() {
	new_release "$SA" "$1" submit
	SID=${NEW_ID:-0}
	wf_step "$SE" "$SID" approve
}

# utc_of LOCAL: the UTC time, as stored, of an office-time "YYYY-MM-DDTHH:MM".
utc_of() {
	date -u -d "TZ=\"Asia/Brunei\" $1" +%Y-%m-%dT%H:%M:00Z
}

# long_local UTC: how the staff pages write a time: "3 March 2025, 10:00" in office time.
long_local() {
	TZ=Asia/Brunei date -d "$1" +'%-d %B %Y, %H:%M'
}

# dash_row ID: the row of the last /admin page that links to release ID, on one line.
dash_row() {
	tr '\n' ' ' < "$BODY" | sed 's|<tr>|\n<tr>|g' | grep -F "href=\"/admin/releases/$1\""
}

text_of() {
	tr '\n' ' ' < "$BODY" | sed -e 's/<[^>]*>//g' -e 's/  */ /g'
}

# The demo event: its page lists its releases, a second listing that must agree with /.
EV_SLUG=regional-workshop-trafficking-forced-criminality-2025
NR_EVENT=$(sql "SELECT id FROM events WHERE slug = '$EV_SLUG'")
# on_event TITLE: the event page lists a release with that title.
on_event() {
	http GET "/events/$EV_SLUG"
	[ "$STATUS" = 200 ] && grep -qF "$1" "$BODY"
}

# at_time COLUMN ID BEFORE AFTER: sets the release's COLUMN a few seconds ahead; evaluates
# BEFORE, which must end before that time (on a machine too slow for that, again with twice the
# lead), and, once the clock has passed the time, AFTER. Sets AT_BEFORE and AT_AFTER to their
# statuses and AT_AHEAD to the lead in seconds. Conditions, not durations: a slow request is no failure.
at_time() {
	AT_AHEAD=2
	while :; do
		_due=$(($(date +%s) + AT_AHEAD))
		sql "UPDATE releases SET $1 = strftime('%Y-%m-%dT%H:%M:%SZ', $_due, 'unixepoch') WHERE id = $2"
		eval "$3"; AT_BEFORE=$?
		[ "$(date +%s)" -lt "$_due" ] && break
		[ "$AT_AHEAD" -ge 256 ] && { diag "at_time: no request ended within $AT_AHEAD s"; AT_BEFORE=1; break; }
		AT_AHEAD=$((AT_AHEAD * 2))
	done
	wait_for 600 eval '[ "$(date +%s)" -ge "$_due" ]'
	eval "$4"; AT_AFTER=$?
}

# --- (a) Publish later: hidden until the time, then there, with no job. ---
TA="Schedule a: published at a set time"
check "author1 writes a release about the demo event, editor1 approves it" approved_release "$TA"
RA=$SID
# One to two minutes ahead: +2 minutes cut to the minute.
at=$(TZ=Asia/Brunei date -d '+2 minutes' +%Y-%m-%dT%H:%M)
at_utc=$(utc_of "$at")
check "editor1 publishes it with publish_at=$at, office time (303 to ?done=publish)" \
    wf_step "$SE" "$RA" publish --data-urlencode "publish_at=$at"
check "it is stored as scheduled at $at_utc (office time less 8 hours)" \
    sql_is "scheduled|$at_utc" "SELECT status, published_at FROM releases WHERE id = $RA"
check "it is not listed on / before the time" unlisted "$TA"
check "... nor on its event's page" eval '! on_event "$TA"'
check "its URL $(public_url $RA) answers 404 before the time" url_answers 404 $RA
http GET "/admin/releases/$RA" -b "$SE"
check "the edit page says \"Scheduled to be published on $(long_local "$at_utc")\"" \
    eval 'text_of | grep -qF "Scheduled to be published on $(long_local "$at_utc")" || { show_last; false; }'
check "... and does not call it public yet" lacks "This release is public at"
# Bring the time to a few seconds from now. Only the server runs: nothing else can make it appear.
at_time published_at "$RA" 'unlisted "$TA"' 'listed "$TA"'
check "with published_at $AT_AHEAD s ahead it is still not listed" test "$AT_BEFORE" = 0
if [ "$AT_AFTER" = 0 ]; then
	ok "it is listed on / by the first request made after its time, with no job running"
else
	not_ok "it is listed on / by the first request made after its time, with no job running"
	show_last
fi
check "its event's page lists it too" on_event "$TA"
check "its URL $(public_url $RA) answers 200 now" url_answers 200 $RA
check "... with its text" has "Body of the release: $TA."
http GET "/admin/releases/$RA" -b "$SE"
check "the edit page now says it is public and no longer scheduled" \
    eval 'has "This release is public at" && lacks "Scheduled to be published on"'
check "... and gives its status as Published, as the public sees it" \
    eval 'text_of | grep -qF "Status: Published" || { diag "$(text_of | grep -o "Status: [A-Za-z ]*" | head -1)"; false; }'
http GET /admin -b "$SE"
check "the dashboard lists it as Published once its time has come" \
    eval 'dash_row $RA | grep -q ">Published<" || { diag "row: $(dash_row $RA)"; false; }'
check "... with its View link to the public page" \
    eval 'dash_row $RA | grep -qF "href=\"$(public_url $RA)\">View<" || { diag "row: $(dash_row $RA)"; false; }'

# --- (b) Withdraw later: listed until the time, then the page carries the notice. ---
TB="Schedule b: withdrawn at a set time"
check "author1 writes another release, editor1 approves it" approved_release "$TB"
RB=$SID
until_local=$(TZ=Asia/Brunei date -d '+1 day' +%Y-%m-%dT%H:%M)
until_utc=$(utc_of "$until_local")
WNOTE="The registration period has closed."
check "editor1 publishes it now with withdraw_at=$until_local and a reason" \
    wf_step "$SE" "$RB" publish --data-urlencode "withdraw_at=$until_local" --data-urlencode "withdraw_note=$WNOTE"
check "it is stored as published, to be withdrawn at $until_utc with the reason" \
    sql_is "published|$until_utc|$WNOTE" "SELECT status, withdraw_at, withdrawal_note FROM releases WHERE id = $RB"
check "it is listed on /" listed "$TB"
check "... and on its event's page" on_event "$TB"
http GET "$(public_url $RB)"
check "its page answers 200 without a withdrawal notice" eval '[ "$STATUS" = 200 ] && lacks "This release was withdrawn"'
http GET "/admin/releases/$RB" -b "$SE"
check "the edit page says \"Scheduled to be withdrawn on $(long_local "$until_utc")\"" \
    eval 'text_of | grep -qF "Scheduled to be withdrawn on $(long_local "$until_utc")" || { show_last; false; }'
at_time withdraw_at "$RB" 'listed "$TB"' 'unlisted "$TB"'
check "with withdraw_at $AT_AHEAD s ahead it is still listed" test "$AT_BEFORE" = 0
if [ "$AT_AFTER" = 0 ]; then
	ok "it leaves / at the first request made after its withdrawal time, with no job running"
else
	not_ok "it leaves / at the first request made after its withdrawal time, with no job running"
	show_last
fi
check "its event's page no longer lists it either" eval '! on_event "$TB"'
http GET "$(public_url $RB)"
status_is 200 "its page still answers 200 after the withdrawal time"
day=$(office_day)
check "... with \"This release was withdrawn on $day\" and the reason" \
    eval 'text_of | grep -qF "This release was withdrawn on $day" && has "$WNOTE" || { show_last; false; }'
check "... and its text" has "Body of the release: $TB."
http GET "/admin/releases/$RB" -b "$SE"
check "its edit page gives its status as Withdrawn, as the public sees it" \
    eval 'text_of | grep -qF "Status: Withdrawn" || { diag "$(text_of | grep -o "Status: [A-Za-z ]*" | head -1)"; false; }'
check "... and no longer offers to withdraw it again" lacks 'value="withdraw"'
http GET /admin -b "$SE"
check "the dashboard lists it as Withdrawn once its withdrawal time has passed" \
    eval 'dash_row $RB | grep -q ">Withdrawn<" || { diag "row: $(dash_row $RB)"; false; }'

# No cache may keep a listing more than 30 s past a schedule (README, "HTTP caching"): a short
# max-age, then revalidation.
# short_lived CC: a Cache-Control of at most 30 s that must then be revalidated.
short_lived() {
	echo "$1" | grep -qE "max-age=([0-9]|[12][0-9]|30)," && echo "$1" | grep -q "must-revalidate" &&
	    ! echo "$1" | grep -q "s-maxage"
}
http GET /
cc=$(hdr Cache-Control)
check "/ may be kept at most 30 s, then revalidated (Cache-Control: $cc)" short_lived "$cc"
http GET "$(public_url $RA)"
cc=$(hdr Cache-Control)
check "a release page may be kept at most 30 s, then revalidated (Cache-Control: $cc)" short_lived "$cc"
unset NR_EVENT

# --- (c) The real thing, once per suite (nginx/build): published on the minute, not before. ---
if [ "$SERVER/$BUILD" = nginx/build ]; then
	TC="Schedule c: on the minute"
	check "author1 writes a third release, editor1 approves it" approved_release "$TC"
	RC=$SID
	at=$(TZ=Asia/Brunei date -d '+1 minute' +%Y-%m-%dT%H:%M)
	at_epoch=$(date -d "TZ=\"Asia/Brunei\" $at" +%s)
	# Far enough ahead that publishing it and the 404 below (two requests) end first on a loaded
	# machine too; any more is waiting that make test pays for.
	if [ $((at_epoch - $(date +%s))) -lt 15 ]; then
		at=$(TZ=Asia/Brunei date -d '+2 minutes' +%Y-%m-%dT%H:%M)
		at_epoch=$(date -d "TZ=\"Asia/Brunei\" $at" +%s)
	fi
	check "editor1 publishes it with publish_at=$at, the next minute in office time" \
	    wf_step "$SE" "$RC" publish --data-urlencode "publish_at=$at"
	check "its URL answers 404 before the time" url_answers 404 $RC
	diag "waiting for $at (office time), $((at_epoch - $(date +%s))) s from now, polling / every second"
	# Judged by when each request began and ended, not by how long it took: early is a listing
	# answered before the time, late a request begun at or after it that did not list it.
	seen="" early="" late="" polls=0
	while :; do
		polls=$((polls + 1))
		began=$(date +%s)
		if listed "$TC"; then
			seen=$began
			[ "$(date +%s)" -lt "$at_epoch" ] && early=$began
			break
		fi
		[ "$began" -ge "$at_epoch" ] && { late=$began; break; }
		sleep 1
	done
	check "it did not appear on / before $at (seen in a request begun at $(date -d "@${seen:-0}" +%T), due $(date -d "@$at_epoch" +%T), $polls polls)" \
	    test -z "$early"
	check "it appeared on / on time: the first request begun at or after $at lists it" \
	    eval '[ -n "$seen" ] && [ -z "$late" ]'
	check "its URL answers 200 once it is due" url_answers 200 $RC
fi
