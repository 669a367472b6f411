# t_backup: pressroomctl backup FILE while writers save through the stack: each copy passes
# integrity_check, holds every release acknowledged before it started, and opens with pressroomctl;
# a backup that cannot be written exits non-zero, says why, and leaves no file behind.

start_stack nginx "$BUILD" || return 1
ACKS="$TMP/backup-acks.jsonl"
: > "$ACKS"
python3 tests/trust/writers.py write "$BASE" "$ACKS" 120 b author1:author-one-password \
    author2:author-two-password author1:author-one-password &
bk_writers=$!
wait_for 60 test -s "$ACKS"

# One file, backed up again and again, as a cron job does: each run replaces it whole.
BK="$TMP/backup.db"
bk_failed="" bk_short="" bk_bad="" bk_present=""
for bk_i in 1 2 3 4 5; do
	# Each backup starts after more saves were acknowledged, so the five copy different states.
	bk_acked=$(wc -l < "$ACKS")
	wait_for 60 eval '[ "$(wc -l < "$ACKS")" -gt "$bk_acked" ]'
	bk_before=$(date +%s.%N)
	if ! "$PRESSROOMCTL" -d "$DB" backup "$BK" > "$TMP/backup-$bk_i.out" 2>&1; then
		bk_failed="$bk_failed $bk_i"
		sed 's/^/#   /' "$TMP/backup-$bk_i.out" >&2
		continue
	fi
	diag "backup $bk_i: $(tr '\n' ' ' < "$TMP/backup-$bk_i.out")"
	[ "$(sqlite3 "$BK" 'PRAGMA integrity_check')" = ok ] || bk_bad="$bk_bad $bk_i"
	"$PRESSROOMCTL" -d "$BK" check >/dev/null 2>&1 || bk_bad="$bk_bad $bk_i(check)"
	bk_report=$(python3 tests/trust/writers.py check "$BK" "$ACKS" "$bk_before")
	case $bk_report in
	"present "*[!0-9]* | "present 0") bk_short="$bk_short $bk_i"; diag "$bk_report" ;;
	*) bk_present="$bk_present ${bk_report#present }" ;;
	esac
done
: > "$ACKS.stop"
wait "$bk_writers"
check "five backups taken while $(wc -l < "$ACKS") saves were acknowledged all exit 0" test -z "$bk_failed"
check "each copy passes PRAGMA integrity_check and pressroomctl check" test -z "$bk_bad"
check "each copy holds every release acknowledged before it started (counts:$bk_present)" \
    eval '[ -z "$bk_short" ] && [ $(echo $bk_present | wc -w) -eq 5 ]'
check "the backup is readable by its owner only (mode 0600: it holds password hashes)" \
    eval '[ "$(stat -c %a "$BK")" = 600 ]'
check "no temporary file is left next to it" eval '[ -z "$(ls "$TMP" | grep "backup.db.tmp-")" ]'

# A -wal and -shm left beside the old copy (a reader that crashed) must not be replayed onto the new one.
printf 'stale wal' > "$BK-wal"
printf 'stale shm' > "$BK-shm"
"$PRESSROOMCTL" -d "$DB" backup "$BK" >/dev/null 2>&1
check "a backup removes a stale FILE-wal and FILE-shm before putting the new copy in place" \
    eval '[ ! -e "$BK-wal" ] && [ ! -e "$BK-shm" ] && [ "$(sqlite3 "$BK" "PRAGMA integrity_check")" = ok ]'
bk_out=$("$PRESSROOMCTL" -d "$DB" backup "$DB" 2>&1)
bk_rc=$?
check "a backup over the live database itself is refused" \
    eval '[ "$bk_rc" -ne 0 ] && echo "$bk_out" | grep -q "is the live database" && sql_is ok "PRAGMA integrity_check"'

# Failures: a directory that does not exist; a disk that fills in the middle of the copy.
bk_out=$("$PRESSROOMCTL" -d "$DB" backup "$TMP/no-such-dir/backup.db" 2>&1)
bk_rc=$?
check "a backup into a missing directory exits non-zero and says why" \
    eval '[ "$bk_rc" -ne 0 ] && echo "$bk_out" | grep -q "cannot create a file next to .*No such file or directory"'
bk_mnt=$(mktemp -d /tmp/pressroom-bk.XXXXXX)
if mount -t tmpfs -o size=256k tmpfs "$bk_mnt" 2>/dev/null; then
	echo "the previous backup" > "$bk_mnt/backup.db"
	bk_out=$("$PRESSROOMCTL" -d "$DB" backup "$bk_mnt/backup.db" 2>&1)
	bk_rc=$?
	diag "backup onto a full disk: $bk_out"
	check "a backup onto a disk that fills exits non-zero and says the file was not changed" \
	    eval '[ "$bk_rc" -ne 0 ] && echo "$bk_out" | grep -q "full" && echo "$bk_out" | grep -q "was not changed"'
	check "... the previous FILE is intact and no partial copy is left" \
	    eval '[ "$(cat "$bk_mnt/backup.db")" = "the previous backup" ] && [ "$(ls "$bk_mnt")" = backup.db ]'
	umount "$bk_mnt"
else
	skip "backup onto a full disk" "cannot mount a tmpfs (needs root)"
fi
rmdir "$bk_mnt"
stop_stack
