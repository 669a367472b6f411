# t_ctl: pressroomctl: generated passwords that work, refused duplicates and roles, init and demo that can be repeated.

ctl() {
	"$PRESSROOMCTL" -d "$DB" "$@" 2>>"$CTL_LOG"
}

out=$(ctl user add gen1 --role editor </dev/null)
rc=$?
check "user add with empty stdin exits 0 (exit $rc)" test $rc -eq 0
pw=$(echo "$out" | sed -n 's/^password: *//p')
check "user add with empty stdin prints a generated password once" \
    eval '[ -n "$pw" ] && [ "$(echo "$out" | grep -cF -- "$pw")" -eq 1 ] && [ ${#pw} -ge 10 ]'
check "the generated password is stored as an argon2id hash" \
    sql_is 1 "SELECT count(*) FROM users WHERE name = 'gen1' AND password_hash LIKE '\$argon2id\$%'"
check "the generated password is nowhere in the database in clear" eval '! sqlite3 "$DB" .dump | grep -qF -- "$pw"'
login "$TMP/ctl-gen1.jar" gen1 "$pw"
status_is 303 "the generated password logs in"
http GET /admin -b "$TMP/ctl-gen1.jar"
body_has "gen1 gets the dashboard as an editor" "gen1 (editor)"

out=$(echo 'another-long-password' | ctl user add gen1 --role author)
rc=$?
check "a duplicate user name fails (exit $rc)" test $rc -ne 0
check "... and names the problem" grep -q "taken" "$CTL_LOG"
check "... and leaves one gen1, still an editor" sql_is "1 editor" "SELECT count(*) || ' ' || role FROM users WHERE name = 'gen1'"

echo 'boss-password-123' | ctl user add boss1 --role boss >/dev/null
rc=$?
check "--role boss fails (exit $rc)" test $rc -ne 0
check "... and adds nobody" sql_is 0 "SELECT count(*) FROM users WHERE name = 'boss1'"
echo 'short' | ctl user add short1 --role author >/dev/null
rc=$?
check "a password under 10 characters fails (exit $rc)" test $rc -ne 0
echo 'valid-password-1' | ctl user add 'Bad Name' --role author >/dev/null
rc=$?
check "a user name with a space and capitals fails (exit $rc)" test $rc -ne 0

counts() {
	sql "SELECT (SELECT count(*) FROM releases) || ' ' || (SELECT count(*) FROM events) || ' ' ||
	    (SELECT count(*) FROM organizations) || ' ' || (SELECT count(*) FROM users) || ' ' ||
	    (SELECT count(*) FROM sponsors) || ' ' || (SELECT count(*) FROM delegation_members)"
}
before=$(counts)
version=$(sql "PRAGMA user_version")
ctl init >/dev/null
rc=$?
check "init on an existing database exits 0 (exit $rc)" test $rc -eq 0
check "... and changes nothing (row counts, schema version)" \
    eval '[ "$(counts)" = "$before" ] && [ "$(sql "PRAGMA user_version")" = "$version" ]'
ctl demo >/dev/null
rc=$?
check "demo a second time exits 0 (exit $rc)" test $rc -eq 0
check "... and duplicates nothing (row counts of every demo table)" eval '[ "$(counts)" = "$before" ] || { diag "before: $before, after: $(counts)"; false; }'
check "there is still exactly one demo release" \
    test "$(sql "SELECT count(*) FROM releases WHERE slug LIKE 'chambers-joins-regional-workshop%'")" = 1
out=$(ctl check)
rc=$?
check "pressroomctl check passes on the live database (exit $rc)" eval '[ $rc -eq 0 ] && echo "$out" | grep -q "integrity: ok"'

http GET /
status_is 200 "the site still answers after init and demo ran beside it"

# PRESSROOM_SQL_SLOW_MS (cgi/store/db.c): statements at or over the limit are logged with their time and
# bound values; without it nothing is.
slow=$(PRESSROOM_SQL_SLOW_MS=0 "$PRESSROOMCTL" -d "$DB" user list 2>&1 >/dev/null)
quiet=$("$PRESSROOMCTL" -d "$DB" user list 2>&1 >/dev/null)
check "PRESSROOM_SQL_SLOW_MS logs each statement over the limit with its time, and only when set" \
    eval 'echo "$slow" | grep -qE "^pressroom: slow sql [0-9.]+ ms: SELECT" && ! echo "$quiet" | grep -q "slow sql"'
