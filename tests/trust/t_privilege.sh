# t_privilege: started as root with `user = www-data`, pressroom opens its socket, then the master and
# every worker run as www-data for good (all four uids and gids); the portal still works end to end;
# starting as root without `user`, with an unknown account or a database that account cannot write fails
# with a message that says what to do.

if [ "$(id -u)" -ne 0 ] || ! command -v gdb >/dev/null; then
	not_ok "t_privilege needs root (it starts pressroom as root) and gdb (apt-get install gdb)"
	return 1
fi
PRIV_USER=www-data
priv_uid=$(id -u "$PRIV_USER") priv_gid=$(id -g "$PRIV_USER")
E2E_OWNER=$PRIV_USER PRESSROOM_ARGS="-u $PRIV_USER" start_stack nginx "$BUILD" || return 1

# ids_are PID: the process's Uid and Gid lines (real, effective, saved, filesystem) are all the account's,
# and it keeps no supplementary group but the account's own.
ids_are() {
	_st=$(cat "/proc/$1/status" 2>/dev/null) || { diag "no /proc/$1"; return 1; }
	_u=$(echo "$_st" | sed -n 's/^Uid:[[:space:]]*//p' | tr -s '\t ' ' ' | sed 's/ $//')
	_g=$(echo "$_st" | sed -n 's/^Gid:[[:space:]]*//p' | tr -s '\t ' ' ' | sed 's/ $//')
	_gs=$(echo "$_st" | sed -n 's/^Groups:[[:space:]]*//p' | tr -s '\t ' ' ' | sed 's/ $//')
	[ "$_u" = "$priv_uid $priv_uid $priv_uid $priv_uid" ] && [ "$_g" = "$priv_gid $priv_gid $priv_gid $priv_gid" ] &&
	    [ "$_gs" = "$priv_gid" ] || { diag "pid $1: Uid $_u, Gid $_g, Groups $_gs"; false; }
}

check "the master runs as $PRIV_USER: Uid and Gid are $priv_uid and $priv_gid four times over, no other group" ids_are "$APP_PID"
priv_workers=$(workers)
priv_all=1
for w in $priv_workers; do ids_are "$w" || priv_all=0; done
check "each of the $(echo $priv_workers | wc -w) workers runs as $PRIV_USER the same way" \
    eval '[ -n "$priv_workers" ] && [ $priv_all = 1 ]'
check "the log says whom pressroom runs as" grep -q "running as $PRIV_USER (uid $priv_uid, gid $priv_gid)" "$LOG"
check "the socket stays mode 0660 and belongs to $PRIV_USER:$(id -gn "$PRIV_USER")" \
    test "$(stat -c '%a %U %G' "$SOCK")" = "660 $PRIV_USER $(id -gn "$PRIV_USER")"

# The master is the one process without the sandbox: ask it, through gdb, to take root back.
priv_gdb=$(gdb -p "$APP_PID" -batch -ex 'call (int)setuid(0)' -ex 'call (int)setgid(0)' 2>&1)
check "setuid(0) and setgid(0) injected into the master both fail (-1): root cannot be regained" \
    eval 'echo "$priv_gdb" | grep -q "^\$1 = -1" && echo "$priv_gdb" | grep -q "^\$2 = -1" || { diag "$priv_gdb"; false; }'
check "... and the master is still $PRIV_USER afterwards" ids_are "$APP_PID"

http GET /
status_is 200 "GET / answers 200 through nginx from the $PRIV_USER workers"
PJ="$TMP/priv-author.jar"
login "$PJ" author1 author-one-password
status_is 303 "author1 logs in (argon2id, a new session row)"
form_post "$PJ" /admin/releases/new /admin/releases --data-urlencode "title=Saved by an unprivileged worker" \
    --data-urlencode "summary=Privilege drop." --data-urlencode "body=Written as $PRIV_USER." \
    --data-urlencode event_id= --data-urlencode action=save
status_is 303 "author1 saves a draft: 303"
check "the draft is in the database" sql_is 1 "SELECT count(*) FROM releases WHERE title = 'Saved by an unprivileged worker'"
check "the -wal and -shm files SQLite made belong to $PRIV_USER" \
    eval '[ "$(stat -c %U "$DB-wal" "$DB-shm" | sort -u)" = "$PRIV_USER" ]'
stop_stack

# priv_refuses DESC WANT_TEXT ARGS...: pressroom, started as root, exits non-zero with WANT_TEXT in its message.
priv_refuses() {
	_d=$1 _want=$2
	shift 2
	timeout 10 env -u PRESSROOM_USER "$PRESSROOM" -s "$TMP/refused.sock" -w 1 "$@" > "$TMP/refused.log" 2>&1
	_rc=$?
	if [ $_rc -ne 0 ] && [ $_rc -ne 124 ] && grep -qF -- "$_want" "$TMP/refused.log" && [ ! -e "$TMP/refused.sock" ]; then
		ok "$_d (exit $_rc)"
	else
		not_ok "$_d (exit $_rc)"
		sed 's/^/#   /' "$TMP/refused.log" >&2
	fi
}
priv_refuses "as root without user, pressroom refuses to start and says to set user" \
    "started as root: set \`user\`" -d "$DB"
priv_refuses "an unknown account is named in the refusal" "user no-such-account-pr: no such account" \
    -d "$DB" -u no-such-account-pr
# A database root keeps, and one the account owns in a folder root keeps (SQLite could not make its -wal).
mkdir -p "$TMP/rootdir" && chown root:root "$TMP/rootdir" && chmod 755 "$TMP/rootdir"
cp "$DB" "$TMP/rootdir/roots.db" && chown root:root "$TMP/rootdir/roots.db" && chmod 644 "$TMP/rootdir/roots.db"
cp "$DB" "$TMP/rootdir/theirs.db" && chown "$PRIV_USER:" "$TMP/rootdir/theirs.db"
priv_refuses "a database $PRIV_USER cannot write is named in the refusal" \
    "$TMP/rootdir/roots.db: the database is not writable by uid $priv_uid" -d "$TMP/rootdir/roots.db" -u "$PRIV_USER"
priv_refuses "a database folder $PRIV_USER cannot write is named in the refusal" \
    "$TMP/rootdir: the database's folder is not writable by uid $priv_uid" -d "$TMP/rootdir/theirs.db" -u "$PRIV_USER"
rm -rf "$TMP/rootdir"
