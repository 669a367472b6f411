/* ctl_demo: pressroomctl demo --releases N: a large published archive, for trying the site's size claims. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "audit.h"
#include "ctl.h"
#include "markdown.h"
#include "search.h"
#include "valid.h"

#define DEMO_MAX_RELEASES 10000000L
#define DEMO_YEARS 15   /* the archive reaches back this far from yesterday */

struct demo_org {
	const char *slug, *name, *short_name, *kind;
};

/* The partners an office like ours works with; the first three are its own side. */
static const struct demo_org orgs[] = {
	{ "agc", "Attorney General's Chambers", "AGC", "government" },
	{ "state-judiciary-department", "State Judiciary Department", NULL, "government" },
	{ "ministry-of-foreign-affairs", "Ministry of Foreign Affairs", "MFA", "government" },
	{ "unodc", "United Nations Office on Drugs and Crime", "UNODC", "un_agency" },
	{ "eu", "European Union", "EU", "intergovernmental" },
	{ "asean", "Association of Southeast Asian Nations", "ASEAN", "intergovernmental" },
	{ "interpol", "International Criminal Police Organization", "INTERPOL", "intergovernmental" },
	{ "undp", "United Nations Development Programme", "UNDP", "un_agency" },
	{ "unicef", "United Nations Children's Fund", "UNICEF", "un_agency" },
	{ "iom", "International Organization for Migration", "IOM", "un_agency" },
	{ "adb", "Asian Development Bank", "ADB", "intergovernmental" },
	{ "world-bank", "World Bank", NULL, "intergovernmental" },
	{ "commonwealth-secretariat", "Commonwealth Secretariat", NULL, "intergovernmental" },
	{ "aalco", "Asian-African Legal Consultative Organization", "AALCO", "intergovernmental" },
	{ "uncitral", "United Nations Commission on International Trade Law", "UNCITRAL", "un_agency" },
	{ "hcch", "Hague Conference on Private International Law", "HCCH", "intergovernmental" },
	{ "apg", "Asia/Pacific Group on Money Laundering", "APG", "intergovernmental" },
	{ "iap", "International Association of Prosecutors", "IAP", "ngo" },
	{ "unhcr", "Office of the United Nations High Commissioner for Refugees", "UNHCR", "un_agency" },
	{ "wipo", "World Intellectual Property Organization", "WIPO", "un_agency" },
	{ "imo", "International Maritime Organization", "IMO", "un_agency" },
	{ "oecd", "Organisation for Economic Co-operation and Development", "OECD", "intergovernmental" },
};
#define OWN_SIDE 3

static const char *const places[][2] = {
	{ "TH", "Bangkok" }, { "MY", "Kuala Lumpur" }, { "SG", "Singapore" }, { "ID", "Jakarta" },
	{ "PH", "Manila" }, { "VN", "Hanoi" }, { "BN", "Bandar Seri Begawan" }, { "KH", "Phnom Penh" },
	{ "LA", "Vientiane" }, { "MM", "Yangon" }, { "JP", "Tokyo" }, { "KR", "Seoul" },
	{ "CN", "Beijing" }, { "AU", "Canberra" }, { "NZ", "Wellington" }, { "IN", "New Delhi" },
	{ "AT", "Vienna" }, { "CH", "Geneva" }, { "NL", "The Hague" }, { "FR", "Paris" },
	{ "GB", "London" }, { "US", "New York" }, { "AE", "Abu Dhabi" }, { "QA", "Doha" },
};

static const char *const topics[] = {
	"trafficking in persons", "mutual legal assistance", "extradition", "cybercrime", "money laundering",
	"asset recovery", "anti-corruption", "counter-terrorism financing", "child protection online",
	"wildlife crime", "international arbitration", "treaty drafting", "legislative drafting",
	"human rights reporting", "competition law", "intellectual property", "environmental crime",
	"drug control", "judicial cooperation", "witness protection", "digital evidence",
	"cross-border insolvency", "investment treaties", "the law of the sea", "refugee law",
	"trade remedies", "data protection", "online scams", "victim support", "maritime security",
};
static const char *const scopes[] = {
	"Regional", "International", "Bilateral", "ASEAN", "Sub-regional", "Expert", "High-level", "Annual",
};
/* event_kinds[] (event.c) in order, as a reader would name each. */
static const char *const kinds[][2] = {
	{ "workshop", "workshop" }, { "conference", "conference" }, { "meeting", "meeting" },
	{ "training", "training course" }, { "visit", "study visit" }, { "other", "forum" },
};
static const char *const roles[] = {
	"legal counsel", "senior counsel", "deputy public prosecutor", "judicial officer", "legal officer",
};
static const char *const headlines[] = {
	"Chambers attends %s", "Legal counsels join %s", "Chambers takes part in %s",
	"Officers share the office's experience at %s", "Chambers represented at %s",
};

