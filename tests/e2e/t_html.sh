# t_html.sh: every page kind is valid HTML5 as HTML Tidy reads it, public and staff alike.

if ! command -v tidy >/dev/null; then
	not_ok "HTML Tidy is installed (apt-get install tidy)"
else
	for _page in / /news/2025/02/chambers-joins-regional-workshop-on-trafficking-for-forced-criminality \
	    /events/regional-workshop-trafficking-forced-criminality-2025 /login /no-such-page; do
		http GET "$_page"
		html_valid "$_page"
	done
	html_ed="$TMP/html-jar"
	login "$html_ed" editor1 editor-one-password
	for _page in /admin /admin/releases/new /admin/releases/1; do
		http GET "$_page" -b "$html_ed"
		html_valid "$_page (signed in)"
	done
	# The form shown again with errors must be as valid as the empty one.
	_tok=$(csrf_of "$html_ed" /admin/releases/new)
	http POST /admin/releases -b "$html_ed" --data-urlencode "csrf=$_tok" -d title= -d body=x \
	    -d event_id=new -d event_starts_on=2025-02-30 -d member_role= -d member_count=lots
	html_valid "the release form with errors"

	# The edit page in every state of the workflow, with its panel, and the public pages that result.
	. tests/e2e/workflow_lib.sh
	_adm="$TMP/html-admin1.jar" _a1="$TMP/html-author1.jar"
	login "$_adm" admin1 admin-one-password
	login "$_a1" author1 author-one-password
	new_release "$_a1" "HTML check of the workflow & its panel" submit
	_id=${NEW_ID:-0}
	http GET "/admin/releases/$_id?done=submit" -b "$_a1"
	html_valid "the edit page of a submitted release (author)"
	http GET "/admin/releases/$_id" -b "$html_ed"
	html_valid "the edit page of a submitted release with Approve and Send back (editor)"
	wf "$html_ed" "$_id" request_changes
	check "request_changes without a comment answers 422" test "$STATUS" = 422
	html_valid "the edit page with a missing comment (422)"
	wf "$html_ed" "$_id" request_changes --data-urlencode "note=Add the venue."
	http GET "/admin/releases/$_id" -b "$_a1"
	html_valid "the edit page with the reviewer's comment (author)"
	http GET /admin -b "$_a1"
	html_valid "/admin with a release sent back (author)"
	form_post "$_a1" "/admin/releases/$_id" "/admin/releases/$_id/comments" --data-urlencode "comment=Venue added <soon> & done."
	wf "$_a1" "$_id" submit
	wf "$html_ed" "$_id" approve
	http GET "/admin/releases/$_id" -b "$_adm"
	html_valid "the edit page of an approved release with Publish, override and a comment (admin)"
	http GET /admin/review -b "$html_ed"
	html_valid "/admin/review"
	form_post "$html_ed" /admin/review /admin/review/feed-token
	html_valid "/admin/review with a new feed address"
	wf "$html_ed" "$_id" publish
	http GET "/admin/releases/$_id" -b "$html_ed"
	html_valid "the edit page of a published release with Withdraw and Unpublish"
	_url=$(public_url "$_id")
	wf "$html_ed" "$_id" withdraw --data-urlencode "note=Replaced by a <newer> statement & more."
	http GET "$_url"
	check "the withdrawn release's page answers 200" test "$STATUS" = 200
	html_valid "a withdrawn release's page with its notice"
	wf "$html_ed" "$_id" unpublish
	http GET "$_url"
	check "the unpublished release's page answers 410" test "$STATUS" = 410
	html_valid "the 410 page of an unpublished release"
	new_release "$_a1" "HTML check of an override" save
	wf "$_adm" "${NEW_ID:-0}" override --data-urlencode "note=Court deadline & embargo"
	http GET "/admin/releases/${NEW_ID:-0}" -b "$html_ed"
	html_valid "the edit page of a release published without review (flagged)"
	wf "$html_ed" "${NEW_ID:-0}" unpublish
fi
