# t_hostile: the hostile-input table (hostile.table, sent by hostile.py over raw sockets), payloads stored through
# every main form, then every page crawled for a payload that became markup; never a 5xx, and the server lives on.

. tests/e2e/workflow_lib.sh
start_stack nginx "$BUILD" || return 1
HOSTILE="python3 tests/trust/hostile.py"
HA1="$TMP/hostile-author1.jar" HA2="$TMP/hostile-author2.jar" HAD="$TMP/hostile-admin1.jar" HLG="$TMP/hostile-login.jar"
login "$HA1" author1 author-one-password
login "$HA2" author2 author-two-password
login "$HAD" admin1 admin-one-password
new_release "$HA1" "Hostile target" save
: > "$HLG"
http GET /login -c "$HLG"

# tap_of: hostile.py's PASS/FAIL lines as TAP lines.
tap_of() {
	while IFS="$(printf '\t')" read -r verdict desc why; do
		case $verdict in
		PASS) ok "hostile: $desc" ;;
		FAIL) not_ok "hostile: $desc"; diag "$why" ;;
		esac
	done
}

H_LOGINTOKEN=$(cookie_in "$HLG" pr_login) H_DRAFT=$NEW_ID
H_AUTHOR=$(cookie_in "$HA1" pr_session) H_AUTHORCSRF=$(csrf_of "$HA1" /admin/releases/new)
H_AUTHOR2=$(cookie_in "$HA2" pr_session) H_AUTHOR2CSRF=$(csrf_of "$HA2" /admin/releases/new)
H_ADMIN=$(cookie_in "$HAD" pr_session) H_ADMINCSRF=$(csrf_of "$HAD" /admin/users)
export H_LOGINTOKEN H_DRAFT H_AUTHOR H_AUTHORCSRF H_AUTHOR2 H_AUTHOR2CSRF H_ADMIN H_ADMINCSRF
table_cases=$(grep -c '^[0-9]' tests/trust/hostile.table)
check "the hostile table has at least 60 cases ($table_cases)" test "$table_cases" -ge 60
$HOSTILE table 127.0.0.1 "${BASE##*:}" tests/trust/hostile.table "$TMP/statuses.log" "$SOCK" | tap_of

# The SQL payload was stored as plain text, whole, and did nothing to the database.
sql_payload=$($HOSTILE payload sql)
check "SQL metacharacters are stored as typed in the title" \
    sql_is "pwn-sql $sql_payload" "SELECT title FROM releases WHERE title LIKE 'pwn-sql %'"
check "... and in the event, sponsor and delegation rows" sql_is "1|1|1" \
    "SELECT (SELECT count(*) FROM events WHERE venue = '$(echo "$sql_payload" | sed "s/'/''/g")'),
            (SELECT count(*) FROM organizations WHERE name LIKE 'pwn-sql-sponsor %'),
            (SELECT count(*) FROM delegation_members WHERE names LIKE 'pwn8%')"
check "the users and sessions tables are whole (the 5 accounts and pwnuser, sessions kept)" \
    eval 'sql_is 6 "SELECT count(*) FROM users" && [ "$(sql "SELECT count(*) FROM sessions")" -ge 3 ]'

# Both payload releases go public: author1 submits, admin1 approves and publishes.
for pid in $(sql "SELECT id FROM releases WHERE title LIKE 'pwn-%' ORDER BY id"); do
	check "payload release $pid is submitted, approved and published" \
	    eval 'wf_step "$HA1" "$pid" submit && approve_publish "$HAD" "$pid"'
done
xss_id=$(sql "SELECT id FROM releases WHERE title LIKE 'pwn-xss %'")
xss_url=$(public_url "$xss_id")
http GET "$xss_url"
status_is 200 "the payload release's public page answers 200"
check "... and shows the script payload as text (escaped, not dropped)" \
    grep -qF '&lt;script&gt;alert(&quot;pwn1&quot;)&lt;/script&gt;' "$BODY"

# Every page reachable from the public entry points, then from the staff ones, parsed for payloads.
$HOSTILE crawl 127.0.0.1 "${BASE##*:}" / "$xss_url" /events /organisations /engagements /search?q=pwn \
    /feed.atom /sitemap.xml /robots.txt /events.ics /api/v1 /api/v1/releases /api/v1/events \
    /api/v1/organisations /api/v1/delegations --max 400 | tap_of
$HOSTILE crawl 127.0.0.1 "${BASE##*:}" /admin /admin/users /admin/audit /admin/review /admin/account \
    "/admin/releases/$xss_id" "/admin/releases/$xss_id/history" "/admin/releases/$xss_id/preview" \
    "/admin/releases/$H_DRAFT" --cookie "pr_session=$H_ADMIN" --max 250 | tap_of

fives=$(grep -c '^5' "$TMP/statuses.log")
check "no request of the run was answered with a 5xx ($(wc -l < "$TMP/statuses.log") statuses)" test "$fives" = 0
check "pressroom logged no incident" eval '! grep -q "incident" "$LOG"'
http GET /
status_is 200 "after all of it the server still answers GET / with 200"
stop_stack
