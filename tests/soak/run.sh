#!/bin/sh
# `make soak` (issue 5): wrk against real nginx and pressroom with a mixed load (listings, release
# pages, search, feeds, logged-in saves) for SECONDS (default SOAK_DURATION, 300); TAP lines out.
# usage: run.sh [SECONDS]   (make test runs it for 20)
# Settings: SOAK_RELEASES (archive size), SOAK_CONNECTIONS, SOAK_THREADS, SOAK_WORKERS,
# SOAK_SAVE_EVERY (one request in N is a save), SOAK_BUILD (build).
set -u
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here" || exit 2
. tests/e2e/lib.sh
DURATION=${1:-${SOAK_DURATION:-300}}
CONN=${SOAK_CONNECTIONS:-16}
THREADS=${SOAK_THREADS:-2}
SAVE_EVERY=${SOAK_SAVE_EVERY:-20}
# A short run gets a small archive: generating one takes time of its own.
if [ "$DURATION" -le 60 ]; then RELEASES=${SOAK_RELEASES:-1000}; else RELEASES=${SOAK_RELEASES:-20000}; fi
WARMUP=$((DURATION / 10 < 5 ? 5 : DURATION / 10))
E2E_DIR=${E2E_DIR:-$here/tests/out/soak}
SERVER=nginx BUILD=${SOAK_BUILD:-build} TMP=$E2E_DIR
mkdir -p "$TMP/req" && : > "$TMP/tap.log"

if ! command -v wrk >/dev/null 2>&1; then
	not_ok "wrk is installed (apt-get install wrk)"
	exit 1
fi
PRESSROOM_ARGS="-w ${SOAK_WORKERS:-4}"
start_stack nginx "$BUILD" || exit 1
trap 'stop_stack >/dev/null' INT TERM
if ! "$PRESSROOMCTL" -d "$DB" demo --releases "$RELEASES" >>"$CTL_LOG" 2>&1; then
	not_ok "pressroomctl demo --releases $RELEASES"
	stop_stack
	exit 1
fi

# The paths: listing pages along the Older links, the releases they list, searches, feeds.
paths="$TMP/paths.txt"
: > "$paths"
page=/
for _i in 1 2 3 4 5 6 7 8 9 10; do
	http GET "$page"
	echo "$page" >> "$paths"
	grep -o 'href="/news/[^"]*"' "$BODY" | sed 's/^href="//; s/"$//' >> "$paths"
	page=$(sed -n 's/.*<a href="\([^"]*\)" rel="next">.*/\1/p' "$BODY" | head -1 | html_unescape)
	[ -n "$page" ] || break
done
for _q in workshop trafficking conference justice training cooperation; do
	echo "/search?q=$_q" >> "$paths"
done
printf '%s\n' /feed.atom /sitemap.xml /api/v1/releases /events >> "$paths"
_bad=""
for _p in $(sort -u "$paths"); do
	http GET "$_p"
	[ "$STATUS" = 200 ] || _bad="$_bad $_p:$STATUS"
done
check "every path of the mix answers 200 before the run ($(wc -l < "$paths") paths, $(sort -u "$paths" | wc -l) distinct)" \
    test -z "$_bad"
[ -z "$_bad" ] || diag "not 200:$_bad"

# One author's session and the token its forms carry; every save in the mix uses them.
JAR="$TMP/author.jar"
login "$JAR" author1 author-one-password
status_is 303 "author1 logs in for the saves"
export SOAK_PATHS="$paths" SOAK_SAVE_EVERY="$SAVE_EVERY"
SOAK_CSRF=$(csrf_of "$JAR" /admin/releases/new)
SOAK_COOKIE="pr_session=$(cookie_in "$JAR" pr_session)"
export SOAK_CSRF SOAK_COOKIE

# rss_kb: the sum of the workers' VmRSS; worker_pids: their pids.
rss_kb() {
	for _w in $(workers); do awk '/^VmRSS:/ { print $2 }' "/proc/$_w/status" 2>/dev/null; done |
	    awk '{ s += $1 } END { print s + 0 }'
}

# soak SECONDS NAME: wrk with the mix; its output in $TMP/wrk-NAME.txt.
soak() {
	wrk -t"$THREADS" -c"$CONN" -d"${1}s" --timeout 10s -s tests/soak/mixed.lua "$BASE" \
	    > "$TMP/wrk-$2.txt" 2>&1
}

drafts() {
	sql "SELECT count(*) FROM releases WHERE title LIKE 'Soak save %'"
}

# Warm-up: every path once or more, so caches (SQLite's, ctemplate's) are full before measuring.
soak "$WARMUP" warmup
rss_start=$(rss_kb)
pids_start=$(workers)
saved_before=$(drafts)
echo "# soak: $DURATION s, $CONN connections, $THREADS threads, $RELEASES releases, a save every $SAVE_EVERY requests" >&2
soak "$DURATION" run
rss_end=$(rss_kb)
saved_after=$(drafts)

counts=$(grep '^soak-counts' "$TMP/wrk-run.txt")
sed 's/^/#   wrk: /' "$TMP/wrk-run.txt" >&2
field() { echo "$counts" | sed -n "s/.*$1=\([0-9]*\).*/\1/p"; }
ok2xx=$(field ok2xx) saves=$(field saves303) other=$(field other)
requests=$(awk '/requests in/ { print $1 }' "$TMP/wrk-run.txt")
sockerr=$(awk '/Socket errors:/ { gsub(",", ""); print $4 + $6 + $8 + $10 }' "$TMP/wrk-run.txt")
rps=$(awk '/Requests\/sec:/ { print $2 }' "$TMP/wrk-run.txt")
check "wrk ran and counted its answers ($requests requests, $rps/s)" test -n "$counts" -a "${requests:-0}" -gt 0
check "no answer but 2xx, or 303 to a save ($ok2xx 2xx, $saves saves, ${other:-?} other)" test "${other:-1}" -eq 0
check "no socket errors (${sockerr:-0})" test "${sockerr:-0}" -eq 0
check "saves happened: $saves answered 303" test "${saves:-0}" -gt 0
# A connection still open when wrk stops may have saved without wrk reading the 303.
landed=$((saved_after - saved_before))
check "every save answered 303 landed in the database ($landed new drafts for $saves answers)" \
    test "$landed" -ge "${saves:-1}" -a "$landed" -le $((${saves:-0} + CONN))
check "no worker was replaced during the run" test "$(workers)" = "$pids_start"
grow_ok() {
	[ "$rss_end" -le $((rss_start + rss_start / 10)) ]
}
check "the workers' memory grew at most 10% over the run ($((rss_start / 1024)) MB after the warm-up, $((rss_end / 1024)) MB at the end)" grow_ok
check "nothing in the log about a dead or stuck worker" eval '! grep -E "respawning|deadline" "$LOG" >&2'
echo "# soak figures: $requests requests in $DURATION s ($rps/s), $ok2xx 2xx, $saves saves, $other other, ${sockerr:-0} socket errors, workers $rss_start kB -> $rss_end kB" >&2
stop_stack
! grep -q '^not ok' "$TMP/tap.log"
