/* release_flow: submit, review, publish (now, later, or as a new edition), withdraw, unpublish. */
#include <stdlib.h>
#include <string.h>

#include "markdown.h"
#include "release_flow.h"

#define NOW "strftime('%Y-%m-%dT%H:%M:%SZ','now')"

/* Review steps change the state of whatever is being written: the release, or its next edition. */
static const char SQL_REVIEW_RELEASE[] =
    "UPDATE releases SET status = ?2, submitted_by = coalesce(?3, submitted_by), "
    "reviewed_by = coalesce(?4, reviewed_by), review_note = ?5 WHERE id = ?1";
static const char SQL_REVIEW_EDITION[] =
    "UPDATE release_drafts SET status = ?2, submitted_by = coalesce(?3, submitted_by), "
    "reviewed_by = coalesce(?4, reviewed_by), review_note = ?5 WHERE release_id = ?1";
/* Every step makes an open form stale, so nobody saves over a state they have not seen. */
static const char SQL_BUMP[] =
    "UPDATE releases SET version = version + 1, updated_at = " NOW " WHERE id = ?1";
static const char SQL_PUBLISH_FIRST[] =
    "UPDATE releases SET status = CASE WHEN coalesce(?2, " NOW ") > " NOW " THEN 'scheduled' "
    "ELSE 'published' END, published_at = coalesce(?2, " NOW "), withdraw_at = ?3, withdrawal_note = ?4, override_reason = ?5, "
    "override_by = ?6, override_checked_by = NULL, reviewed_by = coalesce(?6, reviewed_by) "
    "WHERE id = ?1";
static const char SQL_PUBLISH_EDITION[] =
    "UPDATE releases SET title = d.title, summary = d.summary, body = d.body, body_html = ?2, "
    "event_id = d.event_id, edition = edition + 1, override_reason = coalesce(?3, override_reason), "
    "override_by = coalesce(?4, override_by), "
    "override_checked_by = CASE WHEN ?4 IS NULL THEN override_checked_by END "
    "FROM (SELECT * FROM release_drafts WHERE release_id = ?1) AS d "
    "WHERE releases.id = ?1";
static const char SQL_CHANGE_NOTE[] =
    "INSERT INTO release_changes(release_id, edition, at, note, major, published_by) "
    "SELECT id, edition, " NOW ", ?2, ?3, ?4 FROM releases WHERE id = ?1";
static const char SQL_DROP_EDITION[] = "DELETE FROM release_drafts WHERE release_id = ?1";
static const char SQL_CONFIRM_OVERRIDE[] = "UPDATE releases SET override_checked_by = ?2 WHERE id = ?1";
static const char SQL_WITHDRAW[] =
    "UPDATE releases SET status = 'withdrawn', withdrawn_at = " NOW ", withdrawal_note = ?2 WHERE id = ?1";
static const char SQL_DELETE[] = "DELETE FROM releases WHERE id = ?1";
static const char SQL_UNPUBLISH[] =
    "UPDATE releases SET status = 'unpublished', unpublished_at = " NOW ", replaced_by = ?2 WHERE id = ?1";

static int
step(sqlite3_stmt *st)
{
	return st && sqlite3_step(st) == SQLITE_DONE ? 0 : -1;
}

static int
review(struct db *db, const struct release *r, const char *status, long submitter, long reviewer,
    const char *note)
{
	sqlite3_stmt *st = db_stmt(db, r->has_edition ? SQL_REVIEW_EDITION : SQL_REVIEW_RELEASE);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, r->id);
	db_bind_str(st, 2, status);
	db_bind_int_or_null(st, 3, submitter ? submitter : -1);
	db_bind_int_or_null(st, 4, reviewer ? reviewer : -1);
	db_bind_text(st, 5, note);
	return step(st);
}

static int
publish_first(struct db *db, const struct release *r, long override_by,
    const struct transition *t)
{
	sqlite3_stmt *st = db_stmt(db, SQL_PUBLISH_FIRST);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, r->id);
	db_bind_text(st, 2, t->publish_at);
	db_bind_text(st, 3, t->withdraw_at);
	db_bind_text(st, 4, t->withdraw_note);
	db_bind_text(st, 5, override_by ? t->note : NULL);
	db_bind_int_or_null(st, 6, override_by ? override_by : -1);
	return step(st);
}

/* The next edition becomes the live one; its change note is kept, shown if major. */
static int
publish_edition(struct db *db, const struct release *r, long me, long override_by,
    const struct transition *t)
{
	char *html = markdown_to_html(r->body, strlen(r->body));
	sqlite3_stmt *st = html ? db_stmt(db, SQL_PUBLISH_EDITION) : NULL;
	int rc = -1;
	if (st) {
		db_bind_int(st, 1, r->id);
		db_bind_str(st, 2, html);
		db_bind_text(st, 3, override_by ? t->note : NULL);
		db_bind_int_or_null(st, 4, override_by ? override_by : -1);
		rc = step(st);
	}
	free(html);
	if (rc != 0 || (st = db_stmt(db, SQL_CHANGE_NOTE)) == NULL)
		return -1;
	db_bind_int(st, 1, r->id);
	db_bind_str(st, 2, r->change_note);
	db_bind_int(st, 3, r->major);
	db_bind_int(st, 4, me);
	if (step(st) != 0 || (st = db_stmt(db, SQL_DROP_EDITION)) == NULL)
		return -1;
	db_bind_int(st, 1, r->id);
	return step(st);
}

static int
set_one(struct db *db, const char *sql, long id, long number, const char *text)
{
	sqlite3_stmt *st = db_stmt(db, sql);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, id);
	if (text)
		db_bind_text(st, 2, text);
	else
		db_bind_int_or_null(st, 2, number > 0 ? number : -1);
	return step(st);
}

int
release_transition(struct db *db, struct release *r, enum wf_action action, long me,
    const struct transition *t)
{
	int rc;
	long override_by = action == WF_OVERRIDE ? me : 0;
	switch (action) {
	case WF_SUBMIT:
		rc = review(db, r, "submitted", me, 0, NULL);
		break;
	case WF_APPROVE:
		rc = review(db, r, "approved", 0, me, NULL);
		break;
	case WF_REQUEST_CHANGES:
		rc = review(db, r, "changes_requested", 0, me, t->note);
		break;
	case WF_PUBLISH:
	case WF_OVERRIDE:
		rc = r->has_edition ? publish_edition(db, r, me, override_by, t)
		    : publish_first(db, r, override_by, t);
		break;
	case WF_CONFIRM_OVERRIDE:
		rc = set_one(db, SQL_CONFIRM_OVERRIDE, r->id, me, NULL);
		break;
	case WF_WITHDRAW:
		rc = set_one(db, SQL_WITHDRAW, r->id, 0, t->note);
		break;
	case WF_UNPUBLISH:
		rc = set_one(db, SQL_UNPUBLISH, r->id, t->replaced_by, NULL);
		break;
	case WF_DELETE: {
		/* Its revisions, comments and preview links go with it; the audit log keeps the title. */
		sqlite3_stmt *st = db_stmt(db, SQL_DELETE);
		if (st == NULL)
			return -1;
		db_bind_int(st, 1, r->id);
		return step(st);
	}
	default:
		return -1;
	}
	if (rc != 0)
		return -1;
	sqlite3_stmt *st = db_stmt(db, SQL_BUMP);
	if (st == NULL)
		return -1;
	db_bind_int(st, 1, r->id);
	return step(st);
}
