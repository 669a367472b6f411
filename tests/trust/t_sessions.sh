# t_sessions: session fixation, logout, disabled accounts, CSRF (missing, stale, another session's, cross-site
# Sec-Fetch-Site) and access control (author2 and author1's draft), each through the real forms.

. tests/e2e/workflow_lib.sh
start_stack nginx "$BUILD" || return 1
SA1="$TMP/sessions-author1.jar" SA2="$TMP/sessions-author2.jar" SAD="$TMP/sessions-admin1.jar"

# session_works ID: GET /admin with that pr_session answers 200 (else it is sent to the login form).
session_works() {
	http GET /admin -H "Cookie: pr_session=$1"
	[ "$STATUS" = 200 ]
}

# --- Fixation: whatever id the browser held before the login is not the one after, and is dead. ---
: > "$SA1"
http GET /login -c "$SA1"
pre_login=$(cookie_in "$SA1" pr_login)
planted=0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tpr_session\t%s\n' "$planted" >> "$SA1"
tok=$(csrf_in "$BODY")
http POST /login -b "$SA1" -c "$SA1" --data-urlencode name=author1 --data-urlencode password=author-one-password \
    --data-urlencode "csrf=$tok" --data-urlencode next=/admin
status_is 303 "author1 logs in from a browser holding a planted session id"
after=$(cookie_in "$SA1" pr_session)
check "fixation: the session id after the login is new (not the planted one, not the login form's)" \
    eval '[ ${#after} = 64 ] && [ "$after" != "$planted" ] && [ "$after" != "$pre_login" ]'
check "fixation: the login form's cookie is cleared by the login" eval 'hdr_all Set-Cookie | grep -q "^pr_login=;"'
check "fixation: the planted id does not open a session after the login" eval '! session_works "$planted"'
check "fixation: the login form's cookie value does not open a session either" eval '! session_works "$pre_login"'
check "... while the new id does" session_works "$after"

# An attacker's real session planted in a victim's browser: the victim's login ends it, and the victim
# gets a fresh id, so neither learns the other's.
ATT="$TMP/sessions-attacker.jar"
login "$ATT" author2 author-two-password
attacker=$(cookie_in "$ATT" pr_session)
VIC="$TMP/sessions-victim.jar"
printf '127.0.0.1\tFALSE\t/\tFALSE\t0\tpr_session\t%s\n' "$attacker" > "$VIC"
tok=$(csrf_of "$VIC" /login)
http POST /login -b "$VIC" -c "$VIC" --data-urlencode name=editor1 --data-urlencode password=editor-one-password \
    --data-urlencode "csrf=$tok" --data-urlencode next=/admin
victim=$(cookie_in "$VIC" pr_session)
check "fixation: a victim logging in over an attacker's planted session gets a new id" \
    eval '[ "$STATUS" = 303 ] && [ ${#victim} = 64 ] && [ "$victim" != "$attacker" ]'
http GET /admin/review -H "Cookie: pr_session=$attacker"
check "fixation: the planted id gives no access to the victim's account (GET /admin/review: $STATUS)" \
    eval '[ "$STATUS" != 200 ]'

# --- Logout: the old cookie stops working at once, for reads and for forms. ---
login "$SA2" author2 author-two-password
old=$(cookie_in "$SA2" pr_session)
oldtok=$(csrf_of "$SA2" /admin/releases/new)
http POST /logout -b "$SA2" -c "$SA2" --data-urlencode "csrf=$oldtok"
status_is 303 "author2 logs out"
http GET /admin -H "Cookie: pr_session=$old"
check "logout: the old cookie is sent to the login form on the next GET ($(hdr Location))" \
    eval '[ "$STATUS" = 303 ] && case "$(hdr Location)" in */login\?next=*) true ;; *) false ;; esac'
http POST /admin/releases -H "Cookie: pr_session=$old" --data-urlencode "csrf=$oldtok" \
    --data-urlencode "title=After logout" --data-urlencode "body=Body." --data-urlencode action=save
check "logout: a form posted with the old cookie and token is not done (sent to the login form: $STATUS)" \
    eval '[ "$STATUS" = 303 ] && sql_is 0 "SELECT count(*) FROM releases WHERE title = '"'After logout'"'"'
