# t_cache: HTTP caching: ETag and 304s (no Last-Modified: the body's hash is the one exact validator), Cache-Control by kind of page, nothing cached for
# staff, and the shipped nginx configuration's short cache (a second nginx with it on, on the same socket).

. tests/e2e/workflow_lib.sh
CA="$TMP/cache-admin1.jar" CW="$TMP/cache-author1.jar"
login "$CA" admin1 admin-one-password; s1=$STATUS
login "$CW" author1 author-one-password; s2=$STATUS
check "admin1 and author1 log in ($s1 $s2)" test "$s1 $s2" = "303 303"

REL_PATH=/news/2025/02/chambers-joins-regional-workshop-on-trafficking-for-forced-criminality
EVENT_PATH=/events/regional-workshop-trafficking-forced-criminality-2025

# conditional PATH: the checks every public page passes: validators, 304s with no body, and 200s
# when the validators do not match.
conditional() {
	http GET "$1"
	c_etag=$(hdr ETag) c_cc=$(hdr Cache-Control)
	check "$1: a quoted ETag ($c_etag) and no Last-Modified" \
	    eval 'echo "$c_etag" | grep -qE "^\"[0-9a-f]{32}\"$" && [ -z "$(hdr Last-Modified)" ]'
	check "$1: Cache-Control: public, a max-age of at most 60 s, must-revalidate ($c_cc)" \
	    eval 'echo "$c_cc" | grep -qE "^public, max-age=([1-5]?[0-9]|60), must-revalidate$"'
	check "$1: Vary: Cookie" eval '[ "$(hdr Vary)" = Cookie ]'
	http GET "$1" -H "If-None-Match: $c_etag"
	check "$1 with If-None-Match: its ETag answers 304 with no body and the same validators" \
	    eval '[ "$STATUS" = 304 ] && [ ! -s "$BODY" ] && [ "$(hdr ETag)" = "$c_etag" ] &&
	        [ "$(hdr Cache-Control)" = "$c_cc" ]'
	http HEAD "$1" -H "If-None-Match: W/\"0123\", W/$c_etag"
	status_is 304 "HEAD $1 with its ETag (weak, second in a list) answers 304"
	http GET "$1" -H 'If-None-Match: "0123456789abcdef0123456789abcdef"'
	status_is 200 "$1 with If-None-Match: another ETag answers 200"
	http GET "$1" -H "If-Modified-Since: $(LC_ALL=C date -u +'%a, %d %b %Y %H:%M:%S GMT')"
	status_is 200 "$1 with If-Modified-Since alone answers 200: only an ETag makes a 304"
}

conditional /
conditional "$REL_PATH"
conditional "$EVENT_PATH"

# --- Cache-Control by kind of answer. ---
http GET /no/such/page
check "a 404 may be kept as briefly as a page, without validators ($(hdr Cache-Control))" \
    eval '[ "$(hdr Cache-Control)" = "public, max-age=30" ] && [ -z "$(hdr ETag)" ]'
http GET "/news/2024/01/${REL_PATH##*/}"
check "a 301 to the canonical address is kept as briefly as a page ($(hdr Cache-Control))" \
    eval '[ "$STATUS" = 301 ] && [ "$(hdr Cache-Control)" = "public, max-age=30" ]'
http PUT /
check "a PUT (405) is private, no-store ($(hdr Cache-Control))" eval '[ "$(hdr Cache-Control)" = "private, no-store" ]'
http GET / -H "Cookie: big=$(printf '%05000d' 0)"
check "a 431 is no-store ($STATUS, $(hdr Cache-Control))" eval '[ "$STATUS" = 431 ] && [ "$(hdr Cache-Control)" = no-store ]'
http GET /login
check "/login (it sets the login cookie) is private, no-store ($(hdr Cache-Control))" \
    eval '[ "$(hdr Cache-Control)" = "private, no-store" ] && [ -z "$(hdr ETag)" ]'
if [ "$SERVER" = nginx ]; then
	http GET "/static/style.css?v=1"
	check "a versioned stylesheet is kept for a year ($(hdr Cache-Control))" \
	    eval '[ "$(hdr Cache-Control)" = "public, max-age=31536000, immutable" ]'
	http GET /static/style.css
	check "an unversioned stylesheet for an hour ($(hdr Cache-Control))" \
	    eval '[ "$(hdr Cache-Control)" = "public, max-age=3600" ]'
