#!/usr/bin/env python3
"""latency: one request's time, without queueing: N sequential GETs over one keep-alive connection.

usage: latency.py URL N [HEADER: VALUE]...   prints "p50_ms p99_ms status" (the statuses seen, joined by +)
       latency.py --searches FILE BASE N [HEADER: VALUE]...
           each line of FILE (not # comments) as BASE/search?q=LINE, N times; prints
           "p50_ms p99_ms max_ms slowest status" over every query's median; with LATENCY_DETAIL=FILE,
           each query's median and text into FILE too
wrk's latency figures with a single connection are not trustworthy (its calibration assumes many),
so make bench measures one-at-a-time latency here instead.
"""
import http.client
import os
import sys
import time
import urllib.parse


def timed(conn, path, n, headers, statuses):
    times = []
    for _ in range(n):
        start = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        times.append(time.perf_counter() - start)
        statuses.add(str(response.status))
    return sorted(times)


def main():
    searches = sys.argv[1] == "--searches"
    args = sys.argv[2:] if searches else sys.argv[1:]
    first = 1 if searches else 0
    url = urllib.parse.urlsplit(args[first])
    n = int(args[first + 1])
    headers = dict(h.split(": ", 1) for h in args[first + 2:])
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    statuses = set()
    if not searches:
        path = url.path + ("?" + url.query if url.query else "")
        times = timed(conn, path, n, headers, statuses)
        print("%.2fms %.2fms %s" % (1000 * times[len(times) // 2], 1000 * times[min(len(times) - 1, len(times) * 99 // 100)],
                                    "+".join(sorted(statuses))))
        return
    with open(args[0]) as f:
        queries = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    medians = []
    for q in queries:
        times = timed(conn, url.path.rstrip("/") + "/search?q=" + urllib.parse.quote_plus(q), n, headers, statuses)
        medians.append((times[len(times) // 2], q))
    if os.environ.get("LATENCY_DETAIL"):
        with open(os.environ["LATENCY_DETAIL"], "w") as f:
            f.writelines("%.2f ms  %s\n" % (1000 * t, q) for t, q in medians)
    medians.sort()
    ms = [1000 * t for t, _ in medians]
    print("%.2fms %.2fms %.2fms '%s' %s" % (ms[len(ms) // 2], ms[min(len(ms) - 1, len(ms) * 99 // 100)], ms[-1],
                                            medians[-1][1], "+".join(sorted(statuses))))


if __name__ == "__main__":
    main()
