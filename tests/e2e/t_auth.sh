# t_auth: logging in and out: redirects, one message for every failure, session cookies, CSRF.

J="$TMP/auth.jar"

# error_summary: the login form's error message in the last body.
error_summary() {
	sed -n 's/.*class="error-summary"[^>]*>\([^<]*\)<.*/\1/p' "$BODY"
}

http GET /admin
status_is 303 "GET /admin without a session answers 303"
check "... to /login?next= naming /admin (Location: $(hdr Location))" \
    eval 'case "$(hdr Location)" in */login\?next=*admin*) true ;; *) false ;; esac'

http GET "/login?next=/admin"
status_is 200 "GET /login answers 200"
check "the login form sets the pr_login cookie (HttpOnly, SameSite=Lax)" \
    eval 'hdr_all Set-Cookie | grep -q "^pr_login=[0-9a-f]\{64\};.*HttpOnly.*SameSite=Lax"'
check "the login form carries a hidden csrf field" eval '[ -n "$(csrf_in "$BODY")" ]'

: > "$J"
tok=$(csrf_of "$J" /login)
http POST /login -b "$J" -c "$J" --data-urlencode name=author1 --data-urlencode password=wrong-password-1 \
    --data-urlencode "csrf=$tok" --data-urlencode next=/admin
status_is 422 "a wrong password answers 422"
body_has "the form after a wrong password keeps the user name" 'value="author1"'
wrong_msg=$(error_summary)
check "a wrong password gives a message ($wrong_msg)" test -n "$wrong_msg"
check "a wrong password sets no session cookie" eval '! hdr_all Set-Cookie | grep -q "^pr_session=[0-9a-f]"'

http POST /login -b "$J" -c "$J" --data-urlencode name=nobody-here --data-urlencode password=wrong-password-1 \
    --data-urlencode "csrf=$tok" --data-urlencode next=/admin
status_is 422 "an unknown user name answers 422"
check "an unknown user gets the same message as a wrong password" eval '[ "$(error_summary)" = "$wrong_msg" ]'

http POST /login -b "$J" -c "$J" --data-urlencode name=author1 --data-urlencode password=author-one-password \
    --data-urlencode next=/admin
status_is 403 "POST /login without a csrf field answers 403"
http POST /login -b "$J" -c "$J" --data-urlencode name=author1 --data-urlencode password=author-one-password \
    --data-urlencode "csrf=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" --data-urlencode next=/admin
status_is 403 "POST /login with a wrong csrf answers 403"

login "$J" author1 author-one-password
status_is 303 "a correct login answers 303"
check "... to the page asked for (Location: $(hdr Location))" eval 'case "$(hdr Location)" in */admin) true ;; *) false ;; esac'
tr -d '\r' < "$HDRS" | grep -i '^Set-Cookie: pr_session=' > "$TMP/auth.setcookie"
check "the login sets a pr_session cookie of 64 hex digits" grep -qi '^Set-Cookie: pr_session=[0-9a-f]\{64\};' "$TMP/auth.setcookie"
check "the session cookie is HttpOnly" grep -qi '; *HttpOnly' "$TMP/auth.setcookie"
check "the session cookie is SameSite=Lax" grep -qi '; *SameSite=Lax' "$TMP/auth.setcookie"
check "the session cookie is not Secure over plain http" eval '! grep -qi "; *Secure" "$TMP/auth.setcookie"'
first=$(cookie_in "$J" pr_session)

http GET /admin -b "$J"
status_is 200 "the dashboard answers 200 with the session"
body_has "the dashboard names the signed-in author" "author1" "Log out"
check "a signed-in page is Cache-Control: private, no-store" eval '[ "$(hdr Cache-Control)" = "private, no-store" ]'

# Logging in again from the same browser must start a new session and end the old one.
login "$J" author1 author-one-password
second=$(cookie_in "$J" pr_session)
check "a second login answers 303 with a different session id" eval '[ "$STATUS" = 303 ] && [ -n "$second" ] && [ "$first" != "$second" ]'
http GET /admin -b "pr_session=$first"
status_is 303 "the session id from before the second login no longer works"

J2="$TMP/auth2.jar"
login "$J2" author1 author-one-password
third=$(cookie_in "$J2" pr_session)
check "a login from another browser gets yet another session id" eval '[ -n "$third" ] && [ "$third" != "$second" ]'

tok=$(csrf_of "$J" /admin)
http POST /logout -b "$J" -c "$J" --data-urlencode "csrf=0000000000000000000000000000000000000000000000000000000000000000"
status_is 403 "POST /logout with a wrong csrf answers 403"
http GET /admin -b "pr_session=$second"
status_is 200 "... and the session goes on"

http POST /admin/releases -b "$J" --data-urlencode "csrf=${tok}x" --data-urlencode title=Forged \
    --data-urlencode body=Forged --data-urlencode action=save
status_is 403 "a POST to /admin/releases with a wrong csrf answers 403"
http POST /admin/releases -b "$J" --data-urlencode title=Forged --data-urlencode body=Forged --data-urlencode action=save
status_is 403 "a POST to /admin/releases without a csrf field answers 403"
http POST /admin/releases -b "$J2" --data-urlencode "csrf=$tok" --data-urlencode title=Forged \
    --data-urlencode body=Forged --data-urlencode action=save
status_is 403 "another session's csrf token is refused with 403"
check "no forged release was saved" sql_is 0 "SELECT count(*) FROM releases WHERE title = 'Forged'"

http POST /logout -b "$J" -c "$J" --data-urlencode "csrf=$tok"
status_is 303 "POST /logout with the csrf answers 303"
check "logout clears the session cookie" eval 'hdr_all Set-Cookie | grep -q "^pr_session=;"'
http GET /admin -b "pr_session=$second"
status_is 303 "after logout the old session cookie is sent to /login"
http GET /admin -b "$J2"
status_is 200 "logging out one session leaves the other browser signed in"
