# t_multipart: a form sent as multipart/form-data (what a browser sends once a form has a file input) is read like
# the urlencoded one; a malformed multipart body answers 400, one without a boundary 415, a file over upload_max 413.

. tests/e2e/workflow_lib.sh

MJ="$TMP/multipart-author.jar"
login "$MJ" author1 author-one-password
MP_PHOTO="$TMP/multipart-photo.jpg"
printf '\377\330\377\340\000\020JFIF\000\r\n--not-the-boundary\r\n\377\331' > "$MP_PHOTO"
MP_TITLE="Multipart: Chambers at the Kuala Lumpur meeting"
MP_BODY=$(printf 'Two counsels went to *Kuala Lumpur*.\r\n\r\nCaf\303\251 \342\200\224 "quoted" & <b>kept</b>; 100%% + more = ok.\n\n- one\n- two')

# mp_release MODE [curl options...]: author1 saves a new release through the real form (its csrf token and form
# key from a fresh page), every field sent urlencoded (--data-urlencode) or as multipart (--form-string);
# sets NEW_ID as new_release does.
mp_release() {
	_mode=$1
	shift
	http GET /admin/releases/new -b "$MJ" -c "$MJ"
	_tok=$(csrf_in "$BODY")
	_key=$(sed -n 's/.*name="form_key" value="\([^"]*\)".*/\1/p' "$BODY" | head -1)
	_n=$#
	set -- "$@" "csrf=$_tok" "form_key=$_key" "title=$MP_TITLE" "summary=A summary with a tab	and an é." \
	    "body=$MP_BODY" "event_id=new" "event_title=Regional Meeting on Mutual Legal Assistance" \
	    "event_kind=meeting" "event_starts_on=2025-03-10" "event_ends_on=2025-03-12" \
	    "event_venue=Hotel \"Istana\"" "event_city=Kuala Lumpur" "event_country=MY" "event_participants=35" \
	    "event_countries=8" "event_organisers=Multipart Legal Institute" "event_sponsors=Multipart Justice Fund" \
	    "delegation_from=Attorney General's Chambers" "member_role=legal counsel" \
	    "member_department=Attorney General's Chambers" "member_count=2" "member_names=A. Counsel; B. Counsel" \
	    "action=save"
	# The caller's options stay first; each field becomes the option that sends it in this mode.
	_i=0
	for _f in "$@"; do
		_i=$((_i + 1))
		if [ "$_i" -le "$_n" ]; then
			set -- "$@" "$_f"
		elif [ "$_mode" = multipart ]; then
			set -- "$@" --form-string "$_f"
		else
			set -- "$@" --data-urlencode "$_f"
		fi
	done
	shift "$_i"
	http POST /admin/releases -b "$MJ" -c "$MJ" "$@"
	NEW_ID=$(done_id save)
}

# mp_saved ID: what the database holds of a release, its event, sponsors and delegation, ids and times left out.
mp_saved() {
	sql "SELECT r.title, r.summary, r.body, r.body_html, r.status, r.language, r.version, r.author_id,
	        e.title, e.kind, e.starts_on, e.ends_on, e.venue, e.city, e.country, e.participants, e.countries, e.summary,
	        (SELECT group_concat(o.name || '/' || s.role || '/' || s.position, ';') FROM sponsors s
	         JOIN organizations o ON o.id = s.organization_id WHERE s.event_id = e.id),
	        (SELECT group_concat(m.role_title || '/' || m.count || '/' || coalesce(m.names, '') || '/' ||
	         coalesce(o.name, ''), ';') FROM delegations d JOIN delegation_members m ON m.delegation_id = d.id
	         LEFT JOIN organizations o ON o.id = m.organization_id WHERE d.event_id = e.id),
	        (SELECT group_concat(title || '/' || summary || '/' || body, ';') FROM release_revisions
	         WHERE release_id = r.id)
	 FROM releases r JOIN events e ON e.id = r.event_id WHERE r.id = $1"
}

