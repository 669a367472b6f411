# t_audit: what the audit log records, /admin/audit and its filters, pressroomctl audit verify|list.
# Tampering is done to copies of the database, in which the sqlite3 session first drops the
# trigger that forbids it (DROP TRIGGER audit_log_no_update / _no_delete); the live log and its
# triggers stay as they are for the files after this one.

UA="$TMP/audit-admin.jar" UU="$TMP/audit-author.jar"
: > "$UA"; : > "$UU"

actl() {
	"$PRESSROOMCTL" -d "$DB" "$@" 2>>"$CTL_LOG"
}

# rows: how many entries the last page shows; rows_with TEXT: how many of them have a cell TEXT.
rows() {
	grep -c '<tr id="entry-' "$BODY"
}
rows_with() {
	grep '<tr id="entry-' "$BODY" | grep -cF -- "<td>$1</td>"
}

# shows DESC QUERY [TEXT]: a test line: the last page shows as many entries as QUERY counts in
# the log (up to a page of 50), and each has a cell TEXT.
shows() {
	_want=$(sql "SELECT min(count(*), 50) FROM audit_log a LEFT JOIN users u ON u.id = a.user_id WHERE $2")
	_got=$(rows)
	if [ "$STATUS" = 200 ] && [ "$_got" = "$_want" ] && [ "$_want" -gt 0 ] &&
	    { [ -z "${3:-}" ] || [ "$(rows_with "$3")" = "$_got" ]; }; then
		ok "$1"
	else
		not_ok "$1 (status $STATUS, $_got rows, want $_want)"
	fi
}

check "the accounts pressroomctl added are logged, with the client cli" \
    sql_is 1 "SELECT count(*) FROM audit_log WHERE action = 'account_created' AND subject = 'user:editor1' AND client = 'cli' AND user_id IS NULL"
login "$UA" admin1 admin-one-password
check "a login is logged with the account and the client address" sql_is 1 "SELECT count(*) > 0 FROM audit_log a
    JOIN users u ON u.id = a.user_id WHERE a.action = 'login' AND u.name = 'admin1' AND a.client = '127.0.0.1'"
login "$TMP/audit-nobody.jar" audit-nobody wrong-password-1
check "a failed login is logged with the name tried" \
    sql_is "no such account" "SELECT detail FROM audit_log WHERE action = 'login_failed' AND subject = 'user:audit-nobody'"
login "$TMP/audit-wrong.jar" author2 wrong-password-1
check "... and a wrong password as one" \
    sql_is 1 "SELECT count(*) FROM audit_log WHERE action = 'login_failed' AND subject = 'user:author2' AND detail = 'wrong password'"
login "$UU" author1 author-one-password
form_post "$UU" /admin /logout
check "a logout is logged" sql_is 1 "SELECT count(*) > 0 FROM audit_log WHERE action = 'logout' AND subject = 'user:author1'"
login "$UU" author1 author-one-password
http GET /admin/audit -b "$UU"
status_is 403 "an author gets 403 on /admin/audit"

http GET /admin/audit -b "$UA"
status_is 200 "GET /admin/audit answers 200 for an admin"
body_has "the filter's fields all have labels" '<label for="action">' '<label for="account">' \
    '<label for="subject">' '<label for="from">' '<label for="to">'
first=$(sed -n 's/.*<tr id="entry-\([0-9]*\)".*/\1/p' "$BODY" | head -1)
check "the newest entry comes first (entry $first)" sql_is "$first" "SELECT max(id) FROM audit_log"
shows "without a filter a page shows up to 50 entries" "1"
html_valid "/admin/audit"

http GET "/admin/audit?action=login_failed" -b "$UA"
shows "action=login_failed shows every failed login and nothing else" "a.action = 'login_failed'" login_failed
http GET "/admin/audit?account=admin1" -b "$UA"
shows "account=admin1 shows what admin1 did" "u.name = 'admin1'" admin1
http GET "/admin/audit?subject=user:clerk1" -b "$UA"
shows "subject=user:clerk1 shows what happened to clerk1" "a.subject = 'user:clerk1'" user:clerk1
body_has "... and the form keeps the filter" 'value="user:clerk1"'
http GET "/admin/audit?action=role_change&subject=user:clerk1&account=admin1" -b "$UA"
shows "filters combine: admin1's role changes of clerk1" \
    "a.action = 'role_change' AND a.subject = 'user:clerk1' AND u.name = 'admin1'" role_change
