# t_graceful.sh: SIGTERM lets a request already in flight finish before the worker exits.

_gsock="$TMP/graceful.sock"
"$PRESSROOM" -s "$_gsock" -w 1 -d "$DB" 2>>"$TMP/graceful.log" &
_gpid=$!
if wait_for 60 test -S "$_gsock"; then
	# Half a body is sent, then SIGTERM, then the rest a second later: the answer must still come.
	timeout 30 python3 tests/e2e/fcgi_client.py "$_gsock" POST /login --body "name=a&password=b&csrf=x&next=%2Fadmin" \
	    --send-first 10 --signal "$_gpid:SIGTERM" --pause 1 > "$TMP/graceful.out" 2>>"$TMP/graceful.log"
	if grep -q '^Status: 403' "$TMP/graceful.out" && grep -q '</html>' "$TMP/graceful.out"; then
		ok "a request in flight when SIGTERM arrives is answered in full (403 for its missing token)"
	else
		not_ok "a request in flight when SIGTERM arrives is answered in full"
		head -5 "$TMP/graceful.out" >&2
	fi
	if wait_for 60 gone "$_gpid"; then
		wait "$_gpid"
		check "after that request, the master and its worker exit with status 0" test $? -eq 0
	else
		not_ok "after that request, the master and its worker exit"
		kill -KILL "$_gpid"
	fi
else
	not_ok "a second pressroom starts on its own socket"
	kill -KILL "$_gpid" 2>/dev/null
fi
