/* The "C FastCGI reference" for `make bench`: answers every request on SOCKET with a fixed HTML body of SIZE bytes, in WORKERS processes. */
#include <fcgiapp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	if (argc != 3 && argc != 4) {
		fprintf(stderr, "usage: ref_fcgi SOCKET SIZE [WORKERS]\n");
		return 2;
	}
	long size = strtol(argv[2], NULL, 10);
	if (size < 64 || size > 16 * 1024 * 1024) {
		fprintf(stderr, "ref_fcgi: SIZE must be 64..16777216\n");
		return 2;
	}
	char *body = malloc((size_t)size);
	if (!body)
		return 1;
	static const char head[] = "<!doctype html><html><head><title>ref</title></head><body><p>";
	static const char tail[] = "</p></body></html>\n";
	memset(body, 'x', (size_t)size);
	memcpy(body, head, sizeof head - 1);
	memcpy(body + size - (long)(sizeof tail - 1), tail, sizeof tail - 1);

	if (FCGX_Init() != 0)
		return 1;
	unlink(argv[1]);
	int fd = FCGX_OpenSocket(argv[1], 128);
	if (fd < 0) {
		fprintf(stderr, "ref_fcgi: cannot open %s\n", argv[1]);
		return 1;
	}
	chmod(argv[1], 0660);
	long workers = argc == 4 ? strtol(argv[3], NULL, 10) : 1;
	if (workers < 1 || workers > 64)
		workers = 1;
	for (long i = 1; i < workers; i++)
		if (fork() == 0)
			break;
	FCGX_Request req;
	if (FCGX_InitRequest(&req, fd, 0) != 0)
		return 1;
	while (FCGX_Accept_r(&req) >= 0) {
		FCGX_FPrintF(req.out, "Status: 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
		                      "Content-Length: %ld\r\n\r\n", size);
		FCGX_PutStr(body, (int)size, req.out);
		FCGX_Finish_r(&req);
	}
	free(body);
	return 0;
}
