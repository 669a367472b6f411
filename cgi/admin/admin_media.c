/* admin_media: the photographs and attachments part of the release form: read, checked, stored. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "admin_media.h"
#include "files.h"
#include "media_view.h"
#include "page.h"
#include "valid.h"

static void
problem(struct media_form *m, int status, const char *field, const char *label, const char *message)
{
	/* The strongest refusal names the answer: a wrong kind of file outweighs a missing word. */
	if (m->status == 0 || m->status == 422)
		m->status = status;
	if (m->nproblems < MEDIA_MAX_PROBLEMS)
		m->problems[m->nproblems++] = (struct media_problem){ field, label, message };
}

/* A text field of the form, trimmed, checked for length; required ones must not be empty. */
static const char *
text(struct ctx *c, struct media_form *m, const char *field, const char *label, size_t max, int required)
{
	const char *raw = fields_get(&c->form, field);
	char *v = trim_copy(c->a, raw ? raw : "");
	if (required && *v == '\0')
		problem(m, 422, field, label, "is required: say in words what the photograph shows");
	else if (utf8_chars(v) > max)
		problem(m, 422, field, label, arena_printf(c->a, "is too long (%zu characters at most)", max));
	return v;
}

static long
position(struct ctx *c, const char *field, long fallback)
{
	long v;
	const char *raw = fields_get(&c->form, field);
	return raw && parse_long(raw, 1, 999, &v) == 0 ? v : fallback;
}

static int
ticked(struct ctx *c, const char *field)
{
	const char *v = fields_get(&c->form, field);
	return v && strcmp(v, "1") == 0;
}

static const struct upload *
chosen_file(struct ctx *c, const char *field)
{
	for (size_t i = 0; i < c->nfiles; i++)
		if (strcmp(c->files[i].name, field) == 0 && (c->files[i].len > 0 || *c->files[i].filename))
			return &c->files[i];
	return NULL;
}

int
media_form_load(struct ctx *c, long release_id, struct media_form *m)
{
	memset(m, 0, sizeof *m);
	m->new_alt = m->new_caption = m->new_credit = m->new_title = "";
	if (release_id <= 0)
		return 0;
	if (photo_list(c->db, c->a, release_id, &m->photos, &m->nphotos) != 0 ||
	    attachment_list(c->db, c->a, release_id, &m->atts, &m->natts) != 0)
		return -1;
	m->drop_photo = arena_alloc(c->a, (m->nphotos + 1) * sizeof *m->drop_photo);
	m->drop_att = arena_alloc(c->a, (m->natts + 1) * sizeof *m->drop_att);
	memset(m->drop_photo, 0, (m->nphotos + 1) * sizeof *m->drop_photo);
	memset(m->drop_att, 0, (m->natts + 1) * sizeof *m->drop_att);
	return 0;
}

static void
read_photo_edits(struct ctx *c, struct media_form *m)
{
	const char *lead = fields_get(&c->form, "lead_photo");
	for (size_t i = 0; i < m->nphotos; i++) {
		struct photo *p = &m->photos[i];
		long id = p->id;
		/* A field the form did not carry (an older page) keeps what is stored. */
		if (fields_get(&c->form, arena_printf(c->a, "photo_alt_%ld", id)) == NULL)
			continue;
		m->drop_photo[i] = ticked(c, arena_printf(c->a, "photo_remove_%ld", id));
		struct photo was = *p;
		p->alt = (char *)text(c, m, arena_printf(c->a, "photo_alt_%ld", id), "Alt text", 300, !m->drop_photo[i]);
		p->caption = (char *)text(c, m, arena_printf(c->a, "photo_caption_%ld", id), "Caption", 500, 0);
		p->credit = (char *)text(c, m, arena_printf(c->a, "photo_credit_%ld", id), "Credit", 200, 0);
		p->position = position(c, arena_printf(c->a, "photo_position_%ld", id), p->position);
		/* Chosen as the lead when it was not: before every other (the renumbering makes it 1). */
		if (lead && strcmp(lead, arena_printf(c->a, "%ld", id)) == 0 && was.position != 1)
			p->position = 0;
		m->changes += m->drop_photo[i] || strcmp(was.alt, p->alt) || strcmp(was.caption, p->caption) ||
		    strcmp(was.credit, p->credit) || was.position != p->position;
	}
}

