# t_media: photographs and documents: uploaded through the release form, stripped and resized, kept from
# the public until publication, served by the web server itself once public, gone the moment they are removed.
. tests/e2e/workflow_lib.sh

MA="$TMP/media-author.jar" ME="$TMP/media-editor.jar" MS="$TMP/media-stranger.jar"
: > "$MS"
login "$MA" author1 author-one-password
login "$ME" admin1 admin-one-password
MD="$TMP/media-in"
mkdir -p "$MD"
MKPHOTO="$BUILD/mkphoto"

# A photograph as a camera leaves it: 2000x1200 pixels, turned on its side (EXIF orientation 6), with
# the GPS position of where it was taken.
"$MKPHOTO" "$MD/camera.jpg" 2000 1200 6
exiftool -q -overwrite_original -GPSLatitude=4.8903 -GPSLatitudeRef=N -GPSLongitude=114.9422 \
    -GPSLongitudeRef=E -Artist="A. Photographer" "$MD/camera.jpg"
check "the test photograph carries a GPS position before upload" \
    eval 'exiftool -s -GPSLatitude "$MD/camera.jpg" | grep -q GPSLatitude'

# A one-page PDF with a correct cross-reference table, written here.
mk_pdf() {
	python3 - "$1" <<'PY'
import sys
objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>"]
stream = b"0.2 0.3 0.6 rg 50 600 495 150 re f"
objs.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
out = bytearray(b"%PDF-1.4\n")
offsets = []
for i, o in enumerate(objs, 1):
    offsets.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for off in offsets:
    out += b"%010d 00000 n \n" % off
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
PY
}
mk_pdf "$MD/statement.pdf"

# mf_post JAR FORM ACTION [curl options...]: the form at FORM read for its csrf token, version and form key,
# then a multipart POST to ACTION with them and the options (-F, --form-string), as a browser sends it.
mf_post() {
	_jar=$1 _form=$2 _action=$3
	shift 3
	http GET "$_form" -b "$_jar" -c "$_jar"
	_tok=$(csrf_in "$BODY")
	_ver=$(version_in "$BODY")
	_key=$(sed -n 's/.*name="form_key" value="\([^"]*\)".*/\1/p' "$BODY" | head -1)
	set -- --form-string "csrf=$_tok" "$@"
	[ -z "$_ver" ] || set -- --form-string "version=$_ver" "$@"
	[ -z "$_key" ] || set -- --form-string "form_key=$_key" "$@"
	http POST "$_action" -b "$_jar" -c "$_jar" "$@"
}

# mf_edit JAR ID [curl options...]: saves release ID's form again with its stored text and the options.
mf_edit() {
	_jar=$1 _id=$2
	shift 2
	mf_post "$_jar" "/admin/releases/$_id" "/admin/releases/$_id" \
	    --form-string "title=$(sql "SELECT title FROM releases WHERE id = $_id")" \
	    --form-string "summary=$(sql "SELECT summary FROM releases WHERE id = $_id")" \
	    --form-string "body=$(sql "SELECT body FROM releases WHERE id = $_id")" \
	    --form-string "event_id=$(sql "SELECT coalesce(event_id, '') FROM releases WHERE id = $_id")" \
	    --form-string "action=save" "$@"
}

# files_in DIR: how many files DIR holds (0 when it does not exist).
files_in() {
	find "$1" -type f ! -name '.*' 2>/dev/null | wc -l
}

MT="Chambers at the Bangkok workshop on forced criminality"
mf_post "$MA" /admin/releases/new /admin/releases --form-string "title=$MT" \
    --form-string "summary=Two judicial officers and two legal counsels attended." \
    --form-string "body=The delegation took part in the regional workshop." --form-string "event_id=" \
    -F "new_photo=@$MD/camera.jpg;filename=IMG_0412.JPG;type=image/jpeg" \
    --form-string "new_photo_alt=The delegation with workshop participants in Bangkok" \
    --form-string "new_photo_caption=Participants on the first day" --form-string "new_photo_credit=UNODC" \
    -F "new_attachment=@$MD/statement.pdf;filename=statement final (2).pdf;type=application/pdf" \
    --form-string "new_attachment_title=Joint statement of the workshop" --form-string "action=submit"
