/* org: finding and creating organisations by the names people type. */
#include <string.h>

#include "org.h"
#include "valid.h"

static const char SQL_ORG_FIND[] =
    "SELECT id FROM organizations WHERE name = ?1 COLLATE NOCASE OR short_name = ?1 COLLATE NOCASE "
    "OR short_name = ?2 COLLATE NOCASE ORDER BY name = ?1 COLLATE NOCASE DESC LIMIT 1";
static const char SQL_ORG_INSERT[] =
    "INSERT INTO organizations(slug, name, short_name) VALUES (?1, ?2, ?3)";
static const char SQL_ORG_SLUG_TAKEN[] =
    "SELECT 1 FROM organizations WHERE slug = ?1";

char *
org_label(struct arena *a, const char *name, const char *short_name)
{
	if (short_name && *short_name)
		return arena_printf(a, "%s (%s)", name, short_name);
	return arena_strdup(a, name);
}

long
org_find_or_create(struct db *db, struct arena *a, const char *label)
{
	/* "Name (ABBR)" is split into its name and short name. */
	char *name = trim_copy(a, label), *short_name = NULL;
	size_t n = strlen(name);
	char *open = strrchr(name, '(');
	if (n > 2 && name[n - 1] == ')' && open && open > name) {
		short_name = trim_copy(a, arena_strndup(a, open + 1, (size_t)(name + n - 1 - (open + 1))));
		*open = '\0';
		name = trim_copy(a, name);
		if (*short_name == '\0')
			short_name = NULL;
	}
	sqlite3_stmt *st = db_stmt(db, SQL_ORG_FIND);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, name);
	db_bind_text(st, 2, short_name);
	int rc = sqlite3_step(st);
	long found = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return found;
	if (rc != SQLITE_DONE)
		return -1;
	char *slug = db_unique_slug(db, a, SQL_ORG_SLUG_TAKEN,
	    slugify(a, short_name ? short_name : name, 60));
	if (slug == NULL || (st = db_stmt(db, SQL_ORG_INSERT)) == NULL)
		return -1;
	db_bind_str(st, 1, slug);
	db_bind_str(st, 2, name);
	db_bind_text(st, 3, short_name);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	return sqlite3_last_insert_rowid(db->h);
}
