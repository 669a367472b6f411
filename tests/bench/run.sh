#!/bin/sh
# `make bench`: pressroom behind nginx against static nginx and a C FastCGI reference, measured with wrk on loopback.
set -eu
DURATION=${BENCH_DURATION:-10s}
CONN=${BENCH_CONNECTIONS:-64}
THREADS=${BENCH_THREADS:-2}
RELEASES=${BENCH_RELEASES:-100000}
TIMEOUT=${BENCH_TIMEOUT:-10s}
here=$(cd "$(dirname "$0")/../.." && pwd)
out="$here/tests/out/bench"
ctl="$here/build/pressroomctl"
# The end-to-end tests' helpers: free_port, csrf_in, cookie_in, and `user = root` when run as root (the
# bench's database is root's).
. "$here/tests/e2e/lib.sh"

if ! command -v wrk >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then
		apt-get install -y wrk >/dev/null || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
	else
		echo "bench: wrk is missing; install it with: sudo apt-get install wrk" >&2
		exit 1
	fi
fi
for tool in nginx curl sqlite3; do
	command -v $tool >/dev/null 2>&1 || { echo "bench: $tool is missing (make deps)" >&2; exit 1; }
done
[ -x "$here/build/pressroom" ] && [ -x "$here/build/ref_fcgi" ] || { echo "bench: run make bench" >&2; exit 1; }

pids=""
nginx_confs=""
stop() {
	trap - INT TERM EXIT
	for c in $nginx_confs; do nginx -c "$c" -p "$(dirname "$c")" -s stop 2>/dev/null || true; done
	for p in $pids; do
		pkill -TERM -P "$p" 2>/dev/null || true
		kill -TERM "$p" 2>/dev/null || true
	done
	for p in $pids; do wait "$p" 2>/dev/null || true; done
}
trap stop INT TERM EXIT

# Waits (at most 5 s) until URL answers 200.
wait_200() {
	n=0
	while [ $n -lt 500 ]; do
		[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "$1" || true)" = 200 ] && return 0
		sleep 0.01; n=$((n + 1))
	done
	echo "bench: $1 did not answer 200" >&2; exit 1
}
start_nginx() { # CONF: daemon off, in the background
	mkdir -p "$(dirname "$1")"
	nginx -c "$1" -p "$(dirname "$1")" >/dev/null 2>&1 &
	pids="$pids $!"
	nginx_confs="$nginx_confs $1"
}

rm -rf "$out"
mkdir -p "$out/app" "$out/cached" "$out/ref" "$out/static"
export PRESSROOM_DB="$out/bench.db" PRESSROOM_TEMPLATES="$here/templates" PRESSROOM_STATIC="$here/static"
export PRESSROOM_MEDIA="$out/media" PRESSROOM_FILES="$out/files"
sock="$out/pressroom.sock" refsock="$out/ref.sock"
port_app=$(free_port 18300)
port_cached=$(free_port $((port_app + 1)))
port_ref=$(free_port $((port_cached + 1)))
export PRESSROOM_BASE_URL="http://127.0.0.1:$port_app"

echo "bench: a database of $RELEASES releases in $out"
"$ctl" init >/dev/null
"$ctl" demo >/dev/null
t=$(date +%s)
"$ctl" demo --releases "$RELEASES" >/dev/null
echo "bench: generated in $(( $(date +%s) - t )) s"

"$here/scripts/webconf.sh" nginx "$port_app" "$out/app" "$sock" "$here/static" off off > "$out/app/nginx.conf"
"$here/scripts/webconf.sh" nginx "$port_cached" "$out/cached" "$sock" "$here/static" off on > "$out/cached/nginx.conf"
start_nginx "$out/app/nginx.conf"
start_nginx "$out/cached/nginx.conf"
sleep 0.3

# A photograph of a published release, as an upload leaves it: its file stored, its row written;
# pressroom's publisher links it into the media folder at start, and nginx serves it from there.
photo_hash=0123456789abcdef0123456789abcdef
mkdir -p "$PRESSROOM_FILES"
"$here/build/mkphoto" "$PRESSROOM_FILES/$photo_hash-960.jpg" 960 640
cp "$PRESSROOM_FILES/$photo_hash-960.jpg" "$out/static/photo.jpg"
sqlite3 "$PRESSROOM_DB" "INSERT INTO photos(release_id, position, hash, widths, width, height, alt, added_by, added_at)
  SELECT id, 1, '$photo_hash', '960', 960, 640, 'A photograph for the bench', author_id, published_at
  FROM releases WHERE status = 'published' ORDER BY published_at LIMIT 1"

# Start to first answer: nginx is already up, so the time is pressroom's.
t0=$(date +%s%N)
"$here/build/pressroom" -s "$sock" 2>>"$out/pressroom.log" &
app=$!
pids="$pids $app"
wait_200 "http://127.0.0.1:$port_app/"
t1=$(date +%s%N)
start_ms=$(( (t1 - t0) / 1000000 ))

