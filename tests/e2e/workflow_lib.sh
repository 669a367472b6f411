# workflow_lib.sh: helpers for the editorial workflow (issue 3), sourced by the t_*.sh files that need them.
# Relies on lib.sh (http, hdr, csrf_in, form_post, diag, show_last). Not a t_*.sh file: run.sh does not run it alone.
# Every name here starts with wf_ or is a function, so it does not clobber lib.sh's variables.

# version_in FILE: the release's current version, from the first hidden version input of its edit page.
version_in() {
	sed -n 's/.*name="version" value="\([0-9]*\)".*/\1/p' "$1" | head -1
}

# done_id DONE: the release id when the last Location is /admin/releases/ID?done=DONE (else empty).
done_id() {
	hdr Location | sed -n "s|^.*/admin/releases/\([0-9][0-9]*\)?done=$1\$|\1|p"
}

# wf JAR ID ACTION [curl options...]: opens /admin/releases/ID as JAR for its csrf token and current
# version, as a browser does, then POSTs the step to /admin/releases/ID/workflow.
# WF_VERSION, when set, replaces the version read from the page (for stale-version tests).
wf() {
	wf_jar=$1 wf_id=$2 wf_action=$3
	shift 3
	http GET "/admin/releases/$wf_id" -b "$wf_jar" -c "$wf_jar"
	wf_tok=$(csrf_in "$BODY")
	wf_ver=${WF_VERSION-$(version_in "$BODY")}
	http POST "/admin/releases/$wf_id/workflow" -b "$wf_jar" -c "$wf_jar" --data-urlencode "csrf=$wf_tok" \
	    --data-urlencode "version=$wf_ver" --data-urlencode "action=$wf_action" "$@"
}

# wf_done ACTION ID: the last response was 303 to /admin/releases/ID?done=ACTION.
wf_done() {
	[ "$STATUS" = 303 ] && [ "$(done_id "$1")" = "$2" ] && return 0
	diag "wanted 303 to /admin/releases/$2?done=$1"
	show_last
	return 1
}

# wf_step JAR ID ACTION [curl options...]: wf, and succeeds only when the step was done (303 ?done=ACTION).
wf_step() {
	wf_s_id=$2 wf_s_action=$3
	wf "$@"
	wf_done "$wf_s_action" "$wf_s_id"
}

# approve_publish JAR ID [curl options for publish...]: JAR approves release ID, then publishes it.
# JAR must be an editor or admin who neither wrote nor submitted it (admin1 in most tests).
approve_publish() {
	wf_ap_jar=$1 wf_ap_id=$2
	shift 2
	wf_step "$wf_ap_jar" "$wf_ap_id" approve && wf_step "$wf_ap_jar" "$wf_ap_id" publish "$@"
}

# new_release JAR TITLE ACTION [curl options...]: JAR posts the new-release form with a title, a summary
# and a body (the event NR_EVENT, an event id, when set; else none); sets NEW_ID to the release id from
# the 303 to ?done=ACTION ("" otherwise).
new_release() {
	wf_nr_jar=$1 wf_nr_title=$2 wf_nr_action=$3
	shift 3
	form_post "$wf_nr_jar" /admin/releases/new /admin/releases --data-urlencode "title=$wf_nr_title" \
	    --data-urlencode "summary=Summary of: $wf_nr_title" \
	    --data-urlencode "body=Body of the release: $wf_nr_title." --data-urlencode "event_id=${NR_EVENT:-}" \
	    --data-urlencode "action=$wf_nr_action" "$@"
	NEW_ID=$(done_id "$wf_nr_action")
	[ -n "$NEW_ID" ] || { diag "new_release: no /admin/releases/ID?done=$wf_nr_action"; show_last; }
}

# public_url ID: the public path of a release (/news/YYYY/MM/slug) from its published_at in office time.
public_url() {
	wf_pu=$(sql "SELECT published_at || ' ' || slug FROM releases WHERE id = $1")
	[ -n "$wf_pu" ] || return 1
	echo "/news/$(TZ=Asia/Brunei date -d "${wf_pu%% *}" +%Y/%m)/${wf_pu#* }"
}

# counts_of JAR: the N of {"waiting": N} from /admin/counts ("" when the answer is not that).
counts_of() {
	http GET /admin/counts -b "$1"
	sed -n 's/^{"waiting": \([0-9][0-9]*\)}$/\1/p' "$BODY" | head -1
}

# office_day: today's date as the site writes it ("3 March 2025"), in the office zone.
office_day() {
	TZ=Asia/Brunei date +'%-d %B %Y'
}
