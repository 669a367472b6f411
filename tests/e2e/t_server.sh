# t_server: the pressroom process: socket mode, worker respawn, schema checks at start, -h, spawn-fcgi, FastCGI HEAD.

# fcgi METHOD URI SOCKET [NAME=VALUE...]: one request straight to a FastCGI socket with cgi-fcgi,
# the body from stdin; the raw answer on stdout.
fcgi() {
	_fm=$1 _fu=$2 _fs=$3
	shift 3
	env -i PATH="$PATH" REQUEST_METHOD="$_fm" REQUEST_URI="$_fu" QUERY_STRING= SERVER_NAME=127.0.0.1 \
	    SERVER_PROTOCOL=HTTP/1.1 REMOTE_ADDR=127.0.0.1 "$@" timeout 10 cgi-fcgi -bind -connect "$_fs"
}

# fcgi_status WANT DESC METHOD URI [NAME=VALUE...]: a test line for a request on pressroom's own socket,
# past anything the web server would normalise; the body comes from stdin.
fcgi_status() {
	_want=$1 _d=$2 _m=$3 _u=$4
	shift 4
	_got=$(fcgi "$_m" "$_u" "$SOCK" "$@" | tr -d '\r' | sed -n 's/^Status: \([0-9]*\).*/\1/p' | head -1)
	echo "${_got:-000} $_m $_u (FastCGI)" >> "$TMP/statuses.log"
	if [ "$_got" = "$_want" ]; then ok "$_d"; else not_ok "$_d (got ${_got:-no answer}, want $_want)"; fi
}

check "the socket has mode 0660 (got $(stat -c %a "$SOCK"))" test "$(stat -c %a "$SOCK")" = 660

fcgi HEAD / "$SOCK" </dev/null > "$TMP/server-head.out"
check "pressroom answers HEAD on its socket with a status and headers" grep -q '^Status: 200' "$TMP/server-head.out"
check "pressroom sends no body for HEAD (nothing after the header block)" \
    eval '[ "$(tr -d "\r" < "$TMP/server-head.out" | sed "1,/^\$/d" | wc -c)" -eq 0 ]'

FORM=CONTENT_TYPE=application/x-www-form-urlencoded
fcgi_status 411 "FastCGI: a POST without CONTENT_LENGTH answers 411" POST /login "$FORM" </dev/null
printf 'a=b' | fcgi_status 400 "FastCGI: a body shorter than its CONTENT_LENGTH answers 400" POST /login "$FORM" CONTENT_LENGTH=100
fcgi_status 400 "FastCGI: a CONTENT_LENGTH of 20 digits answers 400" POST /login "$FORM" CONTENT_LENGTH=99999999999999999999 </dev/null
fcgi_status 400 "FastCGI: a negative CONTENT_LENGTH answers 400" POST /login "$FORM" CONTENT_LENGTH=-5 </dev/null
fcgi_status 413 "FastCGI: a CONTENT_LENGTH over max_body answers 413 before reading" POST /login "$FORM" CONTENT_LENGTH=2000000 </dev/null
fcgi_status 400 "FastCGI: a request without REQUEST_URI answers 400" GET "" </dev/null
fcgi_status 400 "FastCGI: a REQUEST_URI not starting with / answers 400" GET relative </dev/null
printf 'x' | fcgi_status 405 "FastCGI: an unknown method answers 405" BREW / CONTENT_LENGTH=1

# A worker killed with SIGKILL: the others keep serving and the master starts a new one.
before=$(workers)
victim=${before%% *}
kill -KILL "$victim"
codes=""
i=0
while [ $i -lt 20 ]; do
	http GET /
	codes="$codes$STATUS "
	i=$((i + 1))
done
check "20 requests in a row after kill -9 of a worker all answer 200" \
    eval '[ "$(echo $codes | tr " " "\n" | grep -c "^200$")" -eq 20 ] || { diag "statuses: $codes"; false; }'
