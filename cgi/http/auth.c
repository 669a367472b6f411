/* auth: argon2id passwords, server-side sessions keyed by a hashed cookie, and CSRF checks. */
#include <string.h>
#include <time.h>

#include "auth.h"
#include "hashslot.h"
#include "timefmt.h"
#include "valid.h"

int
auth_init(void)
{
	return sodium_init() < 0 ? -1 : 0;
}

static int
hash_now(const char *password, char out[crypto_pwhash_STRBYTES])
{
	return crypto_pwhash_str(out, password, strlen(password),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE, crypto_pwhash_MEMLIMIT_INTERACTIVE);
}

int
password_hash(const char *password, char out[crypto_pwhash_STRBYTES])
{
	if (hashslot_take() != 0)
		return -1;
	int rc = hash_now(password, out);
	hashslot_give();
	return rc;
}

int
password_verify(const char *hash, const char *password)
{
	/* An unknown user or '!' (no password login) still costs one real verification,
	 * so the answer's timing does not tell which accounts exist. */
	static char dummy[crypto_pwhash_STRBYTES];
	int real = hash && strncmp(hash, "$argon2id$", 10) == 0;
	/* No slot in time: no match (fail closed); hashslot_busy() tells the caller why. */
	if (hashslot_take() != 0)
		return 0;
	int ok = (real || *dummy != '\0' || hash_now("not a password", dummy) == 0) &&
	    crypto_pwhash_str_verify(real ? hash : dummy, password, strlen(password)) == 0;
	hashslot_give();
	return real && ok;
}