MID=$(done_id submit)
check "an author saves a release with a photograph and a PDF through the multipart form (303)" test -n "$MID"
[ -n "$MID" ] || show_last
PH=$(sql "SELECT hash FROM photos WHERE release_id = ${MID:-0}")
AH=$(sql "SELECT hash FROM attachments WHERE release_id = ${MID:-0}")
check "the photograph is stored with its words, turned upright (1200 wide, 2000 high)" sql_is \
    "The delegation with workshop participants in Bangkok|Participants on the first day|UNODC|480 960 1200|1200|2000" \
    "SELECT alt, caption, credit, widths, width, height FROM photos WHERE release_id = ${MID:-0}"
check "the document is stored with its title, a safe file name, its type, size and page count" sql_is \
    "Joint statement of the workshop|joint-statement-of-the-workshop.pdf|application/pdf|$(wc -c < "$MD/statement.pdf")|1" \
    "SELECT title, file_name, media_type, bytes, pages FROM attachments WHERE release_id = ${MID:-0}"
check "the stored files are named by content hash: 6 photograph sizes, the PDF and its two thumbnails" \
    eval '[ "$(ls "$PRESSROOM_FILES" | grep -c "^$PH-")" = 6 ] && [ "$(ls "$PRESSROOM_FILES" | grep -c "^$AH-")" = 3 ]'
check "nothing is public before publication: the media folder is empty" eval '[ "$(files_in "$PRESSROOM_MEDIA")" = 0 ]'

# --- Before publication: staff and preview links only. ---
P480="$PH-480.jpg" P960W="$PH-960.webp" PDFN="$AH-joint-statement-of-the-workshop.pdf"
http GET "/admin/releases/$MID/media/$P480" -b "$MA"
check "its author sees the photograph through the staff address (200 image/jpeg, private)" \
    eval '[ "$STATUS" = 200 ] && hdr Content-Type | grep -q "^image/jpeg" && hdr Cache-Control | grep -q "no-store"'
http GET "/admin/releases/$MID/media/$P480"
check "a stranger is sent to the login page for the staff address" eval '[ "$STATUS" = 303 ]'
login "$TMP/media-author2.jar" author2 author-two-password
http GET "/admin/releases/$MID/media/$P480" -b "$TMP/media-author2.jar"
status_is 404 "another author gets 404 for it"
for _u in "/media/$P480" "/media/$P960W" "/media/$PDFN" "/media/$AH-thumb.jpg"; do
	http GET "$_u"
	status_is 404 "before publication $_u answers 404 to a stranger"
done
_guess=$(printf '%s' "$PH" | sed 's/.$/0/')
[ "$_guess" = "$PH" ] && _guess=$(printf '%s' "$PH" | sed 's/.$/1/')
http GET "/media/$_guess-480.jpg"
status_is 404 "a guessed neighbour name answers 404"
http GET "/admin/releases/$((MID + 1))/media/$P480" -b "$MA"
status_is 404 "the file is not reachable through a neighbouring release id"
http GET "/admin/releases/$MID/media/$PH-480.png" -b "$MA"
status_is 404 "a name that is not one of the release's files answers 404 even to its author"

# A preview link shows the release with its pictures to someone without an account.
form_post "$MA" "/admin/releases/$MID/preview" "/admin/releases/$MID/preview-links" --data-urlencode "days=7"
MTOK=$(sed -n 's|.*value="[^"]*/preview/\([0-9a-f]\{64\}\)".*|\1|p' "$BODY" | head -1)
http GET "/preview/$MTOK"
check "the preview link's page shows the photograph from the link's own address" \
    has "src=\"/preview/$MTOK/media/$PH-960.jpg\""
