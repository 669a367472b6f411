# t_diskfull: the database on a small tmpfs that fills up: saves are refused with a 503 page that keeps
# what was typed, reads go on, nothing committed is lost, and saving works again once space is freed.

DF_MNT=$(mktemp -d /tmp/pressroom-full.XXXXXX)
if ! mount -t tmpfs -o size=4m,mode=0755 tmpfs "$DF_MNT" 2>/dev/null; then
	rmdir "$DF_MNT"
	skip "disk full" "cannot mount a tmpfs (needs root)"
	return 0
fi
# The stack must be down before the unmount: run.sh's stop_stack comes too late for an EXIT trap.
trap '[ -n "${APP_PID:-}" ] && stop_stack >/dev/null; umount "$DF_MNT"; rmdir "$DF_MNT"' EXIT
E2E_DB="$DF_MNT/pressroom.db" start_stack nginx "$BUILD" || return 1
DFJ="$TMP/diskfull.jar"
login "$DFJ" author1 author-one-password

# df_save TITLE: a new release with a body of about 30 kB, so that a few saves fill what is left.
df_save() {
	df_body=$(seq 1 600 | sed "s/.*/Paragraph & of $1, long enough to take room.\n/")
	http GET /admin/releases/new -b "$DFJ"
	df_tok=$(csrf_in "$BODY")
	df_key=$(sed -n 's/.*name="form_key" value="\([0-9a-f]*\)".*/\1/p' "$BODY" | head -1)
	http POST /admin/releases -b "$DFJ" --data-urlencode "csrf=$df_tok" --data-urlencode "form_key=$df_key" \
	    --data-urlencode "title=$1" --data-urlencode "summary=Summary of $1" \
	    --data-urlencode "body=Body of $1. $df_body" --data-urlencode action=save
}

df_acked=""
for df_i in 1 2 3; do
	df_save "Saved before the disk filled $df_i"
	[ "$STATUS" = 303 ] && df_acked="$df_acked $(hdr Location | sed -n 's|.*/admin/releases/\([0-9]*\)?.*|\1|p')"
done
check "three releases saved while there is room (ids:$df_acked)" eval '[ $(echo $df_acked | wc -w) -eq 3 ]'

# Fill what is left of the 4 MB; the WAL may still have room inside it, so save until a save is refused.
dd if=/dev/zero of="$DF_MNT/filler" bs=16k 2>/dev/null
diag "diskfull: $(df -k "$DF_MNT" | tail -1), files: $(ls -s "$DF_MNT" | tr '\n' ' ')"
df_n=0
while [ "$df_n" -lt 30 ]; do
	df_n=$((df_n + 1))
	df_save "Typed while the disk was full $df_n"
	[ "$STATUS" = 303 ] || break
	df_acked="$df_acked $(hdr Location | sed -n 's|.*/admin/releases/\([0-9]*\)?.*|\1|p')"
done
diag "diskfull: save $df_n answered $STATUS"
status_is 503 "a save on a full disk answers 503 (save $df_n)"
cp "$BODY" "$TMP/diskfull-503.html"
check "... with one Retry-After header ($(hdr Retry-After))" eval '[ "$(hdr_all Retry-After | grep -c "^[0-9][0-9]*$")" = 1 ]'
body_has "... and a page that says nothing was saved and keeps what was typed" "Nothing was saved" \
    "Typed while the disk was full $df_n" "Paragraph 600 of Typed while the disk was full $df_n"
check "... and no incident of a 500 in the log" eval '! grep -q "incident.*: 500 " "$LOG"'

# An edit refused the same way keeps its text too.
df_first=$(echo $df_acked | cut -d' ' -f1)
http GET "/admin/releases/$df_first" -b "$DFJ"
http POST "/admin/releases/$df_first" -b "$DFJ" --data-urlencode "csrf=$(csrf_in "$BODY")" \
    --data-urlencode "version=$(sed -n 's/.*name="version" value="\([0-9]*\)".*/\1/p' "$BODY" | head -1)" \
    --data-urlencode "title=Edited while the disk was full" --data-urlencode "body=An edit typed on a full disk. $df_body" \
    --data-urlencode action=save
status_is 503 "an edit saved on a full disk answers 503"
body_has "... with the edit form holding what was typed" "Nothing was saved" "Edited while the disk was full" \
    "Paragraph 600 of Typed while the disk was full"
check "... and the release keeps its saved title" \
    sql_is "Saved before the disk filled 1" "SELECT title FROM releases WHERE id = $df_first"

http GET /
status_is 200 "GET / answers 200 while the disk is full"
# Workers started while the disk is full open the database too (its -shm already has its room).
kill -KILL $(workers)
wait_for 60 eval '[ "$(echo $(workers) | wc -w)" -eq 2 ]'
http GET "/admin/releases/$(echo $df_acked | cut -d' ' -f1)" -b "$DFJ"
status_is 200 "after SIGKILL to both workers, the new ones answer a release's edit page with 200 on the full disk"
http GET /admin/releases/new -b "$DFJ"
status_is 200 "the new-release form opens while the disk is full"
login "$TMP/diskfull-late.jar" author2 author-two-password
diag "diskfull: a login while full answered $STATUS"
check "a login while the disk is full answers 503 or 303, never 500 (got $STATUS)" \
    eval '[ "$STATUS" = 503 ] || [ "$STATUS" = 303 ]'
check "every release acknowledged before is still there" \
    sql_is "$(echo $df_acked | wc -w)" "SELECT count(*) FROM releases WHERE id IN ($(echo $df_acked | tr ' ' ','))"
check "nothing refused was committed" \
    sql_is 0 "SELECT count(*) FROM releases WHERE title = 'Typed while the disk was full $df_n'"
check "PRAGMA integrity_check says ok while the disk is full" sql_is ok "PRAGMA integrity_check"

# Space freed, the author presses Save again on the page the 503 left open: same form, same key.
rm -f "$DF_MNT/filler"
df_page="$TMP/diskfull-503.html"
http POST /admin/releases -b "$DFJ" --data-urlencode "csrf=$(csrf_in "$df_page")" \
    --data-urlencode "form_key=$(sed -n 's/.*name="form_key" value="\([0-9a-f]*\)".*/\1/p' "$df_page" | head -1)" \
    --data-urlencode "title=$(field_value "$df_page" title)" --data-urlencode "summary=$(field_value "$df_page" summary)" \
    --data-urlencode "body=$(field_value "$df_page" body)" --data-urlencode action=save
status_is 303 "once space is freed, saving the form the 503 page kept answers 303, without a restart"
check "... and the release is saved once, with every paragraph typed while the disk was full" \
    sql_is "1|1" "SELECT count(*), instr(max(body), 'Paragraph 600 of Typed while the disk was full $df_n,') > 0
                  FROM releases WHERE title = 'Typed while the disk was full $df_n'"
df_save "Saved once space was freed"
status_is 303 "... and a new release saves too"
stop_stack
check "PRAGMA integrity_check says ok after the stop" sql_is ok "PRAGMA integrity_check"