today=$(TZ=Asia/Brunei date +%Y-%m-%d)
http GET "/admin/audit?from=$today&to=$today" -b "$UA"
shows "from and to today (in the office's zone) show today's entries" "a.at >= strftime('%Y-%m-%dT%H:%M:%SZ', '$today', '-8 hours')"
http GET "/admin/audit?from=2000-01-01&to=2000-01-31" -b "$UA"
check "a range with no entries says so" eval '[ "$STATUS" = 200 ] && [ "$(rows)" = 0 ] && has "No entry matches"'
http GET "/admin/audit?from=2025-03-02&to=2025-03-01" -b "$UA"
status_is 422 "a range that ends before it starts answers 422"
body_has "... naming the field" "To must not be before From"
http GET "/admin/audit?from=2025-02-30" -b "$UA"
status_is 422 "a date that does not exist answers 422"
body_has "... naming the field" "From must be a date"

# Pages: 53 entries about one account, 50 a page.
echo 'audit-one-password' | actl user add audit1 --role author >/dev/null
for _i in $(seq 1 26); do
	actl user role audit1 editor >/dev/null
	actl user role audit1 author >/dev/null
done
http GET "/admin/audit?subject=user:audit1" -b "$UA"
check "the first page of 53 entries shows 50" test "$(rows)" = 50
older=$(sed -n 's/.*<a href="\([^"]*\)" rel="next">.*/\1/p' "$BODY" | html_unescape)
check "... and links to the older ones, keeping the filter ($older)" \
    eval 'case "$older" in /admin/audit\?*subject=user%3Aaudit1*page=2*) true ;; *) false ;; esac'
http GET "$older" -b "$UA"
check "the second page shows the other 3, and links back" eval '[ "$STATUS" = 200 ] && [ "$(rows)" = 3 ] && has "Newer entries"'
http GET "/admin/audit?subject=user:audit1&page=3" -b "$UA"
status_is 404 "a page past the end answers 404"

out=$(actl audit verify)
rc=$?
check "pressroomctl audit verify passes on the test database (exit $rc: $out)" eval '[ $rc -eq 0 ] && echo "$out" | grep -q intact'
out=$(actl audit list --limit 3)
check "audit list --limit 3 prints three entries, newest first" \
    eval '[ "$(echo "$out" | wc -l)" = 3 ] && [ "$(echo "$out" | head -1 | cut -f1)" = "$(sql "SELECT max(id) FROM audit_log")" ]'
actl audit list --limit none >/dev/null
check "audit list --limit none fails with the usage (exit $?)" test $? -eq 2

sqlite3 "$DB" "UPDATE audit_log SET detail = 'nothing' WHERE id = 1" 2>/dev/null
check "the live log refuses an UPDATE" test $? -ne 0
sqlite3 "$DB" "DELETE FROM audit_log WHERE id = 1" 2>/dev/null
check "the live log refuses a DELETE" test $? -ne 0

# tampered TRIGGER ID SQL FOUND: in a copy of the database, a sqlite3 session drops the trigger
# audit_log_no_TRIGGER and runs SQL on entry ID; a test line: audit verify then exits 1 with
# "entry ID was FOUND".
tampered() {
	_copy="$TMP/audit-$1.db" _id=$2 _found=$4
	rm -f "$_copy"
	sqlite3 "$DB" ".backup '$_copy'" && sqlite3 "$_copy" "DROP TRIGGER audit_log_no_$1; $3 WHERE id = $_id"
	_out=$("$PRESSROOMCTL" -d "$_copy" audit verify 2>&1)
	_rc=$?
	check "after sqlite3 changes entry $_id ($3), audit verify exits 1 naming it (exit $_rc: $_out)" \
	    eval '[ $_rc -eq 1 ] && echo "$_out" | grep -q "entry $_id was $_found"'
}
tampered update "$(sql "SELECT id FROM audit_log WHERE action = 'login_failed' AND subject = 'user:audit-nobody'")" \
    "UPDATE audit_log SET detail = 'nothing happened'" altered
tampered delete "$(sql "SELECT min(id) FROM audit_log WHERE action = 'logout'")" "DELETE FROM audit_log" removed
out=$(actl audit verify)
check "the live log still verifies" test $? -eq 0
