/* secret: passwords (argon2id, at most hash_slots at once), generated passwords and random tokens. */
#ifndef PRESSROOM_SECRET_H
#define PRESSROOM_SECRET_H

#include <sodium.h>

#include "buf.h"

#define PASSWORD_MIN_CHARS 10
#define PASSWORD_MAX_BYTES 1024

int  secret_init(void);                   /* libsodium; -1 if it cannot start */
/* Writes an argon2id string into out; -1 when out of memory. */
int  password_hash(const char *password, char out[crypto_pwhash_STRBYTES]);
int  password_verify(const char *hash, const char *password);   /* 1 on match */
/* A new random password, 20 URL-safe characters, for an account created or reset. */
char *password_generate(struct arena *a);
/* NULL when a new password is acceptable, else what is wrong with it ("must have ..."). */
const char *password_problem(const char *password);
/* A random token as hex: 2 * nbytes characters. */
char *random_hex(struct arena *a, size_t nbytes);
/* Hex BLAKE2b of a secret token: what is stored in its place. */
char *token_hash(struct arena *a, const char *token);

#endif