check "logout: the session row is gone" sql_is 0 "SELECT count(*) FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.name = 'author2'"

# --- A disabled account: its cookie stops working on its very next request. ---
login "$SA2" author2 author-two-password
live=$(cookie_in "$SA2" pr_session)
livetok=$(csrf_of "$SA2" /admin/releases/new)
check "author2 is signed in again" session_works "$live"
login "$SAD" admin1 admin-one-password
form_post "$SAD" /admin/users /admin/users/author2/disable
status_is 303 "admin1 disables author2 through the accounts form"
http GET /admin -H "Cookie: pr_session=$live"
status_is 303 "disabled: author2's cookie is sent to the login form on the very next request"
http POST /admin/releases -H "Cookie: pr_session=$live" --data-urlencode "csrf=$livetok" \
    --data-urlencode "title=While disabled" --data-urlencode "body=Body." --data-urlencode action=save
check "disabled: a form posted with that cookie and its token is not done ($STATUS)" \
    eval '[ "$STATUS" != 200 ] && sql_is 0 "SELECT count(*) FROM releases WHERE title = '"'While disabled'"'"'
form_post "$SAD" /admin/users /admin/users/author2/enable
status_is 303 "admin1 enables author2 again"
check "enabling does not bring the ended session back" eval '! session_works "$live"'

# --- CSRF. ---
login "$SA1" author1 author-one-password
tok1=$(csrf_of "$SA1" /admin/releases/new)
login "$SA2" author2 author-two-password
tok2=$(csrf_of "$SA2" /admin/releases/new)
# new_post DESC WANT [curl options...]: author1 posts a new release titled after DESC; one test line.
new_post() {
	_nd=$1 _nw=$2
	shift 2
	http POST /admin/releases -b "$SA1" --data-urlencode "title=CSRF $_nd" --data-urlencode "body=Body." \
	    --data-urlencode action=save "$@"
	_saved=$(sql "SELECT count(*) FROM releases WHERE title = 'CSRF $(echo "$_nd" | sed "s/'/''/g")'")
	_want_saved=0
	[ "$_nw" = 303 ] && _want_saved=1
	if [ "$STATUS" = "$_nw" ] && [ "$_saved" = "$_want_saved" ]; then
		ok "csrf: $_nd answers $_nw$([ "$_nw" = 303 ] && echo ' (saved)' || echo ' (nothing saved)')"
	else
		not_ok "csrf: $_nd answers $_nw (got $STATUS, $_saved saved)"
		show_last
	fi
}
new_post "no token" 403
new_post "an empty token" 403 --data-urlencode csrf=
new_post "another session's token (author2's)" 403 --data-urlencode "csrf=$tok2"
new_post "the token with one digit changed" 403 --data-urlencode "csrf=$(echo "$tok1" | sed 's/^./x/')"
new_post "the login form's token" 403 --data-urlencode "csrf=$pre_login"
new_post "the token twice" 403 --data-urlencode "csrf=$tok1$tok1"
new_post "Sec-Fetch-Site: cross-site with a valid token" 403 --data-urlencode "csrf=$tok1" -H 'Sec-Fetch-Site: cross-site'
new_post "Sec-Fetch-Site: same-site with a valid token" 403 --data-urlencode "csrf=$tok1" -H 'Sec-Fetch-Site: same-site'
new_post "Sec-Fetch-Site: same-origin with a valid token" 303 --data-urlencode "csrf=$tok1" -H 'Sec-Fetch-Site: same-origin'
new_post "Sec-Fetch-Site: none with a valid token" 303 --data-urlencode "csrf=$tok1" -H 'Sec-Fetch-Site: none'
new_post "no Sec-Fetch-Site and a valid token" 303 --data-urlencode "csrf=$tok1"
# A stale token: the one author1 had before logging in again.
login "$SA1" author1 author-one-password
new_post "a stale token (from before author1 logged in again)" 403 --data-urlencode "csrf=$tok1"
tok1b=$(csrf_of "$SA1" /admin/releases/new)
check "csrf: a new login gives a new token" eval '[ -n "$tok1b" ] && [ "$tok1b" != "$tok1" ]'
http POST /logout -b "$SA1" -c "$SA1" --data-urlencode "csrf=$tok1b" -H 'Sec-Fetch-Site: cross-site'
status_is 403 "csrf: a cross-site POST /logout is refused"
check "... and the session goes on" session_works "$(cookie_in "$SA1" pr_session)"
: > "$TMP/sessions-login.jar"
tok=$(csrf_of "$TMP/sessions-login.jar" /login)
http POST /login -b "$TMP/sessions-login.jar" --data-urlencode name=author1 --data-urlencode password=author-one-password \
    --data-urlencode "csrf=$tok" -H 'Sec-Fetch-Site: cross-site'
status_is 403 "csrf: a cross-site POST /login (login CSRF) is refused, even with the form's token"
http POST /admin/releases -H 'Sec-Fetch-Site: cross-site' --data-urlencode "title=Parked" --data-urlencode "body=x"
check "csrf: a cross-site POST without a session is refused, not parked for after a login ($STATUS)" \
    eval '[ "$STATUS" = 403 ] && ! hdr_all Set-Cookie | grep -q "^pr_parked="'

# --- Access control: author2 and author1's draft, by its id. ---
marker="Secret-draft-marker-$$"
new_release "$SA1" "$marker" save
draft=$NEW_ID
tok2=$(csrf_of "$SA2" /admin/releases/new)
# denied DESC METHOD PATH [curl options...]: author2's request is refused with 403 or 404, shows nothing of the draft.
denied() {
	_dd=$1
	shift
	http "$@" -b "$SA2"
	case $STATUS in
	403 | 404)
		if grep -qF -e "$marker" -e "Body of the release" "$BODY"; then
			not_ok "access: author2 $_dd: $STATUS but the body shows the draft"
		else
			ok "access: author2 $_dd: $STATUS, nothing of the draft shown"
		fi
		echo "$STATUS" >> "$TMP/sessions-denied"
		;;
	*) not_ok "access: author2 $_dd (got $STATUS, want 403 or 404)"; show_last ;;
	esac
}
: > "$TMP/sessions-denied"
denied "opens author1's draft form" GET "/admin/releases/$draft"
denied "opens its history" GET "/admin/releases/$draft/history"
denied "opens a diff" GET "/admin/releases/$draft/diff?from=1&to=1"
denied "opens a restored version" GET "/admin/releases/$draft/restored?version=1"
denied "opens its preview" GET "/admin/releases/$draft/preview"
denied "saves it" POST "/admin/releases/$draft" --data-urlencode "csrf=$tok2" --data-urlencode version=1 \
    --data-urlencode "title=Taken over" --data-urlencode "body=Mine now." --data-urlencode action=save
