# t_html.sh: every page kind is valid HTML5 as HTML Tidy reads it, public and staff alike.

# tidy_clean DESC: a test line for the last body; tidy 5.6 does not know inputmode, which HTML5 has.
tidy_clean() {
	_report=$(tidy -errors -quiet "$BODY" 2>&1 | grep -v 'proprietary attribute "inputmode"')
	if [ -z "$_report" ]; then
		ok "$1 is valid HTML"
	else
		not_ok "$1 is valid HTML"
		echo "$_report" | head -10 | sed 's/^/#   /' >&2
	fi
}

if ! command -v tidy >/dev/null; then
	not_ok "HTML Tidy is installed (apt-get install tidy)"
else
	for _page in / /news/2025/02/chambers-joins-regional-workshop-on-trafficking-for-forced-criminality \
	    /events/regional-workshop-trafficking-forced-criminality-2025 /login /no-such-page; do
		http GET "$_page"
		tidy_clean "$_page"
	done
	_jar="$TMP/html-jar"
	login "$_jar" editor1 editor-one-password
	for _page in /admin /admin/releases/new /admin/releases/1; do
		http GET "$_page" -b "$_jar"
		tidy_clean "$_page (signed in)"
	done
	# The form shown again with errors must be as valid as the empty one.
	_tok=$(csrf_of "$_jar" /admin/releases/new)
	http POST /admin/releases -b "$_jar" --data-urlencode "csrf=$_tok" -d title= -d body=x \
	    -d event_id=new -d event_starts_on=2025-02-30 -d member_role= -d member_count=lots
	tidy_clean "the release form with errors"
fi