# replaced N: N workers again, the victim not among them.
replaced() {
	_now=$(workers)
	[ "$(echo $_now | wc -w)" -eq "$1" ] && case " $_now " in *" $victim "*) false ;; *) true ;; esac
}
check "the master respawns the killed worker ($(echo $before | wc -w) workers again)" wait_for 60 replaced "$(echo $before | wc -w)"
check "the master logs the worker's death" grep -q "worker $victim died of signal 9" "$LOG"
http GET /
status_is 200 "GET / after the respawn answers 200"

"$PRESSROOM" -h > "$TMP/server-help.txt" 2>&1
check "pressroom -h exits 0" test $? -eq 0
missing=""
for key in database socket templates static site_name base_url time_zone workers; do
	grep -qw "$key" "$TMP/server-help.txt" || missing="$missing $key"
done
check "pressroom -h documents database, socket, templates, static, site_name, base_url, time_zone, workers" \
    eval '[ -z "$missing" ] || { diag "missing:$missing"; false; }'
check "pressroom -h names the environment variables" grep -q PRESSROOM_DB "$TMP/server-help.txt"

# refuses VERSION DESC: pressroom on a copy of the database at that schema version must not start.
refuses() {
	_db="$TMP/server-v$1.db" _log="$TMP/pressroom-v$1.log"
	rm -f "$_db"
	sqlite3 "$DB" ".backup '$_db'" && sqlite3 "$_db" "PRAGMA user_version = $1"
	timeout 10 "$PRESSROOM" -s "$TMP/server-v$1.sock" -w 1 -d "$_db" 2>"$_log"
	_rc=$?
	if [ $_rc -ne 0 ] && [ $_rc -ne 124 ] && grep -q "version $1\b" "$_log"; then
		ok "$2"
		diag "$(head -1 "$_log")"
	else
		not_ok "$2 (exit $_rc)"
		cat "$_log" >&2
	fi
	[ $_rc -eq 124 ] && rm -f "$TMP/server-v$1.sock"
}
refuses 99 "pressroom refuses a database at schema version 99 (ahead) and names the version"
refuses 1 "pressroom refuses a database at schema version 1 (behind) and names the version"
check "... and tells to run pressroomctl migrate" grep -q "pressroomctl migrate" "$TMP/pressroom-v1.log"

timeout 10 "$PRESSROOM" -s "$TMP/server-none.sock" -w 1 -d "$TMP/no-such.db" 2>"$TMP/pressroom-nodb.log"
rc=$?
check "pressroom refuses a missing database file (exit $rc) without creating it" \
    eval '[ $rc -ne 0 ] && [ $rc -ne 124 ] && [ ! -e "$TMP/no-such.db" ]'
timeout 10 "$PRESSROOM" -s "$TMP/server-none.sock" -w lots -d "$DB" 2>"$TMP/pressroom-badflag.log"
rc=$?
check "pressroom -w lots fails with a message (exit $rc)" eval '[ $rc -ne 0 ] && [ $rc -ne 124 ] && grep -q workers "$TMP/pressroom-badflag.log"'

# spawn-fcgi hands pressroom a listening socket on fd 0 (once: nginx/build only).
if [ "$SERVER/$BUILD" = nginx/build ]; then
	sock2="$(dirname "$SOCK")/spawned.sock"
	spawn-fcgi -s "$sock2" -n -- "$PRESSROOM" -w 1 -d "$DB" 2>"$TMP/pressroom-spawned.log" &
	spawned=$!
	wait_for 60 test -S "$sock2"
	fcgi GET /news/2025/02/chambers-joins-regional-workshop-on-trafficking-for-forced-criminality "$sock2" \
	    > "$TMP/server-spawned.out" 2>&1
	check "pressroom under spawn-fcgi (socket on fd 0) answers a request through cgi-fcgi" \
	    eval 'grep -q "^Status: 200" "$TMP/server-spawned.out" && grep -q "Chambers joins UNODC" "$TMP/server-spawned.out"'
	check "... and logs that it serves the inherited socket" grep -q "inherited socket" "$TMP/pressroom-spawned.log"
	stop_pid "$spawned" 60
	check "pressroom under spawn-fcgi stops on SIGTERM with status 0 (got $STOP_RC)" test "$STOP_RC" = 0
	rm -f "$sock2"
fi