denied "submits it" POST "/admin/releases/$draft/workflow" --data-urlencode "csrf=$tok2" --data-urlencode version=1 \
    --data-urlencode action=submit
denied "deletes it" POST "/admin/releases/$draft/workflow" --data-urlencode "csrf=$tok2" --data-urlencode version=1 \
    --data-urlencode action=delete
denied "comments on it" POST "/admin/releases/$draft/comments" --data-urlencode "csrf=$tok2" --data-urlencode "comment=Hi"
denied "restores a version" POST "/admin/releases/$draft/restore" --data-urlencode "csrf=$tok2" --data-urlencode version=1
denied "makes a preview link" POST "/admin/releases/$draft/preview-links" --data-urlencode "csrf=$tok2" \
    --data-urlencode days=7
check "access: every refusal has the same status ($(sort -u "$TMP/sessions-denied" | tr '\n' ' '))" \
    eval '[ "$(sort -u "$TMP/sessions-denied" | wc -l)" = 1 ]'
check "access: the draft is untouched (title, status, no comment, no preview link)" \
    sql_is "$marker|draft|0|0" "SELECT title, status, (SELECT count(*) FROM release_comments WHERE release_id = $draft),
        (SELECT count(*) FROM preview_links WHERE release_id = $draft) FROM releases WHERE id = $draft"
http GET "/admin/releases/$draft" -b "$SA1"
status_is 200 "access: author1 still opens the draft"
stop_stack