static void
read_attachment_edits(struct ctx *c, struct media_form *m)
{
	for (size_t i = 0; i < m->natts; i++) {
		struct attachment *t = &m->atts[i];
		long id = t->id;
		const char *field = arena_printf(c->a, "attachment_title_%ld", id);
		if (fields_get(&c->form, field) == NULL)
			continue;
		m->drop_att[i] = ticked(c, arena_printf(c->a, "attachment_remove_%ld", id));
		struct attachment was = *t;
		t->title = (char *)text(c, m, field, "Title", 200, 0);
		if (!m->drop_att[i] && *t->title == '\0')
			problem(m, 422, field, "Title", "is required: readers see it as the link");
		t->position = position(c, arena_printf(c->a, "attachment_position_%ld", id), t->position);
		m->changes += m->drop_att[i] || strcmp(was.title, t->title) || was.position != t->position;
	}
}

int
media_form_read(struct ctx *c, long release_id, struct media_form *m)
{
	if (media_form_load(c, release_id, m) != 0)
		return -1;
	read_photo_edits(c, m);
	read_attachment_edits(c, m);
	m->new_photo = chosen_file(c, "new_photo");
	m->new_attachment = chosen_file(c, "new_attachment");
	m->new_alt = text(c, m, "new_photo_alt", "Alt text", 300, m->new_photo != NULL);
	m->new_caption = text(c, m, "new_photo_caption", "Caption", 500, 0);
	m->new_credit = text(c, m, "new_photo_credit", "Credit", 200, 0);
	m->new_title = text(c, m, "new_attachment_title", "Attachment title", 200, 0);
	if (m->new_attachment && *m->new_title == '\0')
		problem(m, 422, "new_attachment_title", "Attachment title", "is required: readers see it as the link");
	m->changes += (m->new_photo != NULL) + (m->new_attachment != NULL);
	return 0;
}

static int
make_one(struct ctx *c, struct media_form *m, const struct upload *u, enum media_want want,
    struct media_out *out, const char *field, const char *label)
{
	if (u == NULL)
		return 0;
	if (u->len == 0) {
		problem(m, 422, field, label, "is an empty file");
		return 0;
	}
	if (imaging_process(c->a, (const unsigned char *)u->data, u->len, want, out) != 0)
		return -1;
	if (out->status != 0)
		problem(m, out->status, field, label, out->why);
	return 0;
}

int
media_form_make(struct ctx *c, struct media_form *m)
{
	if (make_one(c, m, m->new_photo, WANT_PHOTO, &m->photo_out, "new_photo", "Photograph") != 0 ||
	    make_one(c, m, m->new_attachment, WANT_DOCUMENT, &m->att_out, "new_attachment", "Attachment") != 0)
		return -1;
	return 0;
}