http GET "/preview/$MTOK/media/$P960W"
check "... which answers 200 image/webp without any session" \
    eval '[ "$STATUS" = 200 ] && hdr Content-Type | grep -q "^image/webp"'
http GET "/preview/$MTOK/media/$PDFN"
check "... and the document, as a PDF named after its title, under a policy its viewer can work with" eval '[ "$STATUS" = 200 ] &&
    hdr Content-Type | grep -q "^application/pdf" && hdr Content-Disposition | grep -q "joint-statement-of-the-workshop.pdf" &&
    ! hdr Content-Security-Policy | grep -q default-src'
http GET "/preview/$(printf '%064d' 0)/media/$P960W"
status_is 404 "a made-up preview token opens no file"

# --- Published: the web server serves the files itself. ---
approve_publish "$ME" "$MID"
check "an editor approves and publishes it" wf_done publish "$MID"
check "publishing made the release's 9 files public at once" eval '[ "$(files_in "$PRESSROOM_MEDIA")" = 9 ]'
for _n in "$PH-480.jpg" "$PH-480.webp" "$PH-960.jpg" "$PH-960.webp" "$PH-1200.jpg" "$PH-1200.webp"; do
	http GET "/media/$_n"
	check "public $_n: 200 from the web server (no FastCGI), nosniff, cached a year by browsers" eval '[ "$STATUS" = 200 ] &&
	    [ -z "$(hdr X-Cache-Status)" ] && hdr X-Content-Type-Options | grep -q nosniff &&
	    { [ "$SERVER" = lighttpd ] || hdr Cache-Control | grep -q "max-age=31536000"; }'
	cp "$BODY" "$MD/public-$_n"
