# lib.sh: helpers for the end-to-end tests: the stack (pressroom + nginx|lighttpd), TAP lines, curl wrappers, logins.
# Sourced by tests/e2e/run.sh from the repository root; the t_*.sh files use what it defines.

CURL="curl -sS --noproxy 127.0.0.1 --max-time 20"
# As root, pressroom needs `user`. The tests make their databases as root, so they say
# `user = root` in so many words; tests/trust/t_privilege.sh proves the switch to an account.
[ "$(id -u)" -eq 0 ] && export PRESSROOM_USER="${PRESSROOM_USER:-root}"
USERS="author1:author:author-one-password author2:author:author-two-password editor1:editor:editor-one-password admin1:admin:admin-one-password"

# --- TAP lines: stdout carries only these; diagnostics go to stderr. ---

ok() {
	echo "ok - $SERVER/$BUILD: $1"
	echo "ok" >> "$TMP/tap.log"
}

not_ok() {
	echo "not ok - $SERVER/$BUILD: $1"
	echo "not ok - $1" >> "$TMP/tap.log"
	echo "# FAILED: $SERVER/$BUILD: $1" >&2
}

# skip DESC WHY: a test line for a check that could not run here; tests/run.sh counts it as skipped.
skip() {
	echo "ok - $SERVER/$BUILD: $1 # SKIP $2"
	echo "ok # SKIP" >> "$TMP/tap.log"
}

# check DESC COMMAND...: one test line, ok when the command succeeds.
check() {
	_cdesc=$1
	shift
	if "$@"; then ok "$_cdesc"; else not_ok "$_cdesc"; fi
}

diag() {
	echo "#   $*" >&2
}

# Shows where the last response went wrong.
show_last() {
	diag "last: $LAST_METHOD $LAST_URL -> $STATUS"
	[ -f "$HDRS" ] && sed 's/^/#   < /' "$HDRS" | tr -d '\r' | head -20 >&2
	[ -f "$BODY" ] && head -c 1500 "$BODY" | sed 's/^/#   | /' >&2
	echo >&2
}

# --- HTTP: each call sets STATUS, BODY and HDRS (files), and records the status. ---

REQ_N=0

# http METHOD PATH [curl options...]: a request to the stack under test.
http() {
	_m=$1 _p=$2
	shift 2
	REQ_N=$((REQ_N + 1))
	BODY="$TMP/req/${REQ_PREFIX:-}$REQ_N.body" HDRS="$TMP/req/${REQ_PREFIX:-}$REQ_N.head"
	LAST_METHOD=$_m LAST_URL="$BASE$_p"
	case $_m in
	HEAD) set -- -I "$@" ;;
	GET) ;;
	*) set -- -X "$_m" "$@" ;;
	esac
	STATUS=$($CURL -o "$BODY" -D "$HDRS" -w '%{http_code}' "$@" "$BASE$_p" 2>"$TMP/req/${REQ_PREFIX:-}$REQ_N.err")
	[ -n "$STATUS" ] || STATUS=000
	[ -f "$BODY" ] || : > "$BODY"
	echo "$STATUS $_m $_p" >> "$TMP/statuses.log"
	return 0
}

# hdr NAME: the value of the last NAME header of the last response ("" if none).
hdr() {
	tr -d '\r' < "$HDRS" | grep -i "^$1:" | tail -1 | sed 's/^[^:]*: *//'
}

# hdr_all NAME: every NAME header of the last response, one a line.
hdr_all() {
	tr -d '\r' < "$HDRS" | grep -i "^$1:" | sed 's/^[^:]*: *//'
}

# has TEXT: the last response body holds TEXT (a fixed string).
has() {
	grep -qF -- "$1" "$BODY"
}

# lacks TEXT: the last response body does not hold TEXT.
lacks() {
	! grep -qF -- "$1" "$BODY"
}

