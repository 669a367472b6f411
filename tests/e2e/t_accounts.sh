# t_accounts: /admin/users and /admin/account: new accounts, roles, disabling, password resets,
# one's own password and sessions, and the two session limits. Changes only an account of its
# own (clerk1); the four shared test accounts are only logged in with.

AA="$TMP/accounts-admin.jar" AC="$TMP/accounts-clerk.jar" AU="$TMP/accounts-author.jar"
: > "$AA"; : > "$AC"; : > "$AU"

# shown_password: the password a created or reset account's page shows once.
shown_password() {
	sed -n 's/.*<code class="password">\([^<]*\)<.*/\1/p' "$BODY"
}

# users_post PATH [curl options...]: a POST from the accounts page, as admin1.
users_post() {
	_up=$1
	shift
	form_post "$AA" /admin/users "$_up" "$@"
}

# sessions_of NAME: how many sessions the account has.
sessions_of() {
	sql "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.name = '$1'"
}

login "$AA" admin1 admin-one-password
http GET /admin/users -b "$AA"
status_is 200 "GET /admin/users answers 200 for an admin"
body_has "the accounts page lists every account with its role, admin1 marked as the viewer" \
    "author1" "editor1" "admin1 (you)" "<td>admin</td>"
body_has "every field of the new-account form has a visible label" \
    '<label for="name">' '<label for="display_name">' '<label for="role">' '<label for="role-author1">'
html_valid "/admin/users"
login "$AU" author1 author-one-password
http GET /admin/users -b "$AU"
status_is 403 "an author gets 403 on /admin/users"
http POST /admin/users -b "$AU" --data-urlencode "csrf=$(csrf_of "$AU" /admin)" -d name=sneaky -d display_name=S -d role=admin
status_is 403 "an author's POST to /admin/users answers 403"
check "... and creates nothing" sql_is 0 "SELECT count(*) FROM users WHERE name = 'sneaky'"

# A new account that can log in.
users_post /admin/users -d name=clerk1 --data-urlencode "display_name=Clerk One" -d role=author
status_is 201 "creating an account answers 201"
pw1=$(shown_password)
check "the page shows the generated password once (20 characters)" eval '[ ${#pw1} -eq 20 ] && [ "$(grep -c -- "$pw1" "$BODY")" = 1 ]'
html_valid "the new password page"
check "the account is stored with an argon2id hash, not the password" \
    sql_is "author 0" "SELECT role || ' ' || disabled FROM users WHERE name = 'clerk1' AND password_hash LIKE '\$argon2id\$%'"
check "the creation is in the audit log, by admin1" sql_is 1 "SELECT count(*) FROM audit_log a JOIN users u ON u.id = a.user_id
    WHERE a.action = 'account_created' AND a.subject = 'user:clerk1' AND u.name = 'admin1'"
login "$AC" clerk1 "$pw1"
status_is 303 "the new account logs in with the password shown"
http GET /admin/account -b "$AC"
status_is 200 "... and opens its own account page"
body_has "... as an author" "Clerk One (user name clerk1, author)"
check "the login is remembered as the last one" sql_is 1 "SELECT count(*) FROM users WHERE name = 'clerk1' AND last_login_at IS NOT NULL"

users_post /admin/users -d name=clerk1 -d display_name=Again -d role=editor
status_is 422 "a user name already taken answers 422"
body_has "... naming the field" "User name is taken already"
users_post /admin/users --data-urlencode "name=Bad Name" -d display_name= -d role=boss
status_is 422 "a bad name, no display name and an unknown role answer 422"
body_has "... naming each field and keeping what was typed" "User name may hold only a-z" \
    "Display name is required" "Role is not one of the choices" 'value="Bad Name"'
html_valid "the new-account form with errors"

# A role change counts from the account's next request.
http GET /admin/users -b "$AC"
status_is 403 "clerk1, an author, gets 403 on /admin/users"
users_post /admin/users/clerk1/role -d role=admin
status_is 303 "changing clerk1's role to admin answers 303"
http GET /admin/users -b "$AC"
status_is 200 "... and clerk1's very next request may open /admin/users"
users_post /admin/users/clerk1/role -d role=author
http GET /admin/users -b "$AC"
status_is 403 "made an author again, clerk1 gets 403 again"
check "both role changes are in the audit log" sql_is "author to admin|admin to author" \
    "SELECT group_concat(detail, '|') FROM (SELECT detail FROM audit_log WHERE action = 'role_change' AND subject = 'user:clerk1' ORDER BY id)"
