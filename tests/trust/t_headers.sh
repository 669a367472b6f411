# t_headers: every route of cgi/route.c (and the web server's own answers: static files, its errors) carries the
# security headers: a strict CSP, nosniff, a Referrer-Policy, a charset; staff answers are no-store; HSTS only over HTTPS.
# Run behind nginx, then behind lighttpd.

. tests/e2e/workflow_lib.sh

# headers_ok DESC [staff]: one test line for the last response's headers.
headers_ok() {
	_hp=""
	_csp=$(hdr Content-Security-Policy)
	[ "$(hdr_all Content-Security-Policy | wc -l)" = 1 ] || _hp="$_hp [one Content-Security-Policy]"
	for _d in "frame-ancestors 'none'" "object-src 'none'" "base-uri 'none'"; do
		case "; $_csp;" in *"; $_d;"*) ;; *) _hp="$_hp [CSP $_d]" ;; esac
	done
	# Scripts and styles from our own files only: script-src/style-src 'self', or no such directive
	# and default-src 'self'; never 'unsafe-inline' or 'unsafe-eval' anywhere.
	for _k in script-src style-src; do
		_v=$(echo "; $_csp;" | sed -n "s/.*; $_k \([^;]*\);.*/\1/p")
		[ -n "$_v" ] || _v=$(echo "; $_csp;" | sed -n "s/.*; default-src \([^;]*\);.*/\1/p")
		[ "$_v" = "'self'" ] || _hp="$_hp [CSP $_k 'self' (is '$_v')]"
	done
	case $_csp in *unsafe-*) _hp="$_hp [CSP without unsafe-]" ;; esac
	[ "$(hdr_all X-Content-Type-Options)" = nosniff ] || _hp="$_hp [X-Content-Type-Options: nosniff]"
	case $(hdr_all Referrer-Policy) in
	no-referrer | same-origin | strict-origin | strict-origin-when-cross-origin) ;;
	*) _hp="$_hp [one strict Referrer-Policy]" ;;
	esac
	# A 304, a 204 and a HEAD describe no body of their own.
	case $STATUS in 204 | 304) ;; *)
		case $(hdr Content-Type) in *charset=utf-8*) ;; *) _hp="$_hp [charset=utf-8 on Content-Type]" ;; esac ;;
	esac
	[ -z "$(hdr Strict-Transport-Security)" ] || _hp="$_hp [no HSTS over plain http]"
	if [ "${2:-}" = staff ]; then
		case $(hdr Cache-Control) in *no-store*) ;; *) _hp="$_hp [Cache-Control: no-store]" ;; esac
	fi
	if [ -z "$_hp" ]; then
		ok "headers: $1 $STATUS${2:+ (staff: no-store)}"
	else
		not_ok "headers: $1 $STATUS: missing$_hp"
		show_last
	fi
}

# route WANT DESC [staff] -- METHOD PATH [curl options...]: a request, its status, its headers.
route() {
	_rw=$1 _rd=$2 _rs=""
	shift 2
	[ "$1" = staff ] && { _rs=staff; shift; }
	shift
	http "$@"
	if [ "$STATUS" != "$_rw" ]; then
		not_ok "headers: $_rd answers $_rw (got $STATUS)"
		show_last
	fi
	headers_ok "$_rd" $_rs
}

