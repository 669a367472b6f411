/* secret: passwords (argon2id, at most hash_slots at once), generated passwords and random tokens. */
#include <string.h>

#include "hashslot.h"
#include "secret.h"
#include "valid.h"

int
secret_init(void)
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