users_post /admin/users/clerk1/role -d role=boss
status_is 422 "an unknown role answers 422"
users_post /admin/users/nobody-here/role -d role=editor
status_is 404 "the role of an account that does not exist answers 404"

# An admin cannot demote, disable or reset themselves.
users_post /admin/users/admin1/role -d role=editor
status_is 409 "an admin changing their own role answers 409"
body_has "... with a message" "You cannot change your own role"
users_post /admin/users/admin1/disable
status_is 409 "an admin disabling themselves answers 409"
users_post /admin/users/admin1/password
status_is 409 "an admin resetting their own password here answers 409"
check "admin1 is still an active admin" sql_is "admin 0" "SELECT role || ' ' || disabled FROM users WHERE name = 'admin1'"

# Disabling ends the account's sessions at once.
check "clerk1 has a live session" eval '[ "$(sessions_of clerk1)" -ge 1 ]'
users_post /admin/users/clerk1/disable
status_is 303 "disabling clerk1 answers 303"
check "... and ends every session clerk1 had" eval '[ "$(sessions_of clerk1)" = 0 ]'
http GET /admin/account -b "$AC"
status_is 303 "clerk1's cookie from before is sent to the login form on its next request"
login "$TMP/accounts-clerk-b.jar" clerk1 "$pw1"
status_is 422 "a disabled account cannot log in, with the usual 422"
http GET /admin/users -b "$AA"
body_has "the list shows clerk1 disabled, with an Enable button" "<strong>Disabled</strong>" 'action="/admin/users/clerk1/enable"'
users_post /admin/users/clerk1/enable
status_is 303 "enabling clerk1 again answers 303"
: > "$AC"
login "$AC" clerk1 "$pw1"
status_is 303 "... and clerk1 logs in again"

# A password reset: a new password, shown once; the sessions end, the old password stops working.
users_post /admin/users/clerk1/password
status_is 200 "resetting clerk1's password answers 200"
pw2=$(shown_password)
check "... with a new generated password" eval '[ ${#pw2} -eq 20 ] && [ "$pw2" != "$pw1" ]'
http GET /admin/account -b "$AC"
status_is 303 "the reset ended clerk1's session"
login "$TMP/accounts-clerk-c.jar" clerk1 "$pw1"
status_is 422 "the old password no longer logs in"
: > "$AC"
login "$AC" clerk1 "$pw2"
status_is 303 "the new one does"

# One's own password: the current one is needed, the new one is checked, the others' sessions end.
AC2="$TMP/accounts-clerk-2.jar"
: > "$AC2"
login "$AC2" clerk1 "$pw2"
own_password() {
	form_post "$AC" /admin/account /admin/account/password --data-urlencode "current_password=$1" \
	    --data-urlencode "new_password=$2" --data-urlencode "confirm_password=$3"
}
own_password wrong-password-0 clerk-new-password-1 clerk-new-password-1
status_is 422 "a wrong current password answers 422"
body_has "... naming the field" "Current password does not match your current password"
check "... and never shows a password typed" eval '! grep -q "clerk-new-password-1\|wrong-password-0" "$BODY"'
html_valid "the password form with errors"
own_password "$pw2" short short
status_is 422 "a new password under 10 characters answers 422"
body_has "... naming the field" "New password must have at least 10 characters"
own_password "$pw2" clerk-new-password-1 clerk-new-password-2
status_is 422 "a repetition that differs answers 422"
body_has "... naming the field" "New password again does not match the new password"
own_password "$pw2" clerk-new-password-1 clerk-new-password-1
status_is 303 "a good change answers 303"
check "... back to the account page" eval 'case "$(hdr Location)" in */admin/account\?done=password) true ;; *) false ;; esac'
loc=$(hdr Location)
http GET "${loc#"$BASE"}" -b "$AC"
body_has "the session that changed it goes on, and says so" "Your password has been changed"
http GET /admin/account -b "$AC2"
status_is 303 "clerk1's other session ended with the change"
login "$TMP/accounts-clerk-d.jar" clerk1 clerk-new-password-1
status_is 303 "the new password logs in"
check "the change is in the audit log" sql_is 1 "SELECT count(*) FROM audit_log WHERE action = 'password_changed' AND subject = 'user:clerk1'"