char *
password_generate(struct arena *a)
{
	unsigned char raw[15];
	char *out = arena_alloc(a, 21);
	randombytes_buf(raw, sizeof raw);
	sodium_bin2base64(out, 21, raw, sizeof raw, sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return out;
}

const char *
password_problem(const char *password)
{
	if (utf8_chars(password) < PASSWORD_MIN_CHARS)
		return "must have at least 10 characters";
	/* argon2id takes any length; the cap keeps a huge one from costing more to hash. */
	if (strlen(password) > PASSWORD_MAX_BYTES)
		return "must have at most 1024 bytes";
	return NULL;
}

char *
random_hex(struct arena *a, size_t nbytes)
{
	unsigned char raw[64];
	if (nbytes > sizeof raw)
		nbytes = sizeof raw;
	randombytes_buf(raw, nbytes);
	char *hex = arena_alloc(a, nbytes * 2 + 1);
	sodium_bin2hex(hex, nbytes * 2 + 1, raw, nbytes);
	return hex;
}

char *
token_hash(struct arena *a, const char *token)
{
	unsigned char h[32];
	crypto_generichash(h, sizeof h, (const unsigned char *)token, strlen(token), NULL, 0);
	char *hex = arena_alloc(a, sizeof h * 2 + 1);
	sodium_bin2hex(hex, sizeof h * 2 + 1, h, sizeof h);
	return hex;
}

static const char *const role_names[] = { "public", "author", "editor", "admin" };

enum role
role_from_name(const char *name)
{
	for (int r = ROLE_AUTHOR; r <= ROLE_ADMIN; r++)
		if (name && strcmp(role_names[r], name) == 0)
			return (enum role)r;
	return ROLE_PUBLIC;
}

const char *
role_name(enum role r)
{
	return role_names[r];
}

void
auth_set_cookie(struct ctx *c, const char *name, const char *value, long max_age)
{
	char *line = arena_printf(c->a, "%s=%s; Path=/; HttpOnly; SameSite=Lax%s", name, value,
	    c->https ? "; Secure" : "");
	if (max_age >= 0)
		line = arena_printf(c->a, "%s; Max-Age=%ld", line, max_age);
	ctx_header(c, "Set-Cookie", line);
}

static const char SQL_SESSION[] =
    "SELECT u.id, u.name, u.display_name, u.role, s.csrf, s.seen_at, s.expires_at "
    "FROM sessions s JOIN users u ON u.id = s.user_id "
    "WHERE s.token_hash = ?1 AND u.disabled = 0";
static const char SQL_SESSION_TOUCH[] =
    "UPDATE sessions SET seen_at = ?2 WHERE token_hash = ?1";
static const char SQL_SESSION_DELETE[] =
    "DELETE FROM sessions WHERE token_hash = ?1";

void
auth_load_session(struct ctx *c)
{
	const char *token = ctx_cookie(c, SESSION_COOKIE);
	if (token == NULL || strlen(token) != 64)
		return;
	char *hash = token_hash(c->a, token);
	sqlite3_stmt *st = db_stmt(c->db, SQL_SESSION);
	if (st == NULL)
		return;
	db_bind_str(st, 1, hash);
	if (sqlite3_step(st) != SQLITE_ROW)
		return;
	char *now = time_now_iso(c->a);
	char *seen = db_col_str(c->a, st, 5), *expires = db_col_str(c->a, st, 6);
	time_t t_seen = 0, t_now = time(NULL);
	time_parse_iso(seen, &t_seen);
	if (strcmp(expires, now) <= 0 || t_now - t_seen > c->cfg->session_idle) {
		sqlite3_reset(st);
		sqlite3_stmt *del = db_stmt(c->db, SQL_SESSION_DELETE);
		if (del) {
			db_bind_str(del, 1, hash);
			sqlite3_step(del);
		}
		return;
	}
	c->me.id = sqlite3_column_int64(st, 0);
	c->me.name = db_col_str(c->a, st, 1);
	c->me.display_name = db_col_str(c->a, st, 2);
	c->me.role = role_from_name((const char *)sqlite3_column_text(st, 3));
	c->me.csrf = db_col_str(c->a, st, 4);
	c->me.token_hash = hash;
	sqlite3_reset(st);
	/* Record activity at most once a minute: reads should not all become writes. */
	if (t_now - t_seen >= 60) {
		sqlite3_stmt *touch = db_stmt(c->db, SQL_SESSION_TOUCH);
		if (touch) {
			db_bind_str(touch, 1, hash);
			db_bind_str(touch, 2, now);
			sqlite3_step(touch);
		}
	}
}

static const char SQL_SESSION_INSERT[] =
    "INSERT INTO sessions(token_hash, user_id, csrf, created_at, seen_at, expires_at, client) "
    "VALUES (?1, ?2, ?3, ?4, ?4, strftime('%Y-%m-%dT%H:%M:%SZ', ?4, '+' || ?6 || ' seconds'), ?5)";

int
auth_start_session(struct ctx *c, long user_id)
{
	/* Whatever session the browser had is ended, so a planted id is worthless. */
	auth_end_session(c);
	char *token = random_hex(c->a, 32);
	sqlite3_stmt *st = db_stmt(c->db, SQL_SESSION_INSERT);
	if (st == NULL)
		return -1;
	db_bind_str(st, 1, token_hash(c->a, token));
	db_bind_int(st, 2, user_id);
	db_bind_str(st, 3, random_hex(c->a, 32));
	db_bind_str(st, 4, time_now_iso(c->a));
	db_bind_text(st, 5, c->client);
	db_bind_int(st, 6, c->cfg->session_max);
	if (sqlite3_step(st) != SQLITE_DONE)
		return -1;
	auth_set_cookie(c, SESSION_COOKIE, token, -1);
	auth_set_cookie(c, LOGIN_COOKIE, "", 0);
	return 0;
}

void
auth_end_session(struct ctx *c)
{
	const char *token = ctx_cookie(c, SESSION_COOKIE);
	if (token == NULL)
		return;
	sqlite3_stmt *st = db_stmt(c->db, SQL_SESSION_DELETE);
	if (st) {
		db_bind_str(st, 1, token_hash(c->a, token));
		sqlite3_step(st);
	}
	auth_set_cookie(c, SESSION_COOKIE, "", 0);
	memset(&c->me, 0, sizeof c->me);
}

static int
same_token(const char *a, const char *b)
{
	size_t n = a ? strlen(a) : 0;
	return n >= 32 && b && strlen(b) == n && sodium_memcmp(a, b, n) == 0;
}

int
auth_cross_site(const struct ctx *c)
{
	/* Every form of ours posts to its own origin, so a POST a browser says came from another
	 * site is refused whatever token it carries. "same-site" too: SameSite=Lax cookies go along
	 * from a sibling subdomain, so there this header is the only guard. No header (older
	 * browsers, scripts), "same-origin" and "none" leave it to the token. */
	const char *site = ctx_param(c, "HTTP_SEC_FETCH_SITE");
	return site && (strcmp(site, "cross-site") == 0 || strcmp(site, "same-site") == 0);
}

int
auth_csrf_ok(const struct ctx *c)
{
	if (auth_cross_site(c))
		return 0;
	const char *sent = fields_get(&c->form, "csrf");
	if (c->me.id)
		return same_token(c->me.csrf, sent);
	return same_token(ctx_cookie(c, LOGIN_COOKIE), sent);
}
