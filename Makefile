# pressroom: build, run, test. `make help` lists the targets.

PREFIX    ?= /usr/local
BUILD     ?= build
SERVER    ?= nginx
PORT      ?= 8080

CC        ?= cc
CXX       ?= c++
PKGS       = fcgi sqlite3 libcmark libsodium libctemplate_nothreads libseccomp vips
HARDEN     = -fstack-protector-strong -D_FORTIFY_SOURCE=2 -fPIE
WARN       = -Wall -Wextra -Werror
OPT       ?= -O2 -g
# cgi/ is layered (cgi/README): each folder is a layer, headers are included by their bare names.
LAYERS     = lib store http public admin ctl
INCLUDES   = -Icgi $(LAYERS:%=-Icgi/%)
CFLAGS    += -std=c11 -D_DEFAULT_SOURCE $(WARN) $(HARDEN) $(OPT) $(SANITIZE) $(INCLUDES) -I$(BUILD)
CXXFLAGS  += -std=c++11 $(WARN) $(HARDEN) $(OPT) $(SANITIZE) $(INCLUDES)
LDFLAGS   += -pie -Wl,-z,relro,-z,now $(SANITIZE)
LDLIBS    += $(shell pkg-config --libs $(PKGS) 2>/dev/null || echo -lfcgi -lsqlite3 -lcmark -lsodium -lctemplate_nothreads -lseccomp \
             -lvips -lgio-2.0 -lgobject-2.0 -lglib-2.0)
LDLIBS    += -lm