# status_is WANT DESC: a test line for the last status.
status_is() {
	if [ "$STATUS" = "$1" ]; then
		ok "$2"
	else
		not_ok "$2 (got $STATUS, want $1)"
		show_last
	fi
}

# body_has DESC TEXT...: a test line, ok when the last body holds every TEXT.
body_has() {
	_bdesc=$1
	shift
	_missing=""
	for _t in "$@"; do
		has "$_t" || _missing="$_missing [$_t]"
	done
	if [ -z "$_missing" ]; then
		ok "$_bdesc"
	else
		not_ok "$_bdesc"
		diag "missing:$_missing"
		show_last
	fi
}

# --- Forms and sessions. ---

# csrf_in FILE: the value of the first hidden csrf input in an HTML file.
csrf_in() {
	sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' "$1" | head -1
}

# csrf_of JAR PATH: the csrf token of the form at PATH, fetched with the cookies in JAR.
csrf_of() {
	http GET "$2" -b "$1" -c "$1"
	csrf_in "$BODY"
}

# login JAR USER PASS: GET /login for the pr_login cookie and token, then POST; leaves STATUS.
# The jar is kept as it is, as a browser would (a fresh path is a fresh browser).
login() {
	[ -f "$1" ] || : > "$1"
	http GET /login -b "$1" -c "$1"
	_tok=$(csrf_in "$BODY")
	http POST /login -b "$1" -c "$1" --data-urlencode "name=$2" --data-urlencode "password=$3" \
	    --data-urlencode "csrf=$_tok" --data-urlencode "next=/admin"
}

# form_post JAR FORM_PATH ACTION_PATH [curl options...]: the csrf of the form at FORM_PATH, then a POST.
form_post() {
	_jar=$1 _form=$2 _action=$3
	shift 3
	_tok=$(csrf_of "$_jar" "$_form")
	http POST "$_action" -b "$_jar" -c "$_jar" --data-urlencode "csrf=$_tok" "$@"
}

# html_unescape: stdin with the five entities ctemplate's HTML escaping writes turned back into characters.
html_unescape() {
	sed -e 's/&lt;/</g' -e 's/&gt;/>/g' -e 's/&quot;/"/g' -e "s/&#39;/'/g" -e 's/&amp;/\&/g'
}

# field_value FILE ID: what a browser would send for the input or textarea with that id.
field_value() {
	if grep -q "<textarea id=\"$2\"" "$1"; then
		awk -v tag="<textarea id=\"$2\"" '
		{
			line = $0
			if (!on) {
				i = index(line, tag)
				if (!i)
					next
				line = substr(line, i)
				line = substr(line, index(line, ">") + 1)
				on = 1
			}
			k = index(line, "</textarea>")
			if (k) {
				printf "%s%s", out, substr(line, 1, k - 1)
				exit
			}
			out = out line "\n"
		}' "$1"
	else
		sed -n "s/.*<input id=\"$2\"[^>]* value=\"\([^\"]*\)\".*/\1/p" "$1" | head -1
	fi | html_unescape
}

# link_to FILE TEXT: the href of the first <a> whose text is exactly TEXT (as it appears in the HTML).
link_to() {
	grep -F ">$2</a>" "$1" | head -1 | sed 's/.*<a href="\([^"]*\)">.*/\1/'
}

# cookie_in JAR NAME: a cookie's value in a curl cookie jar.
cookie_in() {
	awk -v n="$2" '$6 == n { v = $7 } END { print v }' "$1"
}

# sql QUERY: one query against the test database.
sql() {
	sqlite3 -batch "$DB" "$1"
}

# reindex: what `sql` changed by hand reaches search (pressroomctl reindex), as pressroom's own writes
# reach it when they commit.
reindex() {
	"$PRESSROOMCTL" -d "$DB" reindex >>"$CTL_LOG" 2>&1
}

