# t_delete: a release that was never public can be deleted, with a trace in the audit log; a public one never.
. tests/e2e/workflow_lib.sh

DJ="$TMP/delete-author.jar" DE="$TMP/delete-editor.jar" DA="$TMP/delete-admin.jar"
: > "$DJ"; : > "$DE"; : > "$DA"
login "$DJ" author1 author-one-password
login "$DE" editor1 editor-one-password
login "$DA" admin1 admin-one-password

new_release "$DJ" "A draft to delete $$" save
DID=$(done_id save)
check "author1 saves a draft to delete (id $DID)" test -n "$DID"
wf "$DJ" "$DID" delete
status_is 303 "the author deletes their own draft"
check "... and lands on the dashboard saying so" eval 'hdr Location | grep -q "/admin?done=delete$"'
http GET "/admin/releases/$DID" -b "$DJ"
status_is 404 "the deleted draft is gone"
check "its revisions went with it" eval '[ "$(sql "SELECT count(*) FROM release_revisions WHERE release_id = $DID")" = 0 ]'
check "the audit log keeps its title" \
    eval 'sql "SELECT detail FROM audit_log WHERE action = '"'"'release_delete'"'"' AND subject = '"'"'release:$DID'"'"'" | grep -q "A draft to delete $$"'

new_release "$DJ" "A submitted release $$" submit
SID=$(done_id submit)
wf "$DJ" "$SID" delete
status_is 403 "the author cannot delete it while it is with an editor"

new_release "$DE" "A public release $$" submit
PID_=$(done_id submit)
approve_publish "$DA" "$PID_"
wf "$DE" "$PID_" delete
status_is 403 "a release that has been public cannot be deleted, only withdrawn or unpublished"
check "... and it is still published" eval '[ "$(sql "SELECT status FROM releases WHERE id = $PID_")" = published ]'