static const char SQL_USER[] =
    "INSERT OR IGNORE INTO users(name, display_name, role, password_hash) "
    "VALUES ('press-office', 'Press Office', 'editor', '!')";
static const char SQL_USER_ID[] = "SELECT id FROM users WHERE name = 'press-office'";
static const char SQL_ORG[] =
    "INSERT OR IGNORE INTO organizations(slug, name, short_name, kind) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_ORG_ID[] = "SELECT id FROM organizations WHERE slug = ?1";
static const char SQL_MAX_IDS[] =
    "SELECT (SELECT coalesce(max(id), 0) FROM events), (SELECT coalesce(max(id), 0) FROM releases)";
static const char SQL_EVENT[] =
    "INSERT INTO events(slug, title, kind, starts_on, ends_on, city, country, participants, countries, summary) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
static const char SQL_SPONSOR[] =
    "INSERT OR IGNORE INTO sponsors(event_id, organization_id, role, position) VALUES (?1, ?2, ?3, ?4)";
static const char SQL_DELEGATION[] = "INSERT INTO delegations(event_id, organization_id) VALUES (?1, ?2)";
static const char SQL_MEMBER[] =
    "INSERT INTO delegation_members(delegation_id, role_title, organization_id, count, position) "
    "VALUES (?1, ?2, ?3, ?4, ?5)";
static const char SQL_RELEASE[] =
    "INSERT INTO releases(slug, title, summary, body, body_html, status, event_id, author_id, "
    "created_at, updated_at, published_at) VALUES (?1, ?2, ?3, ?4, ?5, 'published', ?6, ?7, ?8, ?8, ?8)";

/* What the generator carries from one row to the next. */
struct gen {
	struct db   *db;
	struct arena a;
	unsigned long long rng;
	long org_ids[sizeof orgs / sizeof orgs[0]];
	long author, next_event, next_release;
	long events;
};

/* xorshift64*: the same archive from the same N, with no libc state. */
static unsigned long
pick(struct gen *g, unsigned long n)
{
	g->rng ^= g->rng >> 12;
	g->rng ^= g->rng << 25;
	g->rng ^= g->rng >> 27;
	return (unsigned long)((g->rng * 2685821657736338717ULL) >> 33) % n;
}

#define ANY(g, arr) (arr)[pick((g), sizeof (arr) / sizeof (arr)[0])]

