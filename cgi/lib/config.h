/* config: the settings of one pressroom instance, from defaults, a file, the environment and flags. */
#ifndef PRESSROOM_CONFIG_H
#define PRESSROOM_CONFIG_H

#include <stddef.h>

/* Hard limits on what a request may carry; one place, as the design asks. */
#define LIMIT_FIELDS        200          /* fields in a query string or form */
#define LIMIT_FIELD_NAME    64           /* bytes in a field name */
#define LIMIT_COOKIE_BYTES  4096         /* bytes in the Cookie header */
#define LIMIT_PATH_BYTES    1024         /* bytes in the request path */
/* multipart/form-data: what bounds a form's parts besides its fields and upload_max */
#define LIMIT_PARTS         256          /* parts in one body, text fields and files together */
#define LIMIT_PART_HEAD     2048         /* bytes in one part's headers: long file names fit */
#define LIMIT_FILENAME      255          /* bytes of a client's file name kept, for display */
/* photographs and PDF attachments (cgi/http/imaging.c) */
#define LIMIT_PIXELS        40000000L    /* pixels in one photograph, checked before it is decoded */
#define LIMIT_PDF_PAGES     2000         /* pages in one PDF attachment */
#define LIMIT_IMAGING_SECONDS 20         /* wall-clock seconds one image or PDF may take; below deadline */

struct config {
	char db_path[512];
	char socket_path[512];      /* unix socket to create; empty with a TCP listener or fd 0 */
	char tcp_listen[128];       /* host:port, only when asked for */
	char socket_group[64];      /* group that may open the socket (the web server's) */
	char user[64];              /* account to run as when started as root */
	char group[64];             /* its group; empty: the account's own */
	char templates_dir[512];
	char static_dir[512];
	char files_dir[512];        /* uploaded photographs and attachments, by hash; empty: beside the database */
	char media_dir[512];        /* what the web server serves at /media/: listed releases' files only */
	char site_name[128];
	char base_url[256];         /* e.g. https://agc.example.gov; decides Secure cookies */
	char time_zone[64];
	char contact[256];          /* the press office's contact line, shown in the footer */
	int  workers;               /* 0: one per core */
	long max_body;              /* bytes */
	long max_field;             /* bytes in one field value */
	long upload_max;            /* bytes in one uploaded file; a multipart body may hold max_body more */
	long session_idle;          /* seconds a session may go unused before it ends */
	long session_max;           /* seconds a session may last however busy */
	long deadline;              /* seconds a request may hold a worker before the worker is ended */
	long worker_memory;         /* MB of address space a worker may map; 0: no cap */
	long hash_slots;            /* argon2id hashes that may run at once across all workers */
	long hash_wait;             /* seconds a login waits for a hash slot before a 503 */
	int  sandbox;               /* 1: each worker runs under its seccomp allow-list */
};

void config_defaults(struct config *c);
/* Returns 0, or -1 with a message in err naming the file, line and key. */
int  config_load_file(struct config *c, const char *path, char *err, size_t errlen);
int  config_load_env(struct config *c, char *err, size_t errlen);
int  config_set(struct config *c, const char *key, const char *value, char *err, size_t errlen);
/* Fills the settings left empty whose defaults follow others (the file folders beside the database). */
void config_finish(struct config *c);
void config_usage(const char *prog);

#endif