routes() {
	HJ1="$TMP/headers-author1.jar" HJE="$TMP/headers-editor1.jar" HJA="$TMP/headers-admin1.jar"
	login "$HJ1" author1 author-one-password
	login "$HJE" editor1 editor-one-password
	login "$HJA" admin1 admin-one-password
	new_release "$HJ1" "Headers draft" save
	hd=$NEW_ID
	rel=$(public_url 1)
	ev=$(sql "SELECT slug FROM events ORDER BY id LIMIT 1")
	org=$(sql "SELECT slug FROM organizations ORDER BY id LIMIT 1")
	year=$(sql "SELECT substr(starts_on, 1, 4) FROM events ORDER BY id LIMIT 1")

	# The public site, every GET route.
	route 200 "GET /" -- GET /
	route 200 "HEAD /" -- HEAD /
	etag=$(hdr ETag)
	route 304 "GET / with its ETag (304)" -- GET / -H "If-None-Match: $etag"
	route 200 "GET /search" -- GET "/search?q=workshop"
	route 200 "GET /news/YYYY/MM/slug" -- GET "$rel"
	route 200 "GET /events/slug.ics" -- GET "/events/$ev.ics"
	route 200 "GET /events/slug" -- GET "/events/$ev"
	route 200 "GET /events" -- GET /events
	route 200 "GET /organisations" -- GET /organisations
	route 200 "GET /organisations/slug" -- GET "/organisations/$org"
	route 200 "GET /engagements" -- GET /engagements
	route 200 "GET /engagements/YYYY.csv" -- GET "/engagements/$year.csv"
	route 200 "GET /engagements/YYYY" -- GET "/engagements/$year"
	route 200 "GET /login" -- GET /login
	route 404 "GET /preview/token (unknown)" -- GET /preview/0123456789abcdef0123456789abcdef
	route 200 "GET /feed.atom" -- GET /feed.atom
	route 200 "GET /events/slug/feed.atom" -- GET "/events/$ev/feed.atom"
	route 200 "GET /organisations/slug/feed.atom" -- GET "/organisations/$org/feed.atom"
	route 200 "GET /sitemap.xml" -- GET /sitemap.xml
	route 200 "GET /robots.txt" -- GET /robots.txt
	route 200 "GET /events.ics" -- GET /events.ics
	route 200 "GET /api/v1" -- GET /api/v1
	route 200 "GET /api/v1/releases" -- GET /api/v1/releases
	route 200 "GET /api/v1/releases/id" -- GET /api/v1/releases/1
	route 200 "GET /api/v1/events" -- GET /api/v1/events
	route 200 "GET /api/v1/events/id" -- GET /api/v1/events/1
	route 200 "GET /api/v1/organisations" -- GET /api/v1/organisations
	route 200 "GET /api/v1/organisations/id" -- GET /api/v1/organisations/1
	route 200 "GET /api/v1/delegations" -- GET /api/v1/delegations
	route 404 "GET /api/v1/nothing" -- GET /api/v1/nothing
	route 404 "GET /api/v1/nothing/else" -- GET /api/v1/nothing/else
	route 404 "GET /admin/review.atom with a wrong token" -- GET "/admin/review.atom?token=0000"

	# Error answers from pressroom.
	route 404 "GET an unknown path" -- GET /no/such/page
	route 405 "DELETE / (405)" -- DELETE /
	route 400 "GET a path with %ZZ (400)" -- GET /news/2025/02/%ZZ
	route 303 "GET /admin without a session (303)" -- GET /admin
	route 403 "POST /login without a token (403)" -- POST /login -d name=x
	route 415 "POST /login as text/plain (415)" -- POST /login -H 'Content-Type: text/plain' -d name=x
	{ printf name=; head -c 300000 /dev/zero | tr '\0' a; } > "$TMP/headers-300k"
	route 413 "POST /login with a 300 KB field (413)" -- POST /login --data-binary "@$TMP/headers-300k"

	# Staff pages, as the role each needs: all no-store.
	route 200 "GET /admin" staff -- GET /admin -b "$HJ1"
	route 200 "GET /admin/counts" staff -- GET /admin/counts -b "$HJ1"
	route 200 "GET /admin/releases/new" staff -- GET /admin/releases/new -b "$HJ1"
	route 200 "GET /admin/releases/id" staff -- GET "/admin/releases/$hd" -b "$HJ1"
	route 200 "GET /admin/releases/id/history" staff -- GET "/admin/releases/$hd/history" -b "$HJ1"
	route 200 "GET /admin/releases/id/diff" staff -- GET "/admin/releases/$hd/diff?from=1&to=1" -b "$HJ1"
	route 200 "GET /admin/releases/id/restored" staff -- GET "/admin/releases/$hd/restored?version=1" -b "$HJ1"
	route 200 "GET /admin/releases/id/preview" staff -- GET "/admin/releases/$hd/preview" -b "$HJ1"
	route 200 "GET /admin/account" staff -- GET /admin/account -b "$HJ1"
	route 403 "GET /admin/review as an author (403)" staff -- GET /admin/review -b "$HJ1"
	route 200 "GET /admin/review" staff -- GET /admin/review -b "$HJE"
	route 200 "GET /admin/users" staff -- GET /admin/users -b "$HJA"
	route 200 "GET /admin/audit" staff -- GET /admin/audit -b "$HJA"
	route 404 "GET /admin/releases/id that is none (404)" staff -- GET /admin/releases/999999 -b "$HJ1"

	# The answers to staff POSTs: 303, 201, 200, 422, 403, 404.
	tok=$(csrf_of "$HJ1" /admin/releases/new)
	route 303 "POST /admin/releases (saved)" staff -- POST /admin/releases -b "$HJ1" --data-urlencode "csrf=$tok" \
	    --data-urlencode "title=Headers second" --data-urlencode "body=Body." --data-urlencode action=save
	route 422 "POST /admin/releases (invalid)" staff -- POST /admin/releases -b "$HJ1" --data-urlencode "csrf=$tok" \
	    --data-urlencode title= --data-urlencode body= --data-urlencode action=save
	route 403 "POST /admin/releases (no token)" staff -- POST /admin/releases -b "$HJ1" --data-urlencode title=x
	route 303 "POST /admin/releases/id/comments" staff -- POST "/admin/releases/$hd/comments" -b "$HJ1" \
	    --data-urlencode "csrf=$tok" --data-urlencode "comment=A comment."
	route 422 "POST /admin/account/password (invalid)" staff -- POST /admin/account/password -b "$HJ1" \
	    --data-urlencode "csrf=$tok" --data-urlencode current_password=wrong-password-0 \
	    --data-urlencode new_password=short --data-urlencode confirm_password=short
	etok=$(csrf_of "$HJE" /admin/review)
	route 200 "POST /admin/review/feed-token" staff -- POST /admin/review/feed-token -b "$HJE" --data-urlencode "csrf=$etok"
	atok=$(csrf_of "$HJA" /admin/users)
	route 201 "POST /admin/users (created)" staff -- POST /admin/users -b "$HJA" --data-urlencode "csrf=$atok" \
	    --data-urlencode name=headersuser --data-urlencode "display_name=Headers User" --data-urlencode role=author
	route 404 "POST /admin/users/name/role (no such account)" staff -- POST /admin/users/nobody/role -b "$HJA" \
	    --data-urlencode "csrf=$atok" --data-urlencode role=editor
	route 303 "POST /logout" staff -- POST /logout -b "$HJ1" --data-urlencode "csrf=$tok"

	# What the web server answers itself.
	route 200 "GET /static/style.css (the web server's)" -- GET /static/style.css
	route 200 "GET /static/waiting.js (the web server's)" -- GET /static/waiting.js
	route 404 "GET /static/none.css (the web server's 404)" -- GET /static/none.css
}