/* 128 bits of the SHA-256 of the bytes, in hex: the name of a file and of everything made from it. */
static char *
content_hash(struct arena *a, const char *data, size_t len)
{
	unsigned char sum[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(sum, (const unsigned char *)data, len);
	char *hex = arena_alloc(a, MEDIA_HASH_LEN + 1);
	sodium_bin2hex(hex, MEDIA_HASH_LEN + 1, sum, MEDIA_HASH_LEN / 2);
	return hex;
}

static int
write_made(struct ctx *c, const char *hash, const struct media_out *out)
{
	for (size_t i = 0; i < out->nfiles; i++)
		if (files_write(c->cfg, arena_printf(c->a, "%s-%s", hash, out->files[i].suffix),
		    out->files[i].data, out->files[i].len) != 0)
			return -1;
	return 0;
}

/* "480 960 1600" from the made files' names ("480.jpg", "480.webp", ...). */
static char *
widths_of(struct arena *a, const struct media_out *out)
{
	char *w = arena_strdup(a, "");
	for (size_t i = 0; i < out->nfiles; i++) {
		const char *s = out->files[i].suffix;
		size_t digits = strspn(s, "0123456789");
		if (digits && strcmp(s + digits, ".jpg") == 0)
			w = arena_printf(a, "%s%s%.*s", w, *w ? " " : "", (int)digits, s);
	}
	return w;
}

static int
store_new_photo(struct ctx *c, long release_id, struct media_form *m)
{
	if (m->new_photo == NULL)
		return 0;
	struct photo p = {
		.release_id = release_id, .hash = content_hash(c->a, m->new_photo->data, m->new_photo->len),
		.widths = widths_of(c->a, &m->photo_out), .width = m->photo_out.width, .height = m->photo_out.height,
		.alt = (char *)m->new_alt, .caption = (char *)m->new_caption, .credit = (char *)m->new_credit,
	};
	if (write_made(c, p.hash, &m->photo_out) != 0 || photo_insert(c->db, &p, c->me.id) < 0)
		return -1;
	return media_change_record(c->db, release_id, "photo", "added", p.alt, "", c->me.id);
}

/* A download name from the title: letters, digits and hyphens, then .pdf. */
static char *
safe_file_name(struct arena *a, const char *title)
{
	return arena_printf(a, "%s.pdf", slugify(a, title, 60));
}

static int
store_new_attachment(struct ctx *c, long release_id, struct media_form *m)
{
	if (m->new_attachment == NULL)
		return 0;
	const struct upload *u = m->new_attachment;
	struct attachment t = {
		.release_id = release_id, .hash = content_hash(c->a, u->data, u->len),
		.title = (char *)m->new_title, .file_name = safe_file_name(c->a, m->new_title),
		.media_type = (char *)m->att_out.media_type, .bytes = (long)u->len, .pages = m->att_out.pages,
		.thumb_width = m->att_out.width, .thumb_height = m->att_out.height,
	};
	/* The document itself exactly as sent; its first page's pictures from imaging.c. */
	if (files_write(c->cfg, arena_printf(c->a, "%s-%s", t.hash, t.file_name), u->data, u->len) != 0 ||
	    write_made(c, t.hash, &m->att_out) != 0 || attachment_insert(c->db, &t, c->me.id) < 0)
		return -1;
	return media_change_record(c->db, release_id, "attachment", "added", t.title, "", c->me.id);
}

static const char *
photo_diff(struct arena *a, const struct photo *was, const struct photo *now)
{
	const char *d = "";
	if (strcmp(was->alt, now->alt))
		d = arena_printf(a, "alt text: \"%s\" -> \"%s\"", was->alt, now->alt);
	if (strcmp(was->caption, now->caption))
		d = arena_printf(a, "%s%scaption: \"%s\" -> \"%s\"", d, *d ? "; " : "", was->caption, now->caption);
	if (strcmp(was->credit, now->credit))
		d = arena_printf(a, "%s%scredit: \"%s\" -> \"%s\"", d, *d ? "; " : "", was->credit, now->credit);
	if (was->position != now->position)
		d = arena_printf(a, "%s%s%s", d, *d ? "; " : "", now->position == 0 ? "made the lead image" : "moved");
	return d;
}

static int
store_photo_edits(struct ctx *c, long release_id, struct media_form *m, const struct photo *stored)
{
	for (size_t i = 0; i < m->nphotos; i++) {
		const struct photo *p = &m->photos[i], *was = &stored[i];
		if (m->drop_photo[i]) {
			if (photo_delete(c->db, release_id, p->id) < 0 ||
			    media_change_record(c->db, release_id, "photo", "removed", was->alt, "", c->me.id) != 0)
				return -1;
			continue;
		}
		const char *diff = photo_diff(c->a, was, p);
		if (*diff && (photo_update(c->db, p) < 0 ||
		    media_change_record(c->db, release_id, "photo", "changed", p->alt, diff, c->me.id) != 0))
			return -1;
	}
	return 0;
}

static int
store_attachment_edits(struct ctx *c, long release_id, struct media_form *m, const struct attachment *stored)
{
	for (size_t i = 0; i < m->natts; i++) {
		const struct attachment *t = &m->atts[i], *was = &stored[i];
		if (m->drop_att[i]) {
			if (attachment_delete(c->db, release_id, t->id) < 0 ||
			    media_change_record(c->db, release_id, "attachment", "removed", was->title, "", c->me.id) != 0)
				return -1;
			continue;
		}
		const char *diff = strcmp(was->title, t->title) ?
		    arena_printf(c->a, "title: \"%s\" -> \"%s\"", was->title, t->title) :
		    (was->position != t->position ? "moved" : "");
		if (*diff && (attachment_update(c->db, t) < 0 ||
		    media_change_record(c->db, release_id, "attachment", "changed", t->title, diff, c->me.id) != 0))
			return -1;
	}
	return 0;
}

int
media_form_store(struct ctx *c, long release_id, struct media_form *m)
{
	if (m->changes == 0)
		return 0;
	struct media_form stored;
	if (media_form_load(c, release_id, &stored) != 0 || stored.nphotos != m->nphotos || stored.natts != m->natts)
		return -1;
	if (store_photo_edits(c, release_id, m, stored.photos) != 0 ||
	    store_attachment_edits(c, release_id, m, stored.atts) != 0 ||
	    store_new_photo(c, release_id, m) != 0 || store_new_attachment(c, release_id, m) != 0)
		return -1;
	return media_renumber(c->db, release_id);
}

void
media_public_update(struct ctx *c)
{
	if (files_sync(c->db, c->cfg, c->a, 0) != 0)
		fprintf(stderr, "pressroom: the public folder %s could not be brought up to date; the "
		    "publisher tries again within a minute\n", c->cfg->media_dir);
}

void
media_form_forget(struct ctx *c, const struct media_form *m)
{
	if (m->changes == 0)
		return;
	for (size_t i = 0; i < m->nphotos; i++)
		if (m->drop_photo[i])
			files_forget(c->db, c->cfg, m->photos[i].hash);
	for (size_t i = 0; i < m->natts; i++)
		if (m->drop_att[i])
			files_forget(c->db, c->cfg, m->atts[i].hash);
	media_public_update(c);
}

static const char *
problem_for(const struct media_form *m, const char *field)
{
	for (size_t i = 0; i < m->nproblems; i++)
		if (strcmp(m->problems[i].field, field) == 0)
			return m->problems[i].message;
	return NULL;
}

/* value and, when it has a problem, NAME_ERROR and NAME_INVALID in d. */
static void
field_view(struct ctx *c, view_dict *d, const struct media_form *m, const char *name, const char *field,
    const char *value)
{
	view_set(d, name, value);
	const char *why = problem_for(m, field);
	if (why) {
		view_set(d, arena_printf(c->a, "%s_ERROR", name), why);
		view_show(d, arena_printf(c->a, "%s_INVALID", name));
	}
}

void
media_form_view(struct ctx *c, view_dict *d, const struct media_form *m, long release_id, int locked)
{
	view_dict *part = view_add_section(d, "MEDIA");
	if (locked)
		view_show(part, "LOCKED");
	for (size_t i = 0; i < m->nphotos; i++) {
		const struct photo *p = &m->photos[i];
		view_dict *s = view_add_section(part, "PHOTOS");
		view_set_int(s, "ID", p->id);
		view_set_int(s, "POSITION", p->position ? p->position : 1);
		view_set(s, "THUMB", arena_printf(c->a, "/admin/releases/%ld/media/%s-%.*s.jpg", release_id, p->hash,
		    (int)strspn(p->widths, "0123456789"), p->widths));
		field_view(c, s, m, "ALT", arena_printf(c->a, "photo_alt_%ld", p->id), p->alt);
		field_view(c, s, m, "CAPTION", arena_printf(c->a, "photo_caption_%ld", p->id), p->caption);
		field_view(c, s, m, "CREDIT", arena_printf(c->a, "photo_credit_%ld", p->id), p->credit);
		if (i == 0)
			view_show(s, "LEAD");
		if (m->drop_photo && m->drop_photo[i])
			view_show(s, "REMOVE");
	}
	for (size_t i = 0; i < m->natts; i++) {
		const struct attachment *t = &m->atts[i];
		view_dict *s = view_add_section(part, "ATTACHMENTS");
		view_set_int(s, "ID", t->id);
		view_set_int(s, "POSITION", t->position);
		view_set_int(s, "PAGES", t->pages);
		view_set(s, "PAGES_WORD", t->pages == 1 ? "page" : "pages");
		view_set(s, "SIZE", media_size_text(c->a, t->bytes));
		view_set(s, "URL", arena_printf(c->a, "/admin/releases/%ld/media/%s-%s", release_id, t->hash, t->file_name));
		field_view(c, s, m, "TITLE", arena_printf(c->a, "attachment_title_%ld", t->id), t->title);
		if (m->drop_att && m->drop_att[i])
			view_show(s, "REMOVE");
	}
	field_view(c, part, m, "NEW_ALT", "new_photo_alt", m->new_alt);
	field_view(c, part, m, "NEW_CAPTION", "new_photo_caption", m->new_caption);
	field_view(c, part, m, "NEW_CREDIT", "new_photo_credit", m->new_credit);
	field_view(c, part, m, "NEW_TITLE", "new_attachment_title", m->new_title);
	field_view(c, part, m, "NEW_PHOTO", "new_photo", "");
	field_view(c, part, m, "NEW_ATTACHMENT", "new_attachment", "");
	if (m->new_photo || m->new_attachment)
		view_show(part, "CHOOSE_AGAIN");
}
