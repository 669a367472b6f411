# t_ical: iCalendar (RFC 5545) for one event (/events/<slug>.ics) and for the upcoming ones
# (/events.ics): CRLF lines, folding at 75 octets, BEGIN/END balance, TEXT escaping, all-day dates.

. tests/e2e/opendata_lib.sh
od_logins ical

# ics FILE: checks a calendar: every line ends in CRLF and holds at most 75 octets and whole UTF-8
# characters; BEGIN and END nest and balance inside one VCALENDAR with VERSION:2.0 and a PRODID;
# TEXT values have no bare comma or semicolon. Prints each VEVENT as a line of tab-separated
# UID, DTSTART, DTEND, SUMMARY, LOCATION, DESCRIPTION and URL (unfolded, unescaped), in order.
ics() {
	python3 - "$1" <<'PY'
import re, sys
def fail(why):
    sys.exit('#   ics: ' + why)
raw = open(sys.argv[1], 'rb').read()
if not raw.endswith(b'\r\n'):
    fail('the last line does not end in CRLF')
logical = []
for n, line in enumerate(raw[:-2].split(b'\r\n'), 1):
    if b'\n' in line or b'\r' in line:
        fail('line %d has a bare LF or CR' % n)
    if len(line) > 75:
        fail('line %d is %d octets long' % (n, len(line)))
    try:
        line.decode('utf-8')
    except UnicodeDecodeError:
        fail('line %d splits a UTF-8 character' % n)
    if line[:1] == b' ':
        logical[-1] += line[1:]
    else:
        logical.append(line)
def unescape(v, name):
    out, i = [], 0
    while i < len(v):
        ch = v[i]
        if ch == '\\':
            nxt = v[i + 1:i + 2]
            if nxt not in ('\\', ';', ',', 'n', 'N'):
                fail('%s: a backslash escapes %r' % (name, nxt))
            out.append('\n' if nxt in 'nN' else nxt)
            i += 2
            continue
        if ch in ',;':
            fail('%s: a bare %r in %r' % (name, ch, v))
        out.append(ch)
        i += 1
    return ''.join(out)
stack, events, cal = [], [], {}
for line in (l.decode('utf-8') for l in logical):
    name, sep, value = line.partition(':')
    if not sep:
        fail('no colon in %r' % line)
    if name == 'BEGIN':
        stack.append(value)
        if value == 'VEVENT':
            events.append({})
    elif name == 'END':
        if not stack or stack.pop() != value:
            fail('END:%s does not close what is open' % value)
    elif stack == ['VCALENDAR']:
        cal[name] = value
    elif stack == ['VCALENDAR', 'VEVENT']:
        events[-1][name] = unescape(value, name) if name in ('SUMMARY', 'LOCATION', 'DESCRIPTION', 'UID') else value
    else:
        fail('%s outside a VCALENDAR' % name)
if stack or logical[0] != b'BEGIN:VCALENDAR':
    fail('BEGIN and END do not balance around one VCALENDAR')
if cal.get('VERSION') != '2.0' or not cal.get('PRODID'):
    fail('no VERSION:2.0 or no PRODID')
for e in events:
    if not re.match(r'^\d{8}T\d{6}Z$', e.get('DTSTAMP', '')):
        fail('a VEVENT without a UTC DTSTAMP')
    print('\t'.join(e.get(k, '') for k in ('UID', 'DTSTART;VALUE=DATE', 'DTEND;VALUE=DATE', 'SUMMARY',
        'LOCATION', 'DESCRIPTION', 'URL')))
PY
}

# calendar PATH: GET PATH answers 200 with text/calendar and a calendar ics accepts; its events in
# $TMP/ical-events.tsv.
calendar() {
	http GET "$1"
	[ "$STATUS" = 200 ] || { show_last; return 1; }
	hdr Content-Type | grep -qi '^text/calendar; *charset=utf-8' || { diag "Content-Type: $(hdr Content-Type)"; return 1; }
	ics "$BODY" > "$TMP/ical-events.tsv"
}

# field N: field N of the first event of the last calendar.
field() {
	head -1 "$TMP/ical-events.tsv" | cut -f"$1"
}

TODAY=$(TZ=Asia/Brunei date +%F)
SOON_FROM=$(date -d '+40 days' +%F) SOON_TO=$(date -d '+42 days' +%F)
TITLE='Ical Meeting on Extradition, Mutual Legal Assistance; and Asset Recovery'
od_with_event "Ical: the office will attend a meeting next month" "$TITLE" "$SOON_FROM" "$SOON_TO" \
    "Ical Organiser" "Attorney General's Chambers"
check "a release about an upcoming event is published" test -n "$OD_EVENT_SLUG"
SOON=$OD_EVENT SOON_SLUG=$OD_EVENT_SLUG
od_with_event "Ical: a meeting that ends today" "Ical Meeting Ending Today" \
    "$(TZ=Asia/Brunei date -d yesterday +%F)" "$TODAY" "Ical Organiser" "Attorney General's Chambers"
