# t_kill9: four writers save releases through nginx while pressroom's workers, and every 20th time the
# master with them, are killed with SIGKILL, 200 times; every save acknowledged with a 303 must be
# there afterwards, complete, in a database that passes integrity_check.

KILLS=${KILL9_KILLS:-200}
PRESSROOM_ARGS="-w 3" start_stack nginx "$BUILD" || return 1
ACKS="$TMP/kill9-acks.jsonl"
: > "$ACKS"
k9_started=$(date +%s)
python3 tests/trust/writers.py write "$BASE" "$ACKS" 600 k author1:author-one-password \
    author2:author-two-password author1:author-one-password author2:author-two-password &
k9_writers=$!

# k9_pause: a random pause of 0.10 to 0.34 s, so that kills land anywhere in a request.
k9_pause() {
	sleep "0.$(($(od -An -N2 -tu2 /dev/urandom) % 25 + 10))"
}

# k9_crash: SIGKILL to the master and its workers at once, as when the whole service dies.
k9_crash() {
	k9_pids="$APP_PID $(workers)"
	kill -KILL $k9_pids 2>/dev/null
	wait "$APP_PID" 2>/dev/null
	k9_procs=$((k9_procs + $(echo $k9_pids | wc -w)))
	k9_masters=$((k9_masters + 1))
}

k9_n=0 k9_masters=0 k9_workers=0 k9_procs=0 k9_restart_failed=0
while [ "$k9_n" -lt "$KILLS" ]; do
	k9_pause
	k9_n=$((k9_n + 1))
	if [ $((k9_n % 20)) -eq 0 ]; then
		k9_crash
		# The last kill leaves the database as the crash left it, for the checks below.
		[ "$k9_n" -lt "$KILLS" ] && { start_app || k9_restart_failed=$((k9_restart_failed + 1)); }
		continue
	fi
	k9_pids=$(workers)
	# Right after a respawn the master may have no worker yet, or the one picked may just have
	# gone: that pause counts, the kill does not.
	set -- $k9_pids
	[ $# -gt 0 ] && shift $(($(od -An -N2 -tu2 /dev/urandom) % $#))
	if [ $# -gt 0 ] && kill -KILL "$1" 2>/dev/null; then
		k9_workers=$((k9_workers + 1)) k9_procs=$((k9_procs + 1))
	else
		k9_n=$((k9_n - 1))
	fi
done
: > "$ACKS.stop"
wait "$k9_writers"
k9_secs=$(($(date +%s) - k9_started))
k9_acked=$(wc -l < "$ACKS")
diag "kill9: $k9_n kills ($k9_workers of a worker, $k9_masters of the master with its workers; $k9_procs processes)" \
    "in $k9_secs s; $k9_acked saves acknowledged"

check "$KILLS SIGKILLs done: $k9_workers of a worker, $k9_masters of the master with its workers ($k9_procs processes)" \
    eval '[ $((k9_workers + k9_masters)) -eq "$KILLS" ] && [ "$k9_masters" -ge 1 ] && [ "$k9_restart_failed" -eq 0 ]'
check "the writers had $k9_acked saves acknowledged with a 303 meanwhile (at least 100)" \
    test "$k9_acked" -ge 100
check "PRAGMA integrity_check says ok on the database the last crash left" sql_is ok "PRAGMA integrity_check"
check "pressroomctl check passes" eval '"$PRESSROOMCTL" -d "$DB" check >&2'
check "pressroomctl audit verify: the audit log's hash chain is whole" \
    eval '"$PRESSROOMCTL" -d "$DB" audit verify >&2'
k9_report=$(python3 tests/trust/writers.py check "$DB" "$ACKS")
check "all $k9_acked acknowledged releases are present and complete (row, first revision, audit entry)" \
    eval '[ "$k9_report" = "present $k9_acked" ] || { diag "$k9_report"; false; }'

start_app
check "after a restart the site answers GET / with 200" wait_for 60 answers
K9J="$TMP/kill9-after.jar"
login "$K9J" author1 author-one-password
form_post "$K9J" /admin/releases/new /admin/releases --data-urlencode "title=Saved after the crashes" \
    --data-urlencode "body=Still saving." --data-urlencode action=save
status_is 303 "... and a new save answers 303"
stop_stack

# The master alone killed with SIGKILL: its workers end too (the kernel's parent-death signal), and do
# not keep the socket and the pipes of whoever started pressroom open.
start_app
wait_for 60 answers
k9_orphaned=$(workers)
kill -KILL "$APP_PID" && wait "$APP_PID" 2>/dev/null
APP_PID=""
k9_no_worker() { ! pgrep -f -- "-s $SOCK" > /dev/null; }
check "workers ($(echo $k9_orphaned | wc -w)) end when their master alone is killed with SIGKILL" \
    eval '[ -n "$k9_orphaned" ] && wait_for 60 k9_no_worker'
# Left over only when that failed: ended here so they hold no pipe of the test run open.
pkill -KILL -f -- "-s $SOCK" 2>/dev/null || true