done
check "every public size is upright (taller than wide) and exactly as wide as its name says" eval '
	for _w in 480 960 1200; do
		_dims=$(exiftool -s -s -s -ImageSize "$MD/public-$PH-$_w.jpg")
		_x=${_dims%x*} _y=${_dims#*x}
		[ "$_x" = "$_w" ] && [ "$_y" -gt "$_x" ] || exit 1
	done'
check "no public file keeps the GPS position, the camera's orientation tag or any EXIF at all" eval '
	for _f in "$MD"/public-*; do
		exiftool -s -a -G1 "$_f" | grep -Eqi "GPS|Orientation|Artist|IFD0|ExifIFD|XMP|IPTC" && exit 1
	done; true'
http GET "/media/$PDFN"
check "the PDF: application/pdf, nosniff, the same bytes as uploaded" eval '[ "$STATUS" = 200 ] &&
    hdr Content-Type | grep -q "^application/pdf" && hdr X-Content-Type-Options | grep -q nosniff &&
    cmp -s "$BODY" "$MD/statement.pdf"'
check "... and a policy that still lets the browser's own PDF viewer draw it (no default-src)" \
    eval 'hdr Content-Security-Policy | grep -q "frame-ancestors .none." && ! hdr Content-Security-Policy | grep -q default-src'
check "... with Content-Disposition naming a safe file" eval 'hdr Content-Disposition | grep -q "^inline" &&
    { [ "$SERVER" = lighttpd ] || hdr Content-Disposition | grep -q "filename=\"joint-statement-of-the-workshop.pdf\""; }'

MURL=$(public_url "$MID")
http GET "$MURL"
check "the release page shows the lead photograph with its alt text, srcset, sizes, width and height" eval '
    has "alt=\"The delegation with workshop participants in Bangkok\"" &&
    has "srcset=\"/media/$PH-480.jpg 480w, /media/$PH-960.jpg 960w, /media/$PH-1200.jpg 1200w\"" &&
    has "type=\"image/webp\" srcset=\"/media/$PH-480.webp 480w" && has "width=\"1200\" height=\"2000\"" && has "sizes=\""'
check "... its caption and credit" eval 'has "Participants on the first day" && has "Photo: UNODC"'
check "... and the document with its type, size and page count" \
    eval 'has "Joint statement of the workshop" && has "PDF, $(wc -c < "$MD/statement.pdf") bytes, 1 page"'
check "... og:image and its alt for link previews" eval 'has "property=\"og:image\" content=\"$BASE/media/$PH-1200.jpg\"" &&
    has "property=\"og:image:alt\" content=\"The delegation with workshop participants in Bangkok\""'
check "... the NewsArticle's image in its JSON-LD" eval 'python3 -c "
import json, re, sys
html = open(sys.argv[1]).read()
ld = json.loads(re.search(r\"<script type=.application/ld\\+json.>(.*?)</script>\", html, re.S).group(1))
assert ld[\"image\"][\"url\"] == sys.argv[2], ld.get(\"image\")
" "$BODY" "$BASE/media/$PH-1200.jpg"'
http GET "/api/v1/releases/$MID"
check "the JSON API gives its image and its document" eval 'python3 -c "
import json, sys
d = json.load(open(sys.argv[1]))
assert d[\"image\"][\"url\"].endswith(\"/media/$PH-1200.jpg\"), d[\"image\"]
assert d[\"image\"][\"alt\"] == \"The delegation with workshop participants in Bangkok\"
a = d[\"attachments\"][0]
assert a[\"pages\"] == 1 and a[\"type\"] == \"application/pdf\" and a[\"url\"].endswith(\"$PDFN\"), a
" "$BODY"'
http GET /feed.atom
check "the Atom feed carries the photograph (enclosure and media:content) and the document" eval '/usr/bin/python3 -c "
import feedparser, sys
f = feedparser.parse(open(sys.argv[1], \"rb\").read())
e = [x for x in f.entries if x.title == sys.argv[2]][0]
types = sorted(l.type for l in e.links if l.rel == \"enclosure\")
assert types == [\"application/pdf\", \"image/jpeg\"], types
assert e.media_content[0][\"url\"].endswith(\"-960.jpg\"), e.media_content
" "$BODY" "$MT"'

# --- Removed, replaced, withdrawn: gone at once. ---
PID=$(sql "SELECT id FROM photos WHERE release_id = $MID")
http GET "/admin/releases/$MID" -b "$MA"
check "its author's form shows a published release's files locked, and says why" \
    eval 'has "only an editor can change its photographs" && has "id=\"photographs\" disabled"'
mf_edit "$MA" "$MID" --form-string "photo_alt_$PID=Changed by the author"
status_is 403 "its author changing a published release's photograph gets 403"
check "... and the alt text is as it was" \
    sql_is "The delegation with workshop participants in Bangkok" "SELECT alt FROM photos WHERE id = $PID"
mf_edit "$ME" "$MID" --form-string "photo_alt_$PID=The delegation with workshop participants in Bangkok" \
    --form-string "photo_remove_$PID=1"
check "the editor removes the photograph (303)" eval '[ "$STATUS" = 303 ]'
for _n in "$PH-480.jpg" "$PH-1200.webp"; do
	http GET "/media/$_n"
	status_is 404 "the removed photograph's $_n answers 404 at once"
done
check "its stored files are deleted too" eval '[ "$(ls "$PRESSROOM_FILES" | grep -c "^$PH-")" = 0 ]'
http GET "$MURL"
check "the page no longer shows it" lacks "$PH"
http GET "/admin/releases/$MID/history" -b "$ME"
check "the release's history says it was added and removed, by whom" eval 'has "added" && has "removed" &&
    has "The delegation with workshop participants in Bangkok"'
wf_step "$ME" "$MID" withdraw --data-urlencode "note=Withdrawn to test its files."
http GET "/media/$PDFN"
status_is 404 "withdrawing the release takes its document off the web server at once"
check "the media folder is empty again" eval '[ "$(files_in "$PRESSROOM_MEDIA")" = 0 ]'

# --- Refused: every hostile or broken file gets a 4xx, the form back with what was typed, nothing stored. ---
printf '#!/bin/sh\necho pwned\n' > "$MD/script.jpg"
printf '<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><script>alert(2)</script></svg>' > "$MD/evil.svg"
printf '<!DOCTYPE html><html><body><script>alert(1)</script></body></html>' > "$MD/page.html"
python3 - "$MD" <<'PY'
import io, sys, zipfile
d = sys.argv[1]
photo = open(d + "/camera.jpg", "rb").read()
z = io.BytesIO()
with zipfile.ZipFile(z, "w") as zf:
    zf.writestr("payload.html", "<script>alert(1)</script>")
open(d + "/polyglot.jpg", "wb").write(photo + z.getvalue())
open(d + "/truncated.jpg", "wb").write(photo[:len(photo) // 2])
open(d + "/notpdf.pdf", "wb").write(b"%PDF-1.4\n1 0 obj\n<< this is not a document >>\n%%EOF\n")
PY
"$MKPHOTO" "$MD/bomb.png" 10000 10000 flat
check "the 100-megapixel PNG is only a few hundred KB" eval '[ "$(wc -c < "$MD/bomb.png")" -lt 2000000 ]'
stored_before=$(files_in "$PRESSROOM_FILES")
HT="Hostile upload test: kept title"
# hostile STATUS FIELD FILE NAME TYPE WHAT: the file sent as FIELD is refused with STATUS and the form comes back.
hostile() {
	_alt=""
	[ "$2" = new_photo ] && _alt="A described picture"
	mf_post "$MA" /admin/releases/new /admin/releases --form-string "title=$HT" --form-string "summary=" \
	    --form-string "body=Body kept as typed." --form-string "event_id=" --form-string "new_photo_alt=$_alt" \
	    --form-string "new_attachment_title=A titled document" -F "$2=@$3;filename=$4;type=$5" --form-string "action=save"
	_want=$1
	check "$6: refused with $1, the form shown again with the title as typed" \
	    eval '[ "$STATUS" = "$_want" ] && has "value=\"$HT\"" && has "Body kept as typed." && has "error-summary"'
}
hostile 415 new_photo "$MD/script.jpg" "photo.jpg" image/jpeg "a shell script named .jpg"
check "... the answer names the types allowed" has "JPEG, PNG or WebP"
hostile 415 new_photo "$MD/evil.svg" "evil.svg" image/svg+xml "an SVG with a script"
hostile 415 new_photo "$MD/page.html" "page.jpg" image/jpeg "an HTML page"
hostile 415 new_photo "$MD/polyglot.jpg" "holiday.jpg" image/jpeg "a JPEG with a ZIP appended (a polyglot)"
hostile 413 new_photo "$MD/bomb.png" "small.png" image/png "a 100-megapixel PNG of a few hundred KB"
hostile 415 new_photo "$MD/truncated.jpg" "half.jpg" image/jpeg "a truncated JPEG (no end marker)"
hostile 415 new_attachment "$MD/camera.jpg" "statement.pdf" application/pdf "a JPEG sent as a PDF"
check "... the answer says documents must be PDF" has "PDF"
hostile 422 new_attachment "$MD/notpdf.pdf" "statement.pdf" application/pdf "a PDF that is not one"
hostile 415 new_photo "$MD/script.jpg" "../../etc/passwd%00.jpg" image/jpeg "a file name with ../ and a NUL"
check "nothing refused was stored, and nothing was made public" \
    eval '[ "$(files_in "$PRESSROOM_FILES")" = "$stored_before" ] && [ "$(files_in "$PRESSROOM_MEDIA")" = 0 ]'
check "no release was saved by any refused form" sql_is 0 "SELECT count(*) FROM releases WHERE title = '$HT'"

mf_post "$MA" /admin/releases/new /admin/releases --form-string "title=$HT" --form-string "body=Body." \
    --form-string "event_id=" -F "new_photo=@$MD/camera.jpg;filename=a.jpg;type=image/jpeg" \
    --form-string "new_photo_caption=A caption kept" --form-string "action=save"
check "a photograph without alt text: 422 naming the field, the caption kept" eval '[ "$STATUS" = 422 ] &&
    has "Alt text is required" && has "value=\"A caption kept\""'

# --- On the clock: a scheduled release's files appear when it is due, and go when it is withdrawn on schedule. ---
ST="Scheduled release with a photograph"
mf_post "$MA" /admin/releases/new /admin/releases --form-string "title=$ST" --form-string "body=Due soon." \
    --form-string "event_id=" -F "new_photo=@$MD/camera.jpg;filename=b.jpg;type=image/jpeg" \
    --form-string "new_photo_alt=A scheduled picture" --form-string "action=submit"
SID=$(done_id submit)
_later=$(TZ=Asia/Brunei date -d '+2 days' +%Y-%m-%dT09:00)
approve_publish "$ME" "${SID:-0}" --data-urlencode "publish_at=$_later"
check "an editor schedules it two days ahead" sql_is scheduled "SELECT status FROM releases WHERE id = ${SID:-0}"
SPH=$(sql "SELECT hash FROM photos WHERE release_id = ${SID:-0}")
http GET "/media/$SPH-480.jpg"
status_is 404 "a scheduled release's photograph is not public before its time"
# The clock is moved, not waited for: its time becomes three seconds from now.
sql "UPDATE releases SET published_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+3 seconds') WHERE id = ${SID:-0}" >/dev/null
media_answers() {
	http GET "/media/$2"
	[ "$STATUS" = "$1" ]
}
check "when it comes due, its photograph is public within moments, with nothing else done" \
    wait_for 30 media_answers 200 "$SPH-480.jpg"
sql "UPDATE releases SET withdraw_at = strftime('%Y-%m-%dT%H:%M:%SZ', 'now', '+2 seconds') WHERE id = ${SID:-0}" >/dev/null
check "when its scheduled withdrawal comes, the photograph answers 404 within moments" \
    wait_for 30 media_answers 404 "$SPH-480.jpg"

# --- pressroomctl check finds what a crash could leave; backup keeps the files. ---
"$PRESSROOMCTL" -d "$DB" check > "$TMP/media-check.out" 2>&1
check "pressroomctl check: every file stored, only listed releases' public (exit 0)" \
    eval '[ $? = 0 ] && grep -q "^files: every photograph" "$TMP/media-check.out" || { cat "$TMP/media-check.out" >&2; false; }'
printf 'left by a crash' > "$PRESSROOM_FILES/0123456789abcdef0123456789abcdef-480.jpg"
sql "INSERT INTO photos(release_id, position, hash, widths, width, height, alt, added_by, added_at)
     SELECT id, 9, 'fedcba9876543210fedcba9876543210', '480', 480, 320, 'a row whose file is gone', author_id,
     strftime('%Y-%m-%dT%H:%M:%SZ','now') FROM releases WHERE id = ${SID:-0}" >/dev/null
"$PRESSROOMCTL" -d "$DB" check > "$TMP/media-check.out" 2>&1
_rc=$?
check "pressroomctl check reports a stored file no row names, and a row whose file is missing (exit 1)" \
    eval '[ $_rc = 1 ] && grep -q "^files: orphan 0123456789abcdef0123456789abcdef-480.jpg" "$TMP/media-check.out" &&
    grep -q "^files: missing fedcba9876543210fedcba9876543210-480.jpg" "$TMP/media-check.out"'
sql "DELETE FROM photos WHERE hash = 'fedcba9876543210fedcba9876543210'" >/dev/null
rm -f "$PRESSROOM_FILES/0123456789abcdef0123456789abcdef-480.jpg"

# A published release with a photograph, backed up, its files lost, restored from the backup.
BT="Backed-up release with a photograph"
mf_post "$MA" /admin/releases/new /admin/releases --form-string "title=$BT" --form-string "body=Kept safe." \
    --form-string "event_id=" -F "new_photo=@$MD/camera.jpg;filename=c.jpg;type=image/jpeg" \
    --form-string "new_photo_alt=A picture worth keeping" --form-string "action=submit"
BID=$(done_id submit)
approve_publish "$ME" "${BID:-0}"
BPH=$(sql "SELECT hash FROM photos WHERE release_id = ${BID:-0}")
"$PRESSROOMCTL" -d "$DB" backup "$TMP/media-backup.db" > "$TMP/media-backup.out" 2>&1
check "pressroomctl backup copies the stored files beside the database copy" \
    eval '[ $? = 0 ] && [ -f "$TMP/media-backup.db.files/$BPH-480.jpg" ] && grep -q "stored file" "$TMP/media-backup.out"'
rm -f "$PRESSROOM_FILES/$BPH-"* "$PRESSROOM_MEDIA/$BPH-"*
http GET "/media/$BPH-480.jpg"
status_is 404 "with its files lost, the photograph is gone"
cp "$TMP/media-backup.db.files/"* "$PRESSROOM_FILES/"
reload_workers
check "restored from the backup's folder, the photograph is served again once pressroom restarts its children" \
    wait_for 30 media_answers 200 "$BPH-480.jpg"
check "... byte for byte the file backed up" cmp -s "$BODY" "$TMP/media-backup.db.files/$BPH-480.jpg"

# --- Order and the lead image; a save that changes nothing records nothing. ---
OT="Release with two photographs"
mf_post "$MA" /admin/releases/new /admin/releases --form-string "title=$OT" --form-string "body=Two pictures." \
    --form-string "event_id=" -F "new_photo=@$MD/camera.jpg;filename=first.jpg;type=image/jpeg" \
    --form-string "new_photo_alt=The first picture" --form-string "action=save"
OID=$(done_id save)
"$MKPHOTO" "$MD/second.png" 900 600
O1=$(sql "SELECT id FROM photos WHERE release_id = ${OID:-0}")
mf_edit "$MA" "${OID:-0}" --form-string "photo_alt_$O1=The first picture" \
    -F "new_photo=@$MD/second.png;filename=second.png;type=image/png" --form-string "new_photo_alt=The second picture"
check "a second photograph is added after the first (a PNG, 900 wide: 480 and 900)" \
    sql_is "1|The first picture|480 960 1200
2|The second picture|480 900" "SELECT position, alt, widths FROM photos WHERE release_id = ${OID:-0} ORDER BY position"
O2=$(sql "SELECT id FROM photos WHERE release_id = ${OID:-0} AND position = 2")
changes_before=$(sql "SELECT count(*) FROM media_changes WHERE release_id = ${OID:-0}")
mf_edit "$MA" "${OID:-0}" --form-string "photo_alt_$O1=The first picture" --form-string "photo_position_$O1=1" \
    --form-string "photo_alt_$O2=The second picture" --form-string "photo_position_$O2=2" --form-string "lead_photo=$O1"
check "saving the form unchanged records no change to its photographs" \
    sql_is "$changes_before" "SELECT count(*) FROM media_changes WHERE release_id = ${OID:-0}"
mf_edit "$MA" "${OID:-0}" --form-string "photo_alt_$O1=The first picture" --form-string "photo_position_$O1=1" \
    --form-string "photo_alt_$O2=The second picture" --form-string "photo_position_$O2=2" --form-string "lead_photo=$O2"
check "choosing the second as the lead image puts it first" \
    sql_is "$O2|1
$O1|2" "SELECT id, position FROM photos WHERE release_id = ${OID:-0} ORDER BY position"
check "... and the history says so" \
    sql_is "changed|made the lead image" "SELECT change, detail FROM media_changes WHERE release_id = ${OID:-0} ORDER BY id DESC LIMIT 1"
http GET "/admin/releases/${OID:-0}" -b "$MA"
check "the form lists the new lead first, its radio button chosen" \
    eval 'grep -o "lead_photo_[0-9]*\" name=\"lead_photo\" value=\"[0-9]*\" checked" "$BODY" | grep -q "value=\"$O2\""'