# sql_is WANT QUERY: the query's output is WANT.
sql_is() {
	_got=$(sql "$2")
	[ "$_got" = "$1" ] || { diag "$2 -> $_got (want $1)"; false; }
}

# --- The stack. ---

# port_free PORT: nothing listens on the loopback port (curl's exit 7: connection refused; a port
# whose listener is slow to answer is not free).
port_free() {
	$CURL -o /dev/null --max-time 2 "http://127.0.0.1:$1/" 2>/dev/null
	[ $? -eq 7 ]
}

# free_port FROM: the first free loopback port from FROM on, within 200.
free_port() {
	_fp=$1
	while [ "$_fp" -lt $(($1 + 200)) ]; do
		port_free "$_fp" && { echo "$_fp"; return 0; }
		_fp=$((_fp + 1))
	done
	echo "no free port from $1" >&2
	return 1
}

# wait_for SECONDS COMMAND...: polls every 0.1 s until COMMAND succeeds.
wait_for() {
	_n=$(($1 * 10))
	shift
	while [ $_n -gt 0 ]; do
		"$@" && return 0
		sleep 0.1
		_n=$((_n - 1))
	done
	return 1
}

# gone PID: the process has exited (a zombie counts as gone).
gone() {
	_st=$(ps -o stat= -p "$1" 2>/dev/null)
	[ -z "$_st" ] || case $_st in Z*) true ;; *) false ;; esac
}

answers() {
	[ "$($CURL -o /dev/null -w '%{http_code}' --max-time 2 "$BASE/" 2>/dev/null)" = 200 ]
}

# listens PID PORT: the process holds the socket listening on 127.0.0.1:PORT (its inode among its fds).
listens() {
	for _ino in $(awk -v p=":$(printf '%04X' "$2")" '$4 == "0A" && substr($2, length($2) - 4) == p { print $10 }' \
	    /proc/net/tcp /proc/net/tcp6 2>/dev/null); do
		ls -l "/proc/$1/fd" 2>/dev/null | grep -qF "socket:[$_ino]" && return 0
	done
	return 1
}

# web_up: our web server is running and holds the port (nginx retries a taken port for seconds, while
# another run's server there answers), and GET / answers 200.
web_up() {
	! gone "$WEB_PID" && listens "$WEB_PID" "$PORT" && answers
}

# start_web PORT: renders the config (nginx without its cache: t_cache.sh runs its own) and starts the web server.
start_web() {
	sh scripts/webconf.sh "$SERVER" "$1" "$VAR" "$SOCK" "$PWD/static" off off > "$VAR/$SERVER.conf" || return 1
	case $SERVER in
	nginx) nginx -c "$VAR/$SERVER.conf" -p "$VAR" -e "$VAR/nginx-error.log" 2>>"$VAR/web.log" & ;;
	lighttpd) lighttpd -D -f "$VAR/$SERVER.conf" 2>>"$VAR/web.log" & ;;
	esac
	WEB_PID=$!
}

# start_app: pressroom on $SOCK and $DB (a restart after a crash too: a socket file left behind is
# removed first, so waiting for it means waiting for the new master); sets APP_PID.
start_app() {
	rm -f "$SOCK"
	# PRESSROOM_ARGS: more flags for a test that needs them (they come last, so they win).
	"$PRESSROOM" -s "$SOCK" -w 2 -d "$DB" ${PRESSROOM_ARGS:-} 2>>"$LOG" &
	APP_PID=$!
	if ! wait_for 60 test -S "$SOCK"; then
		not_ok "start: pressroom creates its socket"
		cat "$LOG" >&2
		return 1
	fi
}

