#!/usr/bin/env python3
"""latency: one request's time, without queueing: N sequential GETs over one keep-alive connection.

usage: latency.py URL N [HEADER: VALUE]...   prints "p50_ms p99_ms status" (the statuses seen, joined by +)
wrk's latency figures with a single connection are not trustworthy (its calibration assumes many),
so make bench measures one-at-a-time latency here instead.
"""
import http.client
import sys
import time
import urllib.parse


def main():
    url = urllib.parse.urlsplit(sys.argv[1])
    n = int(sys.argv[2])
    headers = dict(h.split(": ", 1) for h in sys.argv[3:])
    path = url.path + ("?" + url.query if url.query else "")
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=30)
    times, statuses = [], set()
    for _ in range(n):
        start = time.perf_counter()
        conn.request("GET", path, headers=headers)
        response = conn.getresponse()
        response.read()
        times.append(time.perf_counter() - start)
        statuses.add(str(response.status))
    times.sort()
    print("%.2fms %.2fms %s" % (1000 * times[len(times) // 2], 1000 * times[min(len(times) - 1, len(times) * 99 // 100)],
                                "+".join(sorted(statuses))))


if __name__ == "__main__":
    main()
