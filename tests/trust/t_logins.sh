# t_logins: thirty logins at once on thirty workers (issue 5). Each argon2id hash takes 64 MB; with
# hash_slots = 2 at most two run at once, every login still succeeds, and the workers' memory
# together stays near 2 x 64 MB instead of 30 x 64 MB.
LOGIN_SLOTS=2
LOGINS=30
export PRESSROOM_HASH_SLOTS=$LOGIN_SLOTS
PRESSROOM_ARGS="-w $LOGINS"
start_stack nginx "$BUILD" || return 0

thirty_workers() {
	[ "$(workers | wc -w)" -eq $LOGINS ]
}
check "$LOGINS workers are up" wait_for 60 thirty_workers

# fire_logins: $LOGINS logins at once, each its own browser (jar) with the login form's cookie and
# token fetched first; their statuses in $TMP/login-I.status, headers in $TMP/login-I.head, bodies
# in $TMP/login-I.body; the workers' memory meanwhile in $TMP/logins.rss.
fire_logins() {
	i=0
	set -- $USERS
	while [ $i -lt $LOGINS ]; do
		[ $# -gt 0 ] || set -- $USERS
		_u=$1
		shift
		rm -f "$TMP/login-$i.jar" "$TMP/login-$i.status"
		csrf_of "$TMP/login-$i.jar" /login > "$TMP/login-$i.csrf"
		echo "${_u%%:*} ${_u##*:}" > "$TMP/login-$i.user"
		i=$((i + 1))
	done
	rm -f "$TMP/logins.stop"
	rm -f "$TMP/logins.watching"
	python3 tests/trust/rss_watch.py "$APP_PID" "$TMP/logins.stop" --ready "$TMP/logins.watching" > "$TMP/logins.rss" &
	_watch=$!
	wait_for 60 test -e "$TMP/logins.watching"
	i=0
	while [ $i -lt $LOGINS ]; do
		read -r _name _pass < "$TMP/login-$i.user"
		$CURL -o "$TMP/login-$i.body" -D "$TMP/login-$i.head" -w '%{http_code}\n' -b "$TMP/login-$i.jar" \
		    --data-urlencode "name=$_name" --data-urlencode "password=$_pass" \
		    --data-urlencode "csrf=$(cat "$TMP/login-$i.csrf")" --data-urlencode "next=/admin" \
		    "$BASE/login" > "$TMP/login-$i.status" 2>>"$TMP/logins.err" &
		i=$((i + 1))
	done
	# The curls only: the watcher runs until told to stop.
	i=0
	while [ $i -lt $LOGINS ]; do
		wait_for 60 test -s "$TMP/login-$i.status"
		i=$((i + 1))
	done
	touch "$TMP/logins.stop"
	wait "$_watch"
}

fire_logins
_good=0
i=0
while [ $i -lt $LOGINS ]; do
	if [ "$(cat "$TMP/login-$i.status")" = 303 ] && tr -d '\r' < "$TMP/login-$i.head" | grep -q '^[Ll]ocation: .*/admin$'; then
		_good=$((_good + 1))
	else
		diag "login $i ($(cut -d' ' -f1 "$TMP/login-$i.user")): $(cat "$TMP/login-$i.status")"
	fi
	i=$((i + 1))
done
check "all $LOGINS concurrent logins succeed: 303 to /admin ($_good did)" test $_good -eq $LOGINS
check "$LOGINS sessions were started" sql_is $LOGINS "SELECT count(*) FROM sessions"

# peak_sum_kb=N peak_one_kb=N peak_big=N samples=N
_rss=$(cat "$TMP/logins.rss")
diag "workers' memory during the logins: $_rss"
_sum=$(echo "$_rss" | sed -n 's/.*peak_sum_kb=\([0-9]*\).*/\1/p')
_big=$(echo "$_rss" | sed -n 's/.*peak_big=\([0-9]*\).*/\1/p')
check "a hash was seen in flight (a worker above 32 MB)" test "${_big:-0}" -ge 1
check "never more than $LOGIN_SLOTS workers above 32 MB at once (saw ${_big:-?})" test "${_big:-99}" -le $LOGIN_SLOTS
# Each slot's 64 MB plus a small worker each (they are about 5 MB; 12 MB leaves room).
_bound=$((LOGIN_SLOTS * 65536 + LOGINS * 12288))
check "the $LOGINS workers' memory together stayed under $((_bound / 1024)) MB (peak $((${_sum:-0} / 1024)) MB)" \
    test "${_sum:-999999999}" -lt $_bound
stop_stack

# One slot and a 1 s wait: the logins that find no slot in time get a clear 503 with Retry-After,
# are not counted as failed logins, and nothing else goes wrong.
export PRESSROOM_HASH_SLOTS=1 PRESSROOM_HASH_WAIT=1
start_stack nginx "$BUILD" || return 0
wait_for 60 thirty_workers
fire_logins
_n303=$(cat "$TMP"/login-*.status | grep -c '^303$')
_n503=$(cat "$TMP"/login-*.status | grep -c '^503$')
diag "one slot, 1 s wait: $_n303 answered 303, $_n503 answered 503"
check "one slot, 1 s wait: every login answers 303 or 503 ($_n303 + $_n503 of $LOGINS)" test $((_n303 + _n503)) -eq $LOGINS
check "... some found no slot in time (503)" test "$_n503" -ge 1
_clear=1
for _f in $(grep -l '^503$' "$TMP"/login-*.status); do
	_b=${_f%.status}
	tr -d '\r' < "$_b.head" | grep -q '^Retry-After: [0-9]' && grep -q 'Your password was not checked' "$_b.body" || _clear=0
done
check "... each 503 carries Retry-After and says the password was not checked" test $_clear = 1
check "... and none was recorded as a failed login" sql_is 0 "SELECT count(*) FROM audit_log WHERE action = 'login_failed'"
stop_stack