# start_stack SERVER BUILD: a fresh database with the demo and the four test users, pressroom, the web server.
start_stack() {
	SERVER=$1 BUILD=$2
	TMP="${E2E_DIR:-$PWD/tests/out/e2e-$SERVER-$BUILD}"
	rm -rf "$TMP"
	mkdir -p "$TMP/req" "$TMP/var"
	: > "$TMP/tap.log"
	: > "$TMP/statuses.log"
	VAR="$TMP/var" DB="${E2E_DB:-$TMP/pressroom.db}" LOG="$TMP/pressroom.log" CTL_LOG="$TMP/pressroomctl.log"
	SOCK="$TMP/pressroom.sock"
	if [ ${#SOCK} -gt 100 ]; then
		SOCK="$(mktemp -d /tmp/pressroom-e2e.XXXXXX)/pressroom.sock"
	fi
	if [ "$BUILD" = build-asan ]; then
		export ASAN_OPTIONS=detect_leaks=1:abort_on_error=0
		export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
	fi
	export PRESSROOM_TEMPLATES="$PWD/templates" PRESSROOM_STATIC="$PWD/static"
	# Uploaded files, and the public folder the web server serves at /media/ (webconf.sh reads it too).
	export PRESSROOM_FILES="$TMP/files" PRESSROOM_MEDIA="$TMP/media"
	PRESSROOMCTL="$BUILD/pressroomctl" PRESSROOM="$BUILD/pressroom"
	if ! [ -x "$PRESSROOM" ] || ! [ -x "$PRESSROOMCTL" ]; then
		not_ok "start: $BUILD/pressroom and $BUILD/pressroomctl are built (run make test-build)"
		return 1
	fi
	PORT=18080
	[ "$SERVER" = lighttpd ] && PORT=18180
	while ! port_free $PORT; do PORT=$((PORT + 1)); done
	BASE="http://127.0.0.1:$PORT"
	export PRESSROOM_BASE_URL="$BASE"

	if ! { "$PRESSROOMCTL" -d "$DB" init && "$PRESSROOMCTL" -d "$DB" demo; } >>"$CTL_LOG" 2>&1; then
		not_ok "start: pressroomctl init and demo"
		cat "$CTL_LOG" >&2
		return 1
	fi
	for _u in $USERS; do
		_name=${_u%%:*} _rest=${_u#*:}
		if ! echo "${_rest#*:}" | "$PRESSROOMCTL" -d "$DB" user add "$_name" --role "${_rest%%:*}" >>"$CTL_LOG" 2>&1; then
			not_ok "start: pressroomctl user add $_name"
			cat "$CTL_LOG" >&2
			return 1
		fi
	done

	# E2E_OWNER: the account given the test's files, for a pressroom told to switch to it (t_privilege.sh).
	if [ -n "${E2E_OWNER:-}" ] && ! chown -R "$E2E_OWNER:" "$TMP" "$(dirname "$SOCK")"; then
		not_ok "start: the test's files are given to $E2E_OWNER"
		return 1
	fi
	start_app || return 1
	# A port taken between the probe and the bind (a parallel run) costs one more try.
	for _try in 1 2 3; do
		start_web $PORT
		wait_for 60 web_up && break
		kill -TERM "$WEB_PID" 2>/dev/null
		wait "$WEB_PID" 2>/dev/null
		WEB_PID=""
		PORT=$((PORT + 1))
		while ! port_free $PORT; do PORT=$((PORT + 1)); done
		BASE="http://127.0.0.1:$PORT"
		export PRESSROOM_BASE_URL="$BASE"
	done
	if [ -z "$WEB_PID" ]; then
		not_ok "start: $SERVER answers GET / through pressroom"
		cat "$VAR/web.log" "$VAR"/*error.log "$LOG" >&2 2>/dev/null
		return 1
	fi
	diag "stack: $SERVER on $BASE, pressroom $APP_PID, files in $TMP"
	export SERVER BUILD TMP DB BASE SOCK LOG CTL_LOG VAR APP_PID WEB_PID PRESSROOM PRESSROOMCTL
	return 0
}

# workers: the pids of pressroom's workers, on one line.
workers() {
	pgrep -x -P "$APP_PID" pressroom | tr '\n' ' ' | sed 's/ $//'
}

# all_new OLD...: none of the old worker pids is among the workers, and there are as many.
all_new() {
	_now=$(workers)
	[ "$(echo $_now | wc -w)" -eq "$#" ] || return 1
	for _o in "$@"; do
		case " $_now " in *" $_o "*) return 1 ;; esac
	done
}

# reload_workers: SIGHUP to pressroom; waits (up to 10 s) until every worker has been replaced.
reload_workers() {
	_old=$(workers)
	kill -HUP "$APP_PID"
	wait_for 60 all_new $_old
}

# stop_pid PID SECONDS: SIGTERM, then waits; sets STOP_RC (124 when it did not exit in time, then SIGKILL).
stop_pid() {
	kill -TERM "$1" 2>/dev/null
	if wait_for "$2" gone "$1"; then
		wait "$1" 2>/dev/null
		STOP_RC=$?
	else
		kill -KILL "$1" 2>/dev/null
		wait "$1" 2>/dev/null
		STOP_RC=124
	fi
}

# stop_stack: stops the web server, then pressroom, checking that pressroom stops cleanly.
stop_stack() {
	if [ -n "${WEB_PID:-}" ]; then
		stop_pid "$WEB_PID" 60
		WEB_PID=""
	fi
	[ -n "${APP_PID:-}" ] || return 0
	_workers=$(workers)
	stop_pid "$APP_PID" 60
	if [ "$STOP_RC" = 0 ]; then
		ok "SIGTERM stops pressroom, exit status 0"
	else
		not_ok "SIGTERM stops pressroom, exit status 0 (status $STOP_RC)"
		tail -5 "$LOG" >&2
	fi
	_left=""
	for _w in $_workers; do
		gone "$_w" || _left="$_left $_w"
	done
	if [ -n "$_workers" ] && [ -z "$_left" ]; then
		ok "SIGTERM stops every worker with the master"
	else
		not_ok "SIGTERM stops every worker with the master (workers: $_workers; still running:$_left)"
		for _w in $_left; do kill -KILL "$_w" 2>/dev/null; done
	fi
	check "the socket file is removed when pressroom stops" test ! -e "$SOCK"
	case $SOCK in /tmp/pressroom-e2e.*) rm -rf "$(dirname "$SOCK")" ;; esac
	APP_PID=""
}

# sanitizer_check: one test line: no ASan, LSan or UBSan report in what the programs wrote.
sanitizer_check() {
	_hits=$(grep -h -E 'AddressSanitizer|LeakSanitizer|runtime error' "$TMP"/*.log 2>/dev/null)
	if [ -z "$_hits" ]; then
		ok "no AddressSanitizer, LeakSanitizer or UBSan report in the pressroom and pressroomctl logs"
	else
		not_ok "no AddressSanitizer, LeakSanitizer or UBSan report in the pressroom and pressroomctl logs"
		grep -n -E -A12 'AddressSanitizer|LeakSanitizer|runtime error' "$TMP"/*.log | head -80 >&2
	fi
}

# --- HTML validity. ---

# html_problems FILE: what HTML Tidy finds wrong, less what HTML5 and ARIA 1.1 allow and
# tidy 5.6 (Debian 12's) does not know yet: inputmode, and aria-current outside links.
html_problems() {
	tidy -errors -quiet "$1" 2>&1 | grep -v -e 'proprietary attribute "inputmode"' \
	    -e 'proprietary attribute "aria-current"'
}

# html_valid DESC [FILE]: a test line, ok when FILE (the last body by default) is valid HTML.
html_valid() {
	_hv_report=$(html_problems "${2:-$BODY}")
	if [ -z "$_hv_report" ]; then
		ok "$1 is valid HTML"
	else
		not_ok "$1 is valid HTML"
		echo "$_hv_report" | head -10 | sed 's/^/#   /' >&2
	fi
}