base="http://127.0.0.1:$port_app"
curl -s "$base/" > "$out/static/index.html"
size=$(wc -c < "$out/static/index.html")

# The references, through the same nginx configuration as pressroom (etc/nginx.conf.in, cache off):
# the static copy is one of its static files, and every other address goes to the C program.
"$here/build/ref_fcgi" "$refsock" "$size" "$(nproc)" 2>>"$out/ref.log" &
pids="$pids $!"
"$here/scripts/webconf.sh" nginx "$port_ref" "$out/ref" "$refsock" "$out/static" off off > "$out/ref/nginx.conf"
start_nginx "$out/ref/nginx.conf"
wait_200 "http://127.0.0.1:$port_ref/static/index.html"
wait_200 "http://127.0.0.1:$port_ref/fcgi"

# The pages: a listing page deep in (page 5,000, or the middle of a smaller archive), a release, an event.
pages=$(sqlite3 "$PRESSROOM_DB" "SELECT count(*) / 20 FROM releases WHERE status = 'published'")
page=5000
[ "$pages" -lt 5000 ] && page=$((pages / 2))
cursor=$(sqlite3 "$PRESSROOM_DB" "SELECT published_at || '.' || id FROM releases WHERE status = 'published'
  AND published_at <= strftime('%Y-%m-%dT%H:%M:%SZ','now') ORDER BY published_at DESC, id DESC
  LIMIT 1 OFFSET $((page * 20 - 21))")
deep="/?before=$(printf %s "$cursor" | sed 's/:/%3A/g')"
release=$(grep -o 'href="/news/[^"]*"' "$out/static/index.html" | head -1 | sed 's/^href="//; s/"$//')
event=$(grep -o 'href="/events/[^"/]*"' "$out/static/index.html" | head -1 | sed 's/^href="//; s/"$//')
for u in "$deep" "$release" "$event" /search?q=workshop /feed.atom /api/v1/releases; do
	[ -n "$u" ] || { echo "bench: no release or event link on the home page" >&2; exit 1; }
	code=$(curl -s -o /dev/null -w '%{http_code}' "$base$u")
	[ "$code" = 200 ] || echo "bench: warning: $u answers $code" >&2
done
wait_200 "http://127.0.0.1:$port_cached/"
wait_200 "$base/media/$photo_hash-960.jpg"

# A signed-in author for the save row: the session cookie and the token the new-release form carries.
echo bench-author-password | "$ctl" user add bench-author --role author >/dev/null
jar="$out/author.jar"
curl -s -c "$jar" -b "$jar" "$base/login" > "$out/login.html"
login_csrf=$(csrf_in "$out/login.html")
curl -s -o /dev/null -c "$jar" -b "$jar" --data-urlencode "name=bench-author" \
    --data-urlencode "password=bench-author-password" --data-urlencode "csrf=$login_csrf" "$base/login"
curl -s -b "$jar" "$base/admin/releases/new" > "$out/new-release.html"
SOAK_CSRF=$(csrf_in "$out/new-release.html")
SOAK_COOKIE="pr_session=$(cookie_in "$jar" pr_session)"
echo / > "$out/save-paths.txt"
export SOAK_CSRF SOAK_COOKIE SOAK_PATHS="$out/save-paths.txt" SOAK_SAVE_EVERY=1
[ -n "$SOAK_CSRF" ] && [ "$SOAK_COOKIE" != "pr_session=" ] || { echo "bench: the author cannot sign in" >&2; exit 1; }
# The login's argon2id hash takes 64 MB in the worker that checked it, by design, and VmHWM keeps
# that for the worker's life; fresh workers (SIGHUP) make the peak below the one of serving alone.
hashed=$(pgrep -P "$app" | while read -r w; do awk '/VmHWM/ { print $2 }' "/proc/$w/status"; done | sort -n | tail -1)
old_workers=$(pgrep -P "$app" | tr '\n' ' ')
replaced() {   # every old worker gone, as many new ones
	_now=$(pgrep -P "$app" | tr '\n' ' ')
	[ "$(echo $_now | wc -w)" -eq "$(echo $old_workers | wc -w)" ] || return 1
	for _o in $old_workers; do case " $_now " in *" $_o "*) return 1 ;; esac; done
}
kill -HUP "$app"
for _i in $(seq 100); do replaced && break; sleep 0.1; done
wait_200 "$base/"