static int
step(sqlite3_stmt *st)
{
	return st && sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

/* The accounts and organisations the rows refer to, made if missing. */
static int
setup(struct gen *g)
{
	sqlite3_stmt *st;
	if (step(db_stmt(g->db, SQL_USER)) != 0 || db_find(g->db, SQL_USER_ID, NULL, 0, &st) != 1)
		return -1;
	g->author = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	for (size_t i = 0; i < sizeof orgs / sizeof orgs[0]; i++) {
		if ((st = db_stmt(g->db, SQL_ORG)) == NULL)
			return -1;
		db_bind_str(st, 1, orgs[i].slug);
		db_bind_str(st, 2, orgs[i].name);
		db_bind_text(st, 3, orgs[i].short_name);
		db_bind_str(st, 4, orgs[i].kind);
		if (step(st) != 0 || db_find(g->db, SQL_ORG_ID, orgs[i].slug, 0, &st) != 1)
			return -1;
		g->org_ids[i] = sqlite3_column_int64(st, 0);
		sqlite3_reset(st);
	}
	if (db_find(g->db, SQL_MAX_IDS, NULL, 0, &st) != 1)   /* numbers that keep slugs unique */
		return -1;
	g->next_event = sqlite3_column_int64(st, 0) + 1;
	g->next_release = sqlite3_column_int64(st, 1) + 1;
	sqlite3_reset(st);
	return 0;
}

static char *
day(struct arena *a, time_t t)
{
	struct tm tm;
	gmtime_r(&t, &tm);
	return arena_printf(a, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
}

static int
add_org(struct gen *g, long event, size_t org, const char *role, int position)
{
	sqlite3_stmt *st = db_stmt(g->db, SQL_SPONSOR);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, event);
	db_bind_int(st, 2, g->org_ids[org]);
	db_bind_str(st, 3, role);
	db_bind_int(st, 4, position);
	return step(st);
}

/* The office's delegation: one or two rows of people, from its own side. */
static int
add_delegation(struct gen *g, long event)
{
	sqlite3_stmt *st = db_stmt(g->db, SQL_DELEGATION);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, event);
	db_bind_int(st, 2, g->org_ids[0]);
	if (step(st) != 0)
		return -1;
	long delegation = sqlite3_last_insert_rowid(g->db->h);
	for (int i = 0, rows = 1 + (int)pick(g, 2); i < rows; i++) {
		if ((st = db_stmt(g->db, SQL_MEMBER)) == NULL)
			return -1;
		db_bind_int(st, 1, delegation);
		db_bind_str(st, 2, ANY(g, roles));
		db_bind_int(st, 3, g->org_ids[pick(g, OWN_SIDE)]);
		db_bind_int(st, 4, 1 + (long)pick(g, 4));
		db_bind_int(st, 5, i);
		if (step(st) != 0)
			return -1;
	}
	return 0;
}

/* An event that ended a few days before `published`, with its organisations and delegation;
 * its id, or -1. *title and *place describe it for the releases about it. */
static long
add_event(struct gen *g, time_t published, const char **title, const char **place, const char **topic)
{
	size_t kind = pick(g, sizeof kinds / sizeof kinds[0]), where = pick(g, sizeof places / sizeof places[0]);
	*topic = ANY(g, topics);
	*title = arena_printf(&g->a, "%s %s on %s", ANY(g, scopes), kinds[kind][1], *topic);
	*place = arena_printf(&g->a, "%s", places[where][1]);
	time_t ends = published - (time_t)(1 + pick(g, 10)) * 86400, starts = ends - (time_t)pick(g, 4) * 86400;
	sqlite3_stmt *st = db_stmt(g->db, SQL_EVENT);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, arena_printf(&g->a, "%s-%ld", slugify(&g->a, *title, 80), g->next_event++));
	db_bind_str(st, 2, *title);
	db_bind_str(st, 3, kinds[kind][0]);
	db_bind_str(st, 4, day(&g->a, starts));
	db_bind_str(st, 5, day(&g->a, ends));
	db_bind_str(st, 6, places[where][1]);
	db_bind_str(st, 7, places[where][0]);
	db_bind_int(st, 8, 10 + (long)pick(g, 300));
	db_bind_int(st, 9, 2 + (long)pick(g, 30));
	db_bind_str(st, 10, arena_printf(&g->a, "Practitioners met in %s to compare their work on %s.",
	    places[where][1], *topic));
	if (step(st) != 0)
		return -1;
	long id = sqlite3_last_insert_rowid(g->db->h);
	size_t partners = sizeof orgs / sizeof orgs[0] - OWN_SIDE;
	size_t organiser = OWN_SIDE + pick(g, partners), sponsor = OWN_SIDE + pick(g, partners);
	g->events++;
	if (add_org(g, id, organiser, "organiser", 0) != 0 ||
	    (pick(g, 2) && add_org(g, id, sponsor, "sponsor", 1) != 0) ||
	    (pick(g, 4) == 0 && add_org(g, id, pick(g, OWN_SIDE), "host", 2) != 0))
		return -1;
	return add_delegation(g, id) == 0 ? id : -1;
}

static char *
body_of(struct gen *g, const char *event, const char *place, const char *topic)
{
	return arena_printf(&g->a,
	    "Officers of the Attorney General's Chambers took part in the **%s** in %s.\n\n"
	    "The programme looked at %s: how the law stands in the region, where practice differs, and how "
	    "prosecutors and courts can work together across borders.\n\n"
	    "## What was discussed\n\n"
	    "- recent cases on %s and the lessons drawn from them;\n"
	    "- cooperation between central authorities;\n"
	    "- training needs of practitioners.\n\n"
	    "Participants agreed to keep in touch through the network set up at the meeting (%s %lu).",
	    event, place, topic, topic, ANY(g, scopes), pick(g, 100000));
}