# One's own sessions: listed with their address; any other one can be ended, or all of them.
: > "$AC2"
login "$AC2" clerk1 clerk-new-password-1
http GET /admin/account -b "$AC"
body_has "the account page lists the sessions, this one marked" "This session" "<td>127.0.0.1</td>" "End this session"
html_valid "/admin/account"
handle=$(sed -n 's|.*action="/admin/account/sessions/\([0-9a-f]*\)/end".*|\1|p' "$BODY" | head -1)
form_post "$AC" /admin/account "/admin/account/sessions/$handle/end"
status_is 303 "ending another session of one's own answers 303"
http GET /admin/account -b "$AC"
status_is 200 "... this session goes on"
check "... and only the sessions clerk1 did not end are left" eval '[ "$(sessions_of clerk1)" -ge 1 ]'
admin_handle=$(sql "SELECT substr(token_hash, 1, 16) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.name = 'admin1' LIMIT 1")
form_post "$AC" /admin/account "/admin/account/sessions/$admin_handle/end"
status_is 404 "ending someone else's session by its handle answers 404"
check "... and admin1 is still signed in" eval 'http GET /admin/users -b "$AA"; [ "$STATUS" = 200 ]'
: > "$AC2"
login "$AC2" clerk1 clerk-new-password-1
form_post "$AC" /admin/account /admin/account/sessions/end-others
status_is 303 "ending all other sessions answers 303"
http GET /admin/account -b "$AC2"
status_is 303 "... and the other browser is sent to the login form"
check "clerk1 is left with this one session" eval '[ "$(sessions_of clerk1)" = 1 ]'

# Session limits: 30 minutes idle and 12 hours in all by default, from the settings.
sql_clerk="(SELECT id FROM users WHERE name = 'clerk1')"
ago() {
	echo "strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '-$1')"
}
check "a new session lasts session_max (43200 s) at most" sql_is 43200 \
    "SELECT strftime('%s', expires_at) - strftime('%s', created_at) FROM sessions WHERE user_id = $sql_clerk"
sql "UPDATE sessions SET seen_at = $(ago '10 minutes') WHERE user_id = $sql_clerk"
http GET /admin/account -b "$AC"
status_is 200 "a session unused for 10 minutes still works"
check "... and its use is recorded" sql_is 1 "SELECT count(*) FROM sessions WHERE user_id = $sql_clerk AND seen_at > $(ago '1 minute')"
sql "UPDATE sessions SET seen_at = $(ago '31 minutes') WHERE user_id = $sql_clerk"
http GET /admin/account -b "$AC"
status_is 303 "a session unused for 31 minutes is sent to the login form"
check "... and is deleted" sql_is 0 "SELECT count(*) FROM sessions WHERE user_id = $sql_clerk"
: > "$AC"
login "$AC" clerk1 clerk-new-password-1
sql "UPDATE sessions SET expires_at = $(ago '1 second') WHERE user_id = $sql_clerk"
http GET /admin/account -b "$AC"
status_is 303 "a session past its absolute end is sent to the login form, however fresh"

# session_idle from the environment: a second pressroom on the same database, with 2 minutes.
"$PRESSROOM" -h 2>&1 | grep -q 'session_idle.*PRESSROOM_SESSION_IDLE' && "$PRESSROOM" -h 2>&1 | grep -q 'session_max.*PRESSROOM_SESSION_MAX'
check "pressroom -h lists session_idle and session_max" test $? -eq 0
idle_dir=$(mktemp -d /tmp/pressroom-idle.XXXXXX)
PRESSROOM_SESSION_IDLE=120 "$PRESSROOM" -s "$idle_dir/s.sock" -w 1 -d "$DB" 2>>"$TMP/pressroom-idle.log" &
idle_pid=$!
wait_for 60 test -S "$idle_dir/s.sock"
: > "$AC"
login "$AC" clerk1 clerk-new-password-1
token=$(cookie_in "$AC" pr_session)
sql "UPDATE sessions SET seen_at = $(ago '5 minutes') WHERE user_id = $sql_clerk"
idle_status() {
	python3 tests/e2e/fcgi_client.py "$idle_dir/s.sock" GET /admin/account --header "HTTP_COOKIE=pr_session=$token" |
	    head -1 | sed -n 's/^Status: \([0-9]*\).*/\1/p'
}
check "with PRESSROOM_SESSION_IDLE=120, a session unused for 5 minutes is sent to the login form" \
    eval '[ "$(idle_status)" = 303 ]'
: > "$AC"
login "$AC" clerk1 clerk-new-password-1
sql "UPDATE sessions SET seen_at = $(ago '5 minutes') WHERE user_id = $sql_clerk"
http GET /admin/account -b "$AC"
status_is 200 "... while the default 30 minutes keep the same age of session alive"
stop_pid "$idle_pid" 60
check "the second pressroom stops cleanly (status $STOP_RC)" test "$STOP_RC" = 0
rm -rf "$idle_dir"