start_stack nginx "$BUILD" || return 1
routes
route 400 "GET /../../etc/passwd (nginx's own 400)" -- GET /../../etc/passwd --path-as-is
# nginx's own 413 (lighttpd answers an oversize body before any of its header settings apply).
{ printf name=; head -c 1200000 /dev/zero | tr '\0' a; } > "$TMP/headers-1200k"
route 413 "POST a 1.2 MB body (nginx's own 413)" -- POST /login --data-binary "@$TMP/headers-1200k"

# HTTPS: the web server says so with HTTPS=on; pressroom then adds HSTS (straight to the socket, as nginx would).
python3 tests/e2e/fcgi_client.py "$SOCK" GET / --headers --header HTTPS=on > "$TMP/headers-https.txt"
check "over HTTPS (HTTPS=on) an answer carries Strict-Transport-Security: max-age=31536000" \
    grep -qx 'Strict-Transport-Security: max-age=31536000' "$TMP/headers-https.txt"
python3 tests/e2e/fcgi_client.py "$SOCK" GET /no/such/page --headers --header HTTPS=on > "$TMP/headers-https404.txt"
check "... so does an error answer over HTTPS" grep -qx 'Strict-Transport-Security: max-age=31536000' "$TMP/headers-https404.txt"
python3 tests/e2e/fcgi_client.py "$SOCK" GET / --headers > "$TMP/headers-http.txt"
check "... and without HTTPS=on there is none" eval '! grep -qi "^Strict-Transport-Security" "$TMP/headers-http.txt"'
stop_stack

start_stack lighttpd "$BUILD" || return 1
routes
stop_stack
