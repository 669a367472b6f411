# t_public: the public pages: the demo release on /, its page with the event box, the event page, errors, headers.

REL_PATH=/news/2025/02/chambers-joins-regional-workshop-on-trafficking-for-forced-criminality
REL_TITLE="Chambers joins UNODC regional workshop on trafficking for forced criminality"
EVENT_PATH=/events/regional-workshop-trafficking-forced-criminality-2025
EVENT_TITLE="Regional Workshop on Criminal Justice Response to Trafficking in Persons for Forced Criminality"

# well_formed DESC: one <h1>, <html lang=...>, a non-empty <title>, a closing </html>.
well_formed() {
	_h1=$(grep -o '<h1[ >]' "$BODY" | wc -l)
	if [ "$_h1" -eq 1 ] && grep -q '<html lang="[a-z]' "$BODY" && grep -q '<title>[^<]' "$BODY" &&
	    grep -q '</html>' "$BODY"; then
		ok "$1"
	else
		not_ok "$1 ($_h1 h1 elements)"
		show_last
	fi
}

http GET /
status_is 200 "GET / answers 200"
body_has "/ lists the demo release by its title and links to it" "$REL_TITLE" "href=\"$REL_PATH\""
well_formed "/ has one <h1>, <html lang>, a <title>"
check "/ is text/html with a charset" eval 'hdr Content-Type | grep -qi "^text/html; *charset=utf-8"'
check "/ carries X-Content-Type-Options: nosniff" eval '[ "$(hdr X-Content-Type-Options)" = nosniff ]'
check "/ carries a Content-Security-Policy" eval 'hdr Content-Security-Policy | grep -q "default-src"'

http GET "$REL_PATH"
status_is 200 "the demo release page answers 200"
body_has "the release page shows the title, the summary and the rendered body" \
    "<h1 lang=\"en\">$REL_TITLE</h1>" "Two judicial officers and two legal counsels took part" \
    "<strong>Bangkok, Thailand</strong>" "<h2>What the course covered</h2>" "<li>How organised criminal groups"
body_has "the event box shows the dates, the place and the link to the event page" \
    'class="event-box"' "18-19 February 2025" "Bangkok, Thailand" "href=\"$EVENT_PATH\""
body_has "the event box names the organiser (UNODC) and the sponsor (EU)" \
    "United Nations Office on Drugs and Crime" "European Union"
body_has "the event box shows the delegation: 2 judicial officers and 2 legal counsels with their departments" \
    "2 judicial officers, State Judiciary Department" "2 legal counsels, Attorney General"
check "the event box shows about 40 participants and 9 countries" eval \
    'grep -Eq "Participants</dt><dd>(about )?40</dd>" "$BODY" && grep -Eq "Countries represented</dt><dd>9</dd>" "$BODY"'
well_formed "the release page has one <h1>, <html lang>, a <title>"
check "the release page's <title> is the release title" eval 'grep -qF "<title>$REL_TITLE" "$BODY"'

http GET "$EVENT_PATH"
status_is 200 "the event page answers 200"
body_has "the event page shows the event and lists the demo release" \
    "$EVENT_TITLE" "18-19 February 2025" "href=\"$REL_PATH\"" "$REL_TITLE"
well_formed "the event page has one <h1>, <html lang>, a <title>"

http GET /events/no-such-event
status_is 404 "an unknown event slug answers 404"

http GET /no/such/page
status_is 404 "an unknown path answers 404"
check "the 404 is an HTML page" eval 'hdr Content-Type | grep -qi "^text/html" && grep -q "<html" "$BODY"'
well_formed "the 404 page has one <h1>, <html lang>, a <title>"

http GET /news/2025/02/no-such-release
status_is 404 "an unknown release slug answers 404"

# Pages are keyset cursors now (t_filters.sh); old ?page=N links still lead somewhere or say why not.
listed=$(sql "SELECT count(*) FROM releases WHERE status IN ('published','scheduled') AND
    published_at <= strftime('%Y-%m-%dT%H:%M:%SZ','now') AND (withdraw_at IS NULL OR withdraw_at > strftime('%Y-%m-%dT%H:%M:%SZ','now'))")
http GET "/?page=$(( (listed + 19) / 20 + 1 ))"
status_is 404 "/?page=N one past the last page ($listed listed releases) answers 404"
http GET "/?page=abc"
status_is 400 "/?page=abc answers 400"
http GET "/?page=1"
status_is 200 "/?page=1 answers 200: it is the first page"

http GET "/news/2024/01/chambers-joins-regional-workshop-on-trafficking-for-forced-criminality"
status_is 301 "a release URL with the wrong year and month answers 301"
check "the 301 points to the canonical URL" eval 'case "$(hdr Location)" in *"$REL_PATH") true ;; *) false ;; esac'
http GET "/news/2025/03/chambers-joins-regional-workshop-on-trafficking-for-forced-criminality"
status_is 301 "a release URL with the wrong month answers 301"

http GET /static/style.css
status_is 200 "/static/style.css answers 200"
check "/static/style.css is text/css" eval 'hdr Content-Type | grep -qi "^text/css"'
check "/static/style.css is the file on disk (served by $SERVER)" cmp -s "$BODY" static/style.css

http GET /
get_length=$(hdr Content-Length)
http HEAD /
status_is 200 "HEAD / answers 200"
# With -I curl writes only the header block to the output file: anything more would be a body.
check "HEAD / sends only headers, with the Content-Length GET has" \
    eval 'cmp -s "$BODY" "$HDRS" && [ "$(hdr Content-Length)" = "$get_length" ]'

for m in PUT DELETE PATCH; do
	http "$m" /
	status_is 405 "$m / answers 405"
done
http PUT /
put_allow=$(hdr Allow)
http POST / -d ''
status_is 405 "POST / answers 405 (/ is read-only)"
post_allow=$(hdr Allow)
# allow_ok VALUE: an Allow header that offers GET and HEAD and not POST.
allow_ok() {
	case "$1" in *GET*) ;; *) return 1 ;; esac
	case "$1" in *HEAD*) ;; *) return 1 ;; esac
	case "$1" in *POST*) return 1 ;; esac
}
check "a 405 for PUT / has Allow naming GET and HEAD, not POST (got '$put_allow')" allow_ok "$put_allow"
check "a 405 for POST / has Allow naming GET and HEAD, not POST (got '$post_allow')" allow_ok "$post_allow"

# Every kind of answer pressroom gives carries the same protective headers.
bad=""
for p in / "$REL_PATH" "$EVENT_PATH" /no/such/page /login /admin "/?page=abc" "/news/2024/01/${REL_PATH##*/}"; do
	http GET "$p"
	hdr Content-Type | grep -qi 'charset=utf-8' || bad="$bad $p:charset"
	[ "$(hdr X-Content-Type-Options)" = nosniff ] || bad="$bad $p:nosniff"
	hdr Content-Security-Policy | grep -q "default-src 'self'" || bad="$bad $p:csp"
	hdr Content-Security-Policy | grep -q "frame-ancestors 'none'" || bad="$bad $p:frame-ancestors"
done
check "200, 301, 303 and 404 answers all carry a charset, nosniff and a CSP with frame-ancestors" \
    eval '[ -z "$bad" ] || { diag "missing:$bad"; false; }'

http GET /login
status_is 200 "GET /login answers 200"
well_formed "the login page has one <h1>, <html lang>, a <title>"