static int
add_release(struct gen *g, long event, time_t published, const char *event_title, const char *place,
    const char *topic)
{
	char at[24];
	struct tm tm;
	gmtime_r(&published, &tm);
	strftime(at, sizeof at, "%Y-%m-%dT%H:%M:%SZ", &tm);
	const char *title = arena_printf(&g->a, ANY(g, headlines), event_title);
	const char *body = body_of(g, event_title, place, topic);
	char *html = markdown_to_html(body, strlen(body));
	sqlite3_stmt *st = db_stmt(g->db, SQL_RELEASE);
	if (html == NULL || st == NULL) {
		free(html);
		return -1;
	}
	db_bind_str(st, 1, arena_printf(&g->a, "%s-%ld", slugify(&g->a, title, 80), g->next_release++));
	db_bind_str(st, 2, title);
	db_bind_str(st, 3, arena_printf(&g->a, "Officers of the Chambers joined practitioners in %s for a %s "
	    "on %s.", place, event_title, topic));
	db_bind_str(st, 4, body);
	db_bind_str(st, 5, html);
	db_bind_int(st, 6, event);
	db_bind_int(st, 7, g->author);
	db_bind_str(st, 8, at);
	int rc = step(st);
	free(html);
	return rc;
}

/* n releases, oldest first, evenly over the last DEMO_YEARS years; one to four about each event. */
static int
generate(struct gen *g, long n)
{
	time_t end = time(NULL) - 86400, start = end - (time_t)DEMO_YEARS * 365 * 86400;
	double gap = (double)(end - start) / (double)n;
	long event = -1, left = 0;
	const char *title = NULL, *place = NULL, *topic = NULL;
	for (long i = 0; i < n; i++) {
		time_t published = start + (time_t)(gap * (double)i) + (time_t)pick(g, 3600);
		if (left-- == 0) {
			arena_reset(&g->a);
			if ((event = add_event(g, published, &title, &place, &topic)) < 0)
				return -1;
			left = (long)pick(g, 4);
		}
		if (add_release(g, event, published, title, place, topic) != 0)
			return -1;
	}
	return 0;
}

int
ctl_demo(const struct config *cfg, int argc, char **argv)
{
	long n;
	if (argc != 2 || strcmp(argv[0], "--releases") != 0 || parse_long(argv[1], 1, DEMO_MAX_RELEASES, &n) != 0) {
		fprintf(stderr, "pressroomctl: demo --releases N wants N from 1 to %ld\n", DEMO_MAX_RELEASES);
		return 2;
	}
	struct db db;
	if (ctl_open_current_db(cfg, &db) != 0)
		return 1;
	struct gen g = { .db = &db, .rng = 0x9e3779b97f4a7c15ULL ^ (unsigned long long)n };
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	/* One transaction: a crash leaves nothing half made, and the index is built before the commit.
	 * A page cache of 64 MiB keeps the growing indexes in memory instead of spilling to the WAL. */
	int ok = db_exec(&db, "PRAGMA cache_size = -65536") == SQLITE_OK && db_begin(&db) == SQLITE_OK && setup(&g) == 0 && generate(&g, n) == 0 &&
	    db_catch_up_search(&db) == 0 &&
	    /* A bulk load leaves the index in several segments, each a search must probe for every
	     * word: merged into one, finding a result's marks takes a quarter of the time. */
	    db_exec(&db, "INSERT INTO releases_fts(releases_fts) VALUES ('optimize')") == SQLITE_OK &&
	    audit_record_cli(&db, &g.a, "demo_generated", NULL, arena_printf(&g.a, "%ld releases", n)) == 0 &&
	    db_commit(&db) == SQLITE_OK;
	if (!ok) {
		fprintf(stderr, "pressroomctl: demo: %s\n", db_errmsg(&db));
		db_rollback(&db);
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	arena_free(&g.a);
	db_close(&db);
	if (!ok)
		return 1;
	printf("%s: %ld published releases about %ld events generated in %.1f s\n", cfg->db_path, n, g.events,
	    (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	return 0;
}