mp_release urlencoded
UE_ID=$NEW_ID
check "the release form sent urlencoded saves a release with its event (303 to ?done=save)" test -n "$UE_ID"
mp_release multipart -F "photo=@$MP_PHOTO;type=image/jpeg;filename=../../etc/passwd"
MP_ID=$NEW_ID
check "the same form sent as multipart/form-data, with a file part, saves a release" test -n "$MP_ID"
mp_ue=$(mp_saved "${UE_ID:-0}") mp_mp=$(mp_saved "${MP_ID:-0}")
check "... exactly as the urlencoded one: release, event, sponsors, delegation and revision" \
    test -n "$mp_ue" -a "$UE_ID" != "$MP_ID" -a "$mp_ue" = "$mp_mp"
check "... every byte of its text as sent (CRLF, UTF-8, quotes, %, + and &)" \
    sql_is 1 "SELECT body = CAST(X'$(printf %s "$MP_BODY" | od -An -tx1 | tr -d ' \n')' AS TEXT) AND
              venue = 'Hotel \"Istana\"' FROM releases r JOIN events e ON e.id = r.event_id WHERE r.id = ${MP_ID:-0}"

http POST /admin/releases -b "$MJ" -c "$MJ" --form-string "csrf=not-the-token" --form-string "title=Forged" \
    -F "photo=@$MP_PHOTO"
status_is 403 "a multipart form with a wrong csrf token is refused like an urlencoded one"

MJ2="$TMP/multipart-login.jar"
: > "$MJ2"
http GET /login -b "$MJ2" -c "$MJ2"
mp_tok=$(csrf_in "$BODY")
http POST /login -b "$MJ2" -c "$MJ2" --form-string "name=author2" --form-string "password=author-two-password" \
    --form-string "csrf=$mp_tok" --form-string "next=/admin"
status_is 303 "a login form sent as multipart/form-data signs in"
http GET /admin -b "$MJ2"
status_is 200 "... and the session it made opens /admin"

# Bodies made by hand: each is written to a file, so that the shell keeps every CR and LF.
mp_raw() {
	printf -- "$2" > "$TMP/multipart-raw.txt"
	http POST /admin/releases -b "$MJ" -H "Content-Type: $1" --data-binary "@$TMP/multipart-raw.txt"
}
mp_tok=$(csrf_of "$MJ" /admin/releases/new)
mp_raw 'multipart/form-data; boundary=XyZ' "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n$mp_tok\r\n--XyZ\r\nContent-Disposition: form-data; name=\"title\"\r\n\r\nHand-made\r\n--XyZ--\r\n"
status_is 422 "a well-formed multipart body made by hand reaches the form (422: the summary and body are missing)"
mp_raw 'multipart/form-data; boundary=XyZ' "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n$mp_tok\r\n"
status_is 400 "a multipart body without its closing boundary answers 400"
mp_raw 'multipart/form-data; boundary=XyZ' "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n--XyZ--\r\n"
status_is 400 "a boundary inside a part's headers answers 400"
mp_raw 'multipart/form-data; boundary=XyZ' "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--\r\n"
status_is 400 "a part without Content-Disposition answers 400"
mp_raw 'multipart/form-data; boundary=XyZ' "--XyZ\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\ncaf\303(\r\n--XyZ--\r\n"
status_is 400 "invalid UTF-8 in a multipart text field answers 400"
mp_raw 'multipart/form-data' "--XyZ\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n$mp_tok\r\n--XyZ--\r\n"
status_is 415 "multipart/form-data without a boundary answers 415"

# upload_max (10 MiB by default) is pressroom's; the web server lets through a body up to max_body + upload_max.
mp_big="$TMP/multipart-big.bin"
head -c 10485760 /dev/zero > "$mp_big"
mp_release multipart -F "photo=@$mp_big;type=application/octet-stream"
check "a form with a file of exactly upload_max bytes is saved" test -n "$NEW_ID"
printf x >> "$mp_big"
mp_release multipart -F "photo=@$mp_big;type=application/octet-stream"
status_is 413 "a file one byte over upload_max answers 413"
head -c 2097152 /dev/zero >> "$mp_big"
http POST /admin/releases -b "$MJ" -F "csrf=$mp_tok" -F "photo=@$mp_big"
status_is 413 "a 12 MB multipart body (over max_body + upload_max) answers 413"
rm -f "$mp_big"