# wrk NAME URL [wrk options]: one line "name rps p50 p99 errors" into results.
results="$out/results.txt"
: > "$results"
run() {
	echo "bench: $1 ($2)" >&2
	_name=$1 _url=$2
	shift 2
	wrk -t"$THREADS" -c"$CONN" -d"$DURATION" --timeout "$TIMEOUT" --latency "$@" "$_url" > "$out/wrk-$_name.txt" 2>&1 || true
	awk -v name="$_name" '
		/Requests\/sec:/ { rps = $2 }
		/^ +50% / && $2 != "0.00us" { p50 = $2 }
		/^ +99% / && $2 != "0.00us" { p99 = $2 }
		/Non-2xx or 3xx responses:/ { err += $NF }
		/Socket errors:/ { gsub(",", ""); err += $4 + $6 + $8 + $10 }
		END { printf "%s %s %s %s %d\n", name, rps + 0, p50 ? p50 : "-", p99 ? p99 : "-", err }
	' "$out/wrk-$_name.txt" >> "$results"
}
run static-nginx "http://127.0.0.1:$port_ref/static/index.html"
run c-fastcgi "http://127.0.0.1:$port_ref/fcgi"
# A photograph: the same JPEG as a plain static file of the reference, and as a public /media/ file.
run photo-static "http://127.0.0.1:$port_ref/static/photo.jpg"
run photo "$base/media/$photo_hash-960.jpg"
run home "$base/"
run "listing-p$page" "$base$deep"
run release "$base$release"
run event "$base$event"
run search "$base/search?q=workshop"
run feed "$base/feed.atom"
run api "$base/api/v1/releases"
run home-cached "http://127.0.0.1:$port_cached/"
# The same pages answered privately: a cookie that is no session is looked up and makes the answer
# private, no-store, as a signed-in reader's would be.
fresh="Cookie: pr_session=not-a-session"
run home-built "$base/" -H "$fresh"
run release-built "$base$release" -H "$fresh"
run event-built "$base$event" -H "$fresh"
run search-built "$base/search?q=workshop" -H "$fresh"
# Latency alone: one request at a time, so p50 is one request's time and not the queue's
# (tests/bench/latency.py: wrk's figures with a single connection are not to be trusted).
latency_search=$(python3 "$here/tests/bench/latency.py" "$base/search?q=workshop" 500)
latency_search_built=$(python3 "$here/tests/bench/latency.py" "$base/search?q=workshop" 50 "$fresh")
latency_home_built=$(python3 "$here/tests/bench/latency.py" "$base/" 200 "$fresh")
# What readers search for (tests/bench/searches.txt), built afresh: each query once (nothing of it
# kept by any worker yet: no answer, no count), then each five times (its median: the count kept).
latency_mix_first=$(LATENCY_DETAIL="$out/searches-once.txt" python3 "$here/tests/bench/latency.py" --searches "$here/tests/bench/searches.txt" "$base" 1 "$fresh")
latency_mix=$(LATENCY_DETAIL="$out/searches-five.txt" python3 "$here/tests/bench/latency.py" --searches "$here/tests/bench/searches.txt" "$base" 5 "$fresh")
# Last, as it writes: every request a new draft saved by the signed-in author (answered 303).
saved_before=$(sqlite3 "$PRESSROOM_DB" "SELECT count(*) FROM releases WHERE title LIKE 'Soak save %'")
run save "$base/admin/releases" -s "$here/tests/soak/mixed.lua"
saved=$(( $(sqlite3 "$PRESSROOM_DB" "SELECT count(*) FROM releases WHERE title LIKE 'Soak save %'") - saved_before ))

# Peak memory of the workers (children of the master), the larger of them.
rss=$(pgrep -P "$app" | while read -r w; do awk '/VmHWM/ { print $2 }' "/proc/$w/status"; done | sort -n | tail -1)
rss="${rss:--} kB"

echo
echo "pressroom bench: $RELEASES releases, wrk -t$THREADS -c$CONN -d$DURATION --timeout $TIMEOUT, $(nproc) cores, page body $size bytes"
awk '
	NR == FNR { if ($1 == "static-nginx") st = $2; if ($1 == "c-fastcgi") cf = $2; next }
	FNR == 1 { printf "%-16s %12s %10s %10s %7s %8s %8s\n", "name", "requests/s", "p50", "p99", "errors", "vs C", "vs nginx" }
	{ printf "%-16s %12.0f %10s %10s %7d %7.0f%% %7.0f%%\n", $1, $2, $3, $4, $5, cf ? 100 * $2 / cf : 0, st ? 100 * $2 / st : 0 }
' "$results" "$results"
awk '$1 == "photo-static" { ps = $2 } $1 == "photo" { p = $2 }
	END { if (ps) printf "photo (a public /media/ file) vs the same JPEG as a static file: %.0f%%\n", 100 * p / ps }' "$results"
echo "worker peak RSS (VmHWM, the larger of the workers, after every row): $rss"
echo "a worker that checked a password (the author's login, argon2id): ${hashed:--} kB"
echo "one request at a time (p50 p99 statuses): search $latency_search; search built afresh $latency_search_built; home built afresh $latency_home_built"
echo "searches built afresh, $(grep -vc '^#' "$here/tests/bench/searches.txt") queries (p50 p99 slowest statuses): each once $latency_mix_first; each five times, medians $latency_mix"
echo "start to first answer: $start_ms ms"
echo "saves: $saved drafts in the database; wrk: $(grep -h '^soak-counts' "$out/wrk-save.txt")"
echo "raw wrk output: $out/wrk-*.txt"
