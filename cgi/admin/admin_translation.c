/* admin_translation: a release's other language versions on its staff page, and starting a translation. */
#include <string.h>

#include "admin_translation.h"
#include "timefmt.h"
#include "valid.h"
#include "workflow.h"

/* The first offered language that neither o nor any of its versions is written in; NULL for none. */
static const char *
missing_language(const struct release *o, const struct release_version *vs, size_t n)
{
	for (const char *const *l = release_languages; *l; l++) {
		int taken = strcmp(release_language(o), *l) == 0;
		for (size_t i = 0; i < n && !taken; i++)
			taken = strcmp(vs[i].language, *l) == 0;
		if (!taken)
			return *l;
	}
	return NULL;
}

int
translation_panel(struct ctx *c, view_dict *d, const struct release *r)
{
	struct release_version *vs;
	size_t n;
	if (release_versions(c->db, c->a, r, &vs, &n) != 0)
		return -1;
	view_dict *part = view_add_section(d, "LANGUAGES");
	view_set(part, "LANG_NAME", release_language_name(release_language(r)));
	for (size_t i = 0; i < n; i++) {
		view_dict *v = view_add_section(part, "VERSIONS");
		view_set_int(v, "ID", vs[i].id);
		view_set(v, "LANG", vs[i].language);
		view_set(v, "LANG_NAME", release_language_name(vs[i].language));
		view_set(v, "TITLE", vs[i].title);
		view_set(v, "STATUS_LABEL", wf_status_label(vs[i].status));
	}
	if (r->counterpart_changed_at && n > 0) {
		view_dict *stale = view_add_section(part, "OUT_OF_DATE");
		view_set_int(stale, "ID", r->id);
		view_set(stale, "WHEN", time_long_datetime(c->a, r->counterpart_changed_at));
	}
	const char *missing = missing_language(r, vs, n);
	if (missing) {
		view_dict *add = view_add_section(part, "ADD_VERSION");
		view_set_int(add, "ID", release_family(r));
		view_set(add, "LANG_NAME", release_language_name(missing));
	}
	return 0;
}

int
translation_start(struct ctx *c, const char *param, struct release *o, const char **language)
{
	long id;
	if (param == NULL || *param == '\0')
		return 0;
	if (parse_long(param, 1, 1L << 53, &id) != 0)
		return 404;
	int found = release_by_id(c->db, c->a, id, o);
	/* A version is translated from its family's original. */
	if (found == 1 && o->translation_of > 0)
		found = release_by_id(c->db, c->a, o->translation_of, o);
	if (found < 0)
		return 500;
	/* An author translates only their own releases, as they edit only their own. */
	if (found == 0 || (c->me.role < ROLE_EDITOR && o->author_id != c->me.id))
		return 404;
	struct release_version *vs;
	size_t n;
	if (release_versions(c->db, c->a, o, &vs, &n) != 0)
		return 500;
	*language = missing_language(o, vs, n);
	return *language ? 1 : 409;
}

int
translation_save(struct ctx *c, struct release *r)
{
	struct release o;
	int found = release_by_id(c->db, c->a, r->translation_of, &o);
	if (found != 1)
		return found == 0 ? 409 : 500;
	r->event_id = o.event_id;
	if (r->id != 0)
		return 0;
	/* Checked again under the write lock: two people adding the same language at once. */
	struct release_version *vs;
	size_t n;
	if (release_versions(c->db, c->a, &o, &vs, &n) != 0)
		return 500;
	if (strcmp(release_language(&o), release_language(r)) == 0)
		return 409;
	for (size_t i = 0; i < n; i++)
		if (strcmp(vs[i].language, release_language(r)) == 0)
			return 409;
	return 0;
}