fi
http GET /
css=$(sed -n 's|.*href="\(/static/style.css?v=[0-9]*\)".*|\1|p' "$BODY" | head -1)
newest=$(stat -c %.9Z static/* | awk '{ s = int($1); if ($1 > s) s++; if (s > m) m = s } END { print m }')
check "pages link the stylesheet versioned by the static files' newest change ($css, $newest)" \
    test "$css" = "/static/style.css?v=$newest"

# Feeds and open data may be a few minutes old; each has its validators too.
for p in /feed.atom /sitemap.xml /events.ics /api/v1/releases; do
	http GET "$p"
	if [ "$STATUS" != 200 ]; then
		diag "$p answers $STATUS: not checked"
		continue
	fi
	d_cc=$(hdr Cache-Control) d_etag=$(hdr ETag)
	http GET "$p" -H "If-None-Match: $d_etag"
	check "$p: public, max-age=300, must-revalidate, and 304 for its ETag ($d_cc, $STATUS)" \
	    eval '[ "$d_cc" = "public, max-age=300, must-revalidate" ] && [ "$STATUS" = 304 ]'
done

# --- Staff never get a cached page, nor a 304. ---
http GET /
anon_etag=$(hdr ETag)
for p in / "$REL_PATH" /admin /admin/releases/new; do
	http GET "$p" -b "$CA"
	check "signed in, $p is private, no-store with no validators ($(hdr Cache-Control))" \
	    eval '[ "$(hdr Cache-Control)" = "private, no-store" ] && [ -z "$(hdr ETag)" ]'
done
http GET / -b "$CA" -H "If-None-Match: $anon_etag"
check "signed in, / with the anonymous ETag still answers 200 with the staff menu" \
    eval '[ "$STATUS" = 200 ] && has "Log out"'
http GET / -H "Cookie: pr_session=0000000000000000000000000000000000000000000000000000000000000000"
check "a stale session cookie is enough for private, no-store ($(hdr Cache-Control))" \
    eval '[ "$(hdr Cache-Control)" = "private, no-store" ] && [ -z "$(hdr ETag)" ]'

# --- A publish changes / at once: a new ETag. ---
http GET /
before_etag=$(hdr ETag)
T1="Cache test: a publish changes the listing $$"
new_release "$CW" "$T1" submit
made="${NEW_ID:-}"
check "author1 submits a release, admin1 approves and publishes it" approve_publish "$CA" "${NEW_ID:-0}"
http GET /
check "the publish changed the ETag of / ($before_etag -> $(hdr ETag))" \
    eval '[ -n "$before_etag" ] && [ "$(hdr ETag)" != "$before_etag" ]'
http GET / -H "If-None-Match: $before_etag"
check "/ with the ETag from before the publish answers 200 and lists the release" eval '[ "$STATUS" = 200 ] && has "$T1"'

# --- nginx's cache, as shipped, in a second nginx on the same pressroom socket. ---
# via_cache METHOD PATH [curl options...]: http through the caching nginx.
via_cache() {
	vc_base=$BASE
	BASE=$CBASE
	http "$@"
	BASE=$vc_base
}

# in_time TITLE SECONDS: polls the event page through the cache every second until it lists TITLE.
in_time() {
	it_start=$(date +%s)
	while :; do
		via_cache GET "$EVENT_PATH"
		WAITED=$(($(date +%s) - it_start))
		has "$1" && return 0
		[ "$WAITED" -le "$2" ] || return 1
		sleep 1
	done
}

if [ "$SERVER" = nginx ]; then
	CVAR="$TMP/cache-nginx" CPORT=$((PORT + 50))
	while ! port_free $CPORT; do CPORT=$((CPORT + 1)); done
	CBASE="http://127.0.0.1:$CPORT"
	sh scripts/webconf.sh nginx "$CPORT" "$CVAR" "$SOCK" "$PWD/static" off on > "$TMP/cache-nginx.conf"
	nginx -c "$TMP/cache-nginx.conf" -p "$CVAR" -e "$CVAR/nginx-error.log" 2>>"$CVAR/web.log" &
	CPID=$!
	check "a second nginx with the shipped cache on starts on the same socket" \
	    wait_for 60 eval '[ "$($CURL -o /dev/null -w "%{http_code}" "$CBASE/login" 2>/dev/null)" = 200 ]'

	via_cache GET /
	check "an anonymous GET / is a MISS the first time ($(hdr X-Cache-Status))" eval '[ "$(hdr X-Cache-Status)" = MISS ]'
	via_cache GET /
	check "an anonymous GET / is a HIT the second time ($(hdr X-Cache-Status))" eval '[ "$(hdr X-Cache-Status)" = HIT ] && has "$T1"'
	hit_etag=$(hdr ETag)
	via_cache GET / -H "If-None-Match: $hit_etag"
	check "a cached / answers If-None-Match with 304 and no body" eval '[ "$STATUS" = 304 ] && [ ! -s "$BODY" ]'
	via_cache HEAD "$REL_PATH"
	via_cache HEAD "$REL_PATH"
	via_cache GET "$REL_PATH"
	check "a cached HEAD is never served for a GET: GET after two HEADs has the whole page" \
	    eval '[ "$STATUS" = 200 ] && has "</html>"'
	via_cache GET / -b "$CA"
	check "with a session cookie, / is a BYPASS, private, no-store, with the staff menu ($(hdr X-Cache-Status))" \
	    eval '[ "$(hdr X-Cache-Status)" = BYPASS ] && [ "$(hdr Cache-Control)" = "private, no-store" ] && has "Log out"'
	via_cache GET / -H "Cookie: pr_login=abc"
	check "with the login form's cookie, / is a BYPASS ($(hdr X-Cache-Status))" eval '[ "$(hdr X-Cache-Status)" = BYPASS ]'
	via_cache POST / -d ''
	via_cache POST / -d ''
	check "a POST never comes from the cache (405, X-Cache-Status '$(hdr X-Cache-Status)')" \
	    eval '[ "$STATUS" = 405 ] && [ "$(hdr X-Cache-Status)" != HIT ]'
	via_cache GET /admin -b "$CA"
	check "the dashboard through the cache is a BYPASS and no-store ($(hdr X-Cache-Status))" \
	    eval '[ "$(hdr X-Cache-Status)" = BYPASS ] && [ "$(hdr Cache-Control)" = "private, no-store" ]'

	# A change shows through the cache within its lifetime (the page's max-age), and not sooner: a
	# release about the demo event, watched on the event page, which nothing above put in the cache.
	via_cache GET "$EVENT_PATH"
	fresh=$(hdr X-Cache-Status)
	T2="Cache test: visible through nginx within the lifetime $$"
	NR_EVENT=$(sql "SELECT id FROM events WHERE slug = '${EVENT_PATH##*/}'")
	new_release "$CW" "$T2" submit
	unset NR_EVENT
	made="$made ${NEW_ID:-}"
	check "a second release, about the demo event, is published" approve_publish "$CA" "${NEW_ID:-0}"
	published=$(date +%s)
	http GET "$EVENT_PATH"
	check "without the cache, the event page lists it at once" has "$T2"
	via_cache GET "$EVENT_PATH"
	check "through the cache, the event page (cached just before: $fresh) is still the cached copy ($(hdr X-Cache-Status))" \
	    eval '[ "$fresh" = MISS ] && [ "$(hdr X-Cache-Status)" = HIT ] && lacks "$T2"'
	in_time "$T2" 40
	waited=$(($(date +%s) - published))
	check "through the cache, it is listed within the 30 s lifetime ($waited s, $(hdr X-Cache-Status))" \
	    eval 'has "$T2" && [ "$waited" -le 32 ]'
	stop_pid "$CPID" 10
