# t_throttle: failed logins make the next attempt wait, per account name and per client address;
# an attempt inside the wait is a 429 with Retry-After, its password unchecked.
# The shared accounts and the address 127.0.0.1 stay out of it: the names are this file's own,
# the failures come from 127.0.0.3 (names) and 127.0.0.2 (the address limit), both loopback
# addresses curl can send from, and login_throttle is emptied at the end for the files after it.

TJ="$TMP/throttle.jar"
: > "$TJ"
echo 'throttle-one-password' | "$PRESSROOMCTL" -d "$DB" user add throttle1 --role author >>"$CTL_LOG" 2>&1

# attempt FROM NAME PASSWORD: one login with a fresh form token, sent from the address FROM.
attempt() {
	_tok=$(csrf_of "$TJ" /login)
	http POST /login -b "$TJ" -c "$TJ" --interface "$1" --data-urlencode "name=$2" --data-urlencode "password=$3" \
	    --data-urlencode "csrf=$_tok" --data-urlencode next=/admin
}

# fail_times N FROM NAME: N wrong passwords; FAILS gets their statuses.
fail_times() {
	FAILS=""
	for _i in $(seq 1 "$1"); do
		attempt "$2" "$3" "wrong-password-$_i"
		FAILS="$FAILS$STATUS "
	done
}

# retry_after_in LOW HIGH DESC: a test line: the last answer's Retry-After is whole seconds in [LOW, HIGH].
retry_after_in() {
	_ra=$(hdr Retry-After) _lo=$1 _hi=$2
	check "$3 (Retry-After: $_ra)" eval 'case "$_ra" in ""|*[!0-9]*) false ;; *) [ "$_ra" -ge "$_lo" ] && [ "$_ra" -le "$_hi" ] ;; esac'
}

# The waits themselves are a second or two, shorter than a request can take on a busy machine, so
# the file reads each wait's length from login_throttle, then moves its end: `hold KEY` to half a
# minute ahead before the checks made inside the wait, `lift KEY` to just past once they are done
# (the wait running out by the clock is test_throttle.c's).
# lock_length KEY: the seconds from the last failure to the end of the wait it set.
lock_length() {
	sql "SELECT strftime('%s', locked_until) - strftime('%s', last_failure_at) FROM login_throttle WHERE key = '$1'"
}
hold() {
	sql "UPDATE login_throttle SET locked_until = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+30 seconds') WHERE key = '$1'"
}
lift() {
	sql "UPDATE login_throttle SET locked_until = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-1 seconds') WHERE key = '$1'"
}

# message: the login form's message in the last body, without its numbers (a wait rounded up
# to 1 or 2 seconds depends on when in the second the request lands).
message() {
	sed -n 's/.*class="error-summary"[^>]*>\([^<]*\)<.*/\1/p' "$BODY" | tr -d '0-9' | sed 's/seconds/second/g'
}

# A known account: five wrong passwords, then even the right one must wait.
fail_times 5 127.0.0.3 throttle1
check "five wrong passwords for throttle1 each answer 422 ($FAILS)" test "$FAILS" = "422 422 422 422 422 "
check "... and set a wait of one second (kept to the second, so two)" test "$(lock_length name:throttle1)" = 2
hold name:throttle1
attempt 127.0.0.3 throttle1 throttle-one-password
status_is 429 "the right password inside the wait answers 429"
retry_after_in 28 30 "... with Retry-After in whole seconds, to the wait's end"
body_has "... on the login form, saying when to try again" "Try again in" 'id="password"' 'value="throttle1"'
check "... and starts no session" eval '! hdr_all Set-Cookie | grep -q "^pr_session=[0-9a-f]"'
known_msg=$(message)
check "the refused attempt is not counted as a failure" sql_is 5 "SELECT failures FROM login_throttle WHERE key = 'name:throttle1'"
attempt 127.0.0.1 throttle1 throttle-one-password
status_is 429 "the wait holds for the name from any address"
lift name:throttle1
attempt 127.0.0.3 throttle1 throttle-one-password
status_is 303 "after the wait the right password logs in"
check "... and the success forgets the name's failures" sql_is 0 "SELECT count(*) FROM login_throttle WHERE key = 'name:throttle1'"

# An unknown name is throttled the same way, with the same answer.
fail_times 5 127.0.0.3 throttle-nobody
check "five attempts for an unknown name each answer 422 ($FAILS)" test "$FAILS" = "422 422 422 422 422 "
check "... and set the same wait of one second" test "$(lock_length name:throttle-nobody)" = 2
hold name:throttle-nobody
attempt 127.0.0.3 throttle-nobody some-password-1
status_is 429 "the sixth attempt for an unknown name answers 429"
retry_after_in 28 30 "... with Retry-After"
check "... with the same message as for a known account" eval '[ -n "$known_msg" ] && [ "$(message)" = "$known_msg" ]'
lift name:throttle-nobody
attempt 127.0.0.3 throttle-nobody wrong-password-6
status_is 422 "after the wait, one more failure answers 422"
check "... and the wait after it has grown to two seconds" test "$(lock_length name:throttle-nobody)" = 3
hold name:throttle-nobody
attempt 127.0.0.3 throttle-nobody wrong-password-7
status_is 429 "... which holds the next attempt"
check "every failure is in the audit log with the name tried" \
    sql_is 6 "SELECT count(*) FROM audit_log WHERE action = 'login_failed' AND subject = 'user:throttle-nobody' AND client = '127.0.0.3'"
check "... and each wait it set off" \
    sql_is 2 "SELECT count(*) FROM audit_log WHERE action = 'throttled' AND subject = 'user:throttle-nobody'"

# The address: 20 failures from one address, each for another name, make it wait too.
FAILS=""
for _n in $(seq 1 20); do
	attempt 127.0.0.2 "throttle-guess-$_n" wrong-password
	FAILS="$FAILS$STATUS "
done
check "20 failures from 127.0.0.2, each for a different name, answer 422" \
    test "$FAILS" = "$(printf '422 %.0s' $(seq 1 20))"
check "... and set a wait on the address" test "$(lock_length addr:127.0.0.2)" -ge 2
hold addr:127.0.0.2
attempt 127.0.0.2 throttle1 throttle-one-password
status_is 429 "then from 127.0.0.2 even a right password for another account answers 429"
retry_after_in 28 30 "... with Retry-After"
attempt 127.0.0.3 throttle1 throttle-one-password
status_is 303 "the same login from another address goes through"
check "127.0.0.1 is not held back by any of this" \
    sql_is 0 "SELECT count(*) FROM login_throttle WHERE key = 'addr:127.0.0.1' AND locked_until IS NOT NULL"

sql "DELETE FROM login_throttle"