# Every C file but the two mains goes into one library both programs link; objects are named
# after their sources, which are unique across the layers.
SRC        = $(wildcard cgi/*.c $(LAYERS:%=cgi/%/*.c))
HEADERS    = $(wildcard $(LAYERS:%=cgi/%/*.h))
LIB_SRC    = $(filter-out cgi/http/main.c cgi/ctl/pressroomctl.c,$(SRC))
LIB_OBJ    = $(addprefix $(BUILD)/,$(notdir $(LIB_SRC:.c=.o))) $(BUILD)/view.o $(BUILD)/migrations.o $(BUILD)/demo_sql.o
vpath %.c cgi $(LAYERS:%=cgi/%)
MIGRATIONS = $(sort $(wildcard sql/0*.sql))
UNIT_SRC   = $(wildcard tests/unit/test_*.c)
UNIT_BIN   = $(UNIT_SRC:tests/unit/%.c=$(BUILD)/%)

DEPS_APT   = build-essential pkg-config libfcgi-dev libsqlite3-dev libctemplate-dev \
             libcmark-dev libsodium-dev libseccomp-dev libvips-dev nginx lighttpd curl sqlite3 tzdata

.PHONY: all deps run test test-build test-unit test-browser-deps bench clean help
all: $(BUILD)/pressroom $(BUILD)/pressroomctl

help:
	@echo "make            build $(BUILD)/pressroom and $(BUILD)/pressroomctl"
	@echo "make deps       install missing Debian packages (as root)"
	@echo "make run        start the portal on 127.0.0.1:$(PORT) (SERVER=nginx|lighttpd, PORT=...)"
	@echo "make test       unit, end-to-end (nginx, lighttpd, ASan+UBSan) and browser tests"
	@echo "make bench      wrk against static nginx and a C FastCGI reference (BENCH_RELEASES, BENCH_DURATION, ...)"
	@echo "make fuzz       libFuzzer targets, FUZZ_SECONDS (600) each (FUZZ_TARGETS=\"fcgi request\" for some)"
	@echo "make soak       mixed load through nginx for SOAK_DURATION s (300): no errors, no memory growth"
	@echo "make clean      remove build output"

deps:
	@sh scripts/deps.sh $(DEPS_APT)

$(BUILD)/pressroom: $(BUILD)/main.o $(BUILD)/libpress.a
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/pressroomctl: $(BUILD)/pressroomctl.o $(BUILD)/libpress.a
	$(CXX) $(LDFLAGS) -o $@ $^ $(LDLIBS)

$(BUILD)/libpress.a: $(LIB_OBJ)
	$(AR) rcs $@ $^

$(BUILD)/%.o: %.c $(HEADERS) | $(BUILD)
	$(CC) $(CFLAGS) -c -o $@ $<

# libvips' headers (glib's among them) only where libvips is called: the imaging child and its test.
VIPS_CFLAGS := $(shell pkg-config --cflags vips 2>/dev/null)
$(BUILD)/imaging_child.o $(BUILD)/test_imaging: private CFLAGS += $(VIPS_CFLAGS)

$(BUILD)/view.o: cgi/lib/view.cc cgi/lib/view.h | $(BUILD)
	$(CXX) $(CXXFLAGS) -c -o $@ $<

# The migrations are compiled in, so the server and the CLI agree on the schema version.
$(BUILD)/migrations.c: $(MIGRATIONS) scripts/embed-sql.sh | $(BUILD)
	sh scripts/embed-sql.sh migrations $(MIGRATIONS) > $@

$(BUILD)/demo_sql.c: sql/demo.sql scripts/embed-sql.sh | $(BUILD)
	sh scripts/embed-sql.sh demo_sql sql/demo.sql > $@

$(BUILD)/%.o: $(BUILD)/%.c
	$(CC) $(CFLAGS) -c -o $@ $<

$(BUILD)/test_%: tests/unit/test_%.c tests/unit/unit.h $(BUILD)/libpress.a
	$(CC) $(CFLAGS) -Itests/unit $(LDFLAGS) -o $@ $< $(BUILD)/libpress.a $(LDLIBS) -lstdc++

# Test pictures made at test time (tests/e2e/t_media.sh, the browser test).
$(BUILD)/mkphoto: tests/tools/mkphoto.c | $(BUILD)
	$(CC) $(CFLAGS) $(shell pkg-config --cflags vips) $(LDFLAGS) -o $@ $< $(shell pkg-config --libs vips)

$(BUILD):
	mkdir -p $@

run:
	@$(MAKE) --no-print-directory deps
	@$(MAKE) --no-print-directory all
	@sh scripts/run.sh $(SERVER) $(PORT)

test-unit: $(UNIT_BIN) $(BUILD)/mkphoto
test-browser-deps:
	@test -d node_modules/playwright-core || npm ci --no-audit --no-fund

test:
	@sh tests/run.sh

# Not part of `make test`: see docs/performance.md.
bench: all $(BUILD)/ref_fcgi $(BUILD)/mkphoto
	@sh tests/bench/run.sh

$(BUILD)/ref_fcgi: tests/bench/ref_fcgi.c | $(BUILD)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $< -lfcgi

# A long mixed load through nginx (issue 5); `make test` runs a 20-second one.
# SOAK_DURATION seconds; SOAK_RELEASES, SOAK_CONNECTIONS, SOAK_THREADS, SOAK_WORKERS, SOAK_SAVE_EVERY.
SOAK_DURATION ?= 300
.PHONY: soak
soak: all
	@SOAK_BUILD=$(BUILD) sh tests/soak/run.sh $(SOAK_DURATION)

ASAN_FLAGS = -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer

# Each build is one test line: a warning is an error, so a clean build is a passed test.
test-build: test-build-release
	@if $(MAKE) --no-print-directory BUILD=build-asan OPT="-O1 -g" SANITIZE="$(ASAN_FLAGS)" all test-unit \
	    > tests/out/build-asan.log 2>&1; \
	 then echo "ok - AddressSanitizer and UndefinedBehaviorSanitizer build"; \
	 else echo "not ok - sanitizer build (see tests/out/build-asan.log)"; fi
	@sh tests/hardening.sh $(BUILD)/pressroom $(BUILD)/pressroomctl

# Fuzzing (tests/fuzz): libFuzzer targets built with clang into build-fuzz, every object instrumented.
# `make fuzz` runs each target FUZZ_SECONDS (FUZZ_TARGETS="urlencoded fcgi" picks some); `make test`
# runs each for a short smoke time. Two clang warnings gcc lacks are off: -Wstring-concatenation
# misreads cache.c's policy table, and libseccomp's SCMP_A0 macro trips -Wmissing-field-initializers.
FUZZ_SECONDS ?= 600
FUZZ_SAN   = -fsanitize=address,undefined,fuzzer-no-link -fno-sanitize-recover=undefined -fno-omit-frame-pointer
FUZZ_BIN   = $(patsubst tests/fuzz/%.c,build-fuzz/%,$(wildcard tests/fuzz/fuzz_*.c))

.PHONY: fuzz fuzz-build
fuzz:
	@FUZZ_SECONDS=$(FUZZ_SECONDS) sh tests/fuzz/run.sh long

fuzz-build:
	@$(MAKE) --no-print-directory BUILD=build-fuzz CC=clang CXX=clang++ HARDEN= OPT="-O1 -g" \
	    WARN="$(WARN) -Wno-string-concatenation -Wno-missing-field-initializers" \
	    SANITIZE="$(FUZZ_SAN)" LDFLAGS="$(FUZZ_SAN)" $(FUZZ_BIN)

$(BUILD)/fuzz_%: tests/fuzz/fuzz_%.c tests/fuzz/fuzz.h tests/fuzz/site.c $(BUILD)/libpress.a
	$(CC) $(CFLAGS) -Itests/fuzz -fsanitize=fuzzer -fsanitize-link-c++-runtime -o $@ $< tests/fuzz/site.c \
	    $(BUILD)/libpress.a $(LDLIBS) -lpthread -lstdc++

# docs/release-page.png from the demo (scripts/screenshots.sh; PORT for the stack it starts).
.PHONY: screenshots
screenshots: all
	@PORT=$(PORT) sh scripts/screenshots.sh

clean:
	rm -rf build build-asan build-fuzz

# `make check`: the release build, unit tests and e2e behind nginx (E2E=t_search: that file only).
.PHONY: check test-build-release
check:
	@SUITES="release docs layers unit e2e-nginx" E2E_ONLY="$(E2E)" sh tests/run.sh

test-build-release:
	@mkdir -p tests/out
	@if $(MAKE) --no-print-directory all test-unit > tests/out/build.log 2>&1; \
	 then echo "ok - release build with -Wall -Wextra -Werror and hardening"; \
	 else echo "not ok - release build (see tests/out/build.log)"; fi