TODAYS=$OD_EVENT
od_with_event "Ical: a meeting in the past" "Ical Meeting in the Past" 2025-04-01 2025-04-02 \
    "Ical Organiser" "Attorney General's Chambers"
PAST=$OD_EVENT PAST_SLUG=$OD_EVENT_SLUG
od_draft_event Ical
DRAFT_SLUG=$OD_DRAFT_SLUG
HOST=${BASE#http://}
HOST=${HOST%%:*}

check "/events/<slug>.ics is a valid calendar: CRLF lines of at most 75 octets, BEGIN/END balanced" \
    calendar "/events/$SOON_SLUG.ics"
check "... with one VEVENT" test "$(grep -c '' "$TMP/ical-events.tsv")" = 1
check "its UID is event-<id>@<host of base_url>" test "$(field 1)" = "event-$SOON@$HOST"
check "DTSTART;VALUE=DATE is the first day" test "$(field 2)" = "$(echo "$SOON_FROM" | tr -d -)"
check "DTEND;VALUE=DATE is the day after the last day" test "$(field 3)" = "$(date -d "$SOON_TO +1 day" +%Y%m%d)"
check "SUMMARY reads back as the title, comma and semicolon included" test "$(field 4)" = "$TITLE"
check "... written with them escaped (\\, and \\;)" \
    eval 'tr -d "\r" < "$BODY" | grep -qF "SUMMARY:Ical Meeting on Extradition\\, Mutual Legal Assistance\\; and"'
check "LOCATION is venue, city and country" test "$(field 5)" = "Convention Centre, Hall 2; East Wing, Kuala Lumpur, Malaysia"
check "URL is the event's page" test "$(field 7)" = "$BASE/events/$SOON_SLUG"
uid=$(field 1)
calendar "/events/$SOON_SLUG.ics"
check "the UID is the same on the next request" test "$(field 1)" = "$uid"
http HEAD "/events/$SOON_SLUG.ics"
check "HEAD /events/<slug>.ics answers 200 with headers only" eval '[ "$STATUS" = 200 ] && cmp -s "$BODY" "$HDRS"'
http GET "/events/$SOON_SLUG"
status_is 200 "the event's page still answers at /events/<slug>"

DEMO=regional-workshop-trafficking-forced-criminality-2025
check "the demo event's calendar is valid too" calendar "/events/$DEMO.ics"
check "a title longer than 75 octets is folded, and unfolds back to the title" eval \
    '[ "$(field 4)" = "$(sql "SELECT title FROM events WHERE slug = '"'$DEMO'"'")" ] &&
     grep -q "^ " "$BODY"'
check "DESCRIPTION is the event's summary, its commas escaped" eval \
    '[ "$(field 6)" = "$(sql "SELECT summary FROM events WHERE slug = '"'$DEMO'"'")" ] &&
     tr -d "\r" < "$BODY" | grep -q "^DESCRIPTION:.*\\\\,"'
check "an event of 18-19 February is DTSTART 20250218, DTEND 20250220" \
    test "$(field 2) $(field 3)" = "20250218 20250220"

# upcoming_match: /events.ics holds exactly the public events that end today or later, soonest first.
upcoming_match() {
	calendar /events.ics || return 1
	um_got=$(cut -f1 "$TMP/ical-events.tsv" | tr '\n' ' ')
	um_want=$(sql "SELECT 'event-' || id || '@$HOST' FROM events e WHERE ends_on >= '$TODAY' AND EXISTS
	    (SELECT 1 FROM releases WHERE event_id = e.id AND $OD_VIEWABLE) ORDER BY starts_on, id" | tr '\n' ' ')
	[ "$um_got" = "$um_want" ] || { diag "/events.ics: $um_got; the database says $um_want"; return 1; }
}
check "/events.ics is a valid calendar of exactly the public events not yet over, soonest first" od_twice upcoming_match
check "... with the event next month and the one ending today, not the past one" eval \
    'grep -q "^event-$SOON@" "$TMP/ical-events.tsv" && grep -q "^event-$TODAYS@" "$TMP/ical-events.tsv" &&
     ! grep -q "^event-$PAST@" "$TMP/ical-events.tsv"'
check "... nor the event only a draft is about" eval '! grep -q "Ical Unannounced Visit" "$TMP/ical-events.tsv"'

http GET /events/no-such-event.ics
status_is 404 "an unknown event's calendar answers 404"
http GET "/events/$DRAFT_SLUG.ics"
check "the calendar of an event only a draft is about answers 404" eval '[ -n "$DRAFT_SLUG" ] && [ "$STATUS" = 404 ]'
http GET "/events/$PAST_SLUG.ics"
status_is 200 "a past event still has its own calendar"