fi

# --- A schedule coming due changes the ETag with no write: once per suite, it waits for a minute. ---
if [ "$SERVER/$BUILD" = nginx/build ]; then
	T3="Cache test: scheduled for the minute $$"
	new_release "$CW" "$T3" submit
	made="$made ${NEW_ID:-}"
	# The first minute boundary at least 5 s away (office time differs from UTC by whole hours).
	at_epoch=$((($(date +%s) + 65) / 60 * 60))
	at=$(TZ=Asia/Brunei date -d "@$at_epoch" +%Y-%m-%dT%H:%M)
	check "a third release is scheduled for $at (office time)" \
	    approve_publish "$CA" "${NEW_ID:-0}" --data-urlencode "publish_at=$at"
	http GET /
	sched_etag=$(hdr ETag)
	diag "waiting for $at, $((at_epoch - $(date +%s))) s from now"
	while [ "$(date +%s)" -le "$at_epoch" ]; do sleep 1; done
	http GET / -H "If-None-Match: $sched_etag"
	check "once due, / with the ETag from before answers 200 and lists it" eval '[ "$STATUS" = 200 ] && has "$T3"'
fi

# Leave / as it was found for the files after this one: the releases made here are withdrawn.
left=""
for id in $made; do
	wf_step "$CA" "$id" withdraw --data-urlencode "note=Only there for the caching tests." >/dev/null 2>&1 ||
	    left="$left $id"
done
check "the releases made here are withdrawn again (${made:-none}; failed:${left:- none})" test -n "$made" -a -z "$left"
