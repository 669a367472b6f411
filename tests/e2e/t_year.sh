# t_year: /engagements/<year> and its CSV: the events, countries and delegates by role, with totals; bad years 404.

. tests/e2e/pages_lib.sh
pages_fixture

# year_sql YEAR WHAT: WHAT over the member rows of delegations to public events starting in YEAR.
year_sql() {
	sql "SELECT $2 FROM delegation_members m JOIN delegations d ON d.id = m.delegation_id
	    JOIN events e ON e.id = d.event_id WHERE substr(e.starts_on, 1, 4) = '$1' AND $PF_PUBLIC"
}

# csv_py FILE EXPR: the CSV file read by Python's csv module (rows: a list of dicts by the header), and
# EXPR of it printed.
csv_py() {
	python3 - "$1" "$2" <<'PY'
import csv, sys
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
print(eval(sys.argv[2], {"rows": rows}))
PY
}

jo=$(year_sql 2025 "sum(m.count) FILTER (WHERE lower(m.role_title) = 'judicial officer')")
lc=$(year_sql 2025 "sum(m.count) FILTER (WHERE lower(m.role_title) = 'legal counsel')")
events=$(year_sql 2025 "count(DISTINCT e.id)")
countries=$(year_sql 2025 "count(DISTINCT e.country)")
delegates=$(year_sql 2025 "sum(m.count)")

http GET /engagements/2025
status_is 200 "GET /engagements/2025 answers 200"
body_has "2025 lists the Bangkok workshop with its dates, place and delegation" \
    'href="/events/regional-workshop-trafficking-forced-criminality-2025"' "18-19 February 2025</time>" \
    "Bangkok, Thailand" "2 judicial officers, State Judiciary Department; 2 legal counsels, Attorney General&#39;s Chambers"
body_has "Thailand is among the year's countries" "<li>Thailand</li>"
body_has "delegates by role are summed across the year's events ($jo judicial officers, $lc legal counsels)" \
    "<li>$jo judicial officers</li>" "<li>$lc legal counsels</li>"
body_has "the totals are $events events, $countries countries, $delegates delegates, as sqlite3 counts" \
    "<dt>Events</dt><dd>$events</dd>" "<dt>Countries</dt><dd>$countries</dd>" "<dt>Delegates</dt><dd>$delegates</dd>"
check "the upcoming meeting (a later year) is not in 2025" lacks "/events/$PF_UP_SLUG\""
body_has "the page links to its CSV" 'href="/engagements/2025.csv"'
html_valid "/engagements/2025"

http GET /engagements/2025.csv
status_is 200 "GET /engagements/2025.csv answers 200"
check "it is text/csv in UTF-8, as an attachment named engagements-2025.csv" eval \
    '[ "$(hdr Content-Type)" = "text/csv; charset=utf-8" ] &&
     [ "$(hdr Content-Disposition)" = "attachment; filename=\"engagements-2025.csv\"" ]'
check "every line ends in CRLF (RFC 4180)" eval \
    '[ "$(grep -c "" "$BODY")" -gt 1 ] && [ "$(grep -c "$(printf "\r")\$" "$BODY")" = "$(grep -c "" "$BODY")" ]'
check "its header row names the columns" eval \
    '[ "$(head -1 "$BODY" | tr -d "\r")" = "event,event_url,starts_on,ends_on,kind,city,country,country_name,sent_by,role,department,count" ]'
check "Python's csv module reads a row per delegation row, as the page has ($(year_sql 2025 "count(*)"))" eval \
    '[ "$(csv_py "$BODY" "len(rows)")" = "$(year_sql 2025 "count(*)")" ]'
check "the CSV's counts by role are the page's ($jo judicial officers, $lc legal counsels)" eval \
    '[ "$(csv_py "$BODY" "sum(int(r[\"count\"]) for r in rows if r[\"role\"].lower() == \"judicial officer\")")" = "$jo" ] &&
     [ "$(csv_py "$BODY" "sum(int(r[\"count\"]) for r in rows if r[\"role\"].lower() == \"legal counsel\")")" = "$lc" ]'
check "the CSV's events, countries and delegates are the page's totals" eval \
    '[ "$(csv_py "$BODY" "len(set(r[\"event_url\"] for r in rows))")" = "$events" ] &&
     [ "$(csv_py "$BODY" "len(set(r[\"country\"] for r in rows))")" = "$countries" ] &&
     [ "$(csv_py "$BODY" "sum(int(r[\"count\"]) for r in rows)")" = "$delegates" ]'
check "the demo's rows are there with their event's address" eval \
    '[ "$(csv_py "$BODY" "[(r[\"role\"], r[\"department\"], r[\"count\"]) for r in rows if r[\"event_url\"] == \"$BASE/events/regional-workshop-trafficking-forced-criminality-2025\"]")" = \
       "[('\''judicial officer'\'', '\''State Judiciary Department'\'', '\''2'\''), ('\''legal counsel'\'', \"Attorney General'\''s Chambers\", '\''2'\'')]" ]'

# The 2023 workshop's title, city, role and department start with = - @ +: a spreadsheet must not run them.
http GET /engagements/2023.csv
status_is 200 "GET /engagements/2023.csv answers 200"
check "a title starting with = is written with a leading quote, its quotes and comma kept" eval \
    '[ "$(csv_py "$BODY" "rows[0][\"event\"]")" = "'\''$PF_HOSTILE_EVENT" ]'
check "so are a city starting with -, a role starting with @ and a department starting with +" eval \
    '[ "$(csv_py "$BODY" "rows[0][\"city\"]")" = "'"'"'-Hat Yai, \"south\"" ] &&
     [ "$(csv_py "$BODY" "rows[0][\"role\"]")" = "'"'"'@SUM(1+1) officer" ] &&
     [ "$(csv_py "$BODY" "rows[0][\"department\"]")" = "'"'"'+44 Department" ]'
check "no cell of the file starts with = + - or @" eval \
    '[ "$(csv_py "$BODY" "sum(1 for r in rows for v in r.values() if v[:1] in \"=+-@\")")" = 0 ]'
http GET /engagements/2023
body_has "the 2023 page shows the same title as text, escaped" "=HYPERLINK(&quot;http://evil.example/&quot;"
html_valid "/engagements/2023"

http GET /engagements
status_is 200 "GET /engagements answers 200"
body_has "it lists the years with engagements, each with its CSV" 'href="/engagements/2025"' \
    'href="/engagements/2025.csv"' 'href="/engagements/2023"'
check "... and 2025's $events event(s) and $delegates delegates" \
    grep -Eq ">2025</a>: $events events?, $delegates delegates? " "$BODY"
html_valid "/engagements"

http GET /engagements/1999
status_is 200 "a year without engagements answers 200"
body_has "... and says so, with zero totals" "No delegation to a published event is recorded for 1999" \
    "<dt>Delegates</dt><dd>0</dd>"
http GET /engagements/1999.csv
check "its CSV is the header row alone" eval '[ "$STATUS" = 200 ] && [ "$(grep -c "" "$BODY")" = 1 ]'

for bad in abc 1800 2101 20255 0225 2025.txt 2025.csv.csv +2025 ' 2025'; do
	http GET "/engagements/$(printf %s "$bad" | sed 's/ /%20/g; s/+/%2B/g')"
	status_is 404 "/engagements/$bad answers 404"
done
http GET /engagements/abcd.csv
status_is 404 "/engagements/abcd.csv answers 404"
