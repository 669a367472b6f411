#!/usr/bin/env python3
"""fcgi_gaps: sends one malformed or stalled FastCGI exchange to a unix socket and reports what the worker did.

usage: fcgi_gaps.py SOCKET CASE [--hold SECONDS] [--master PID]
CASE is one of:
  huge-pair      a PARAMS pair whose name and value lengths are both 0x7ffffffe (the libfcgi abort)
  huge-announce  a value announced as 1 GB, then 256 MB of it sent as fast as the worker takes it
  truncated      a PARAMS record announcing 1000 bytes, 10 sent, then the connection closed
  short-header   half a record header, then the connection closed
  stall-params   half a PARAMS record, then nothing: the peer stalls inside libfcgi's accept
  stall-body     a whole request head announcing a 1000-byte body, 10 bytes of it, then nothing
Prints one line: "closed=1 after=SECONDS peak_rss_kb=N" (closed=0 when the worker still held the
connection after --hold seconds). With --master, peak_rss_kb is the largest VmRSS seen in any of
that process's children while the case ran.
"""
import argparse
import os
import socket
import struct
import sys
import time

sys.dont_write_bytecode = True   # no __pycache__ in the tree
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))
from fcgi_client import BEGIN, PARAMS, STDIN, params, record  # noqa: E402
from rss_watch import children_rss  # noqa: E402

HUGE = 0x7ffffffe
ANNOUNCED = 1 << 30   # 1 GB: big, yet clear of the int overflow huge-pair exercises


def long_length(n):
    return struct.pack(">I", n | 0x80000000)


def head_pairs(method, length):
    return [("REQUEST_METHOD", method), ("REQUEST_URI", "/login"), ("QUERY_STRING", ""),
            ("REMOTE_ADDR", "127.0.0.1"), ("CONTENT_LENGTH", str(length)),
            ("CONTENT_TYPE", "application/x-www-form-urlencoded")]


class Watch:
    def __init__(self, master):
        self.master, self.peak = master, 0

    def sample(self):
        if self.master:
            self.peak = max([self.peak] + children_rss(self.master))


def opening(sock, case):
    """Sends what the case sends before it waits; returns bytes still to push (huge-announce)."""
    sock.sendall(record(BEGIN, struct.pack(">HB5x", 1, 0)))
    if case == "huge-pair":
        sock.sendall(record(PARAMS, long_length(HUGE) + long_length(HUGE) + b"AB"))
    elif case == "huge-announce":
        # One record header with the pair's lengths; the value's bytes follow in later records.
        sock.sendall(record(PARAMS, bytes([4]) + long_length(ANNOUNCED) + b"NAME"))
        return 256 << 20
    elif case == "truncated":
        sock.sendall(struct.pack(">BBHHBx", 1, PARAMS, 1, 1000, 0) + b"0123456789")
        sock.shutdown(socket.SHUT_WR)
    elif case == "short-header":
        sock.sendall(struct.pack(">BBHH", 1, PARAMS, 1, 1000)[:4])
        sock.shutdown(socket.SHUT_WR)
    elif case == "stall-params":
        whole = record(PARAMS, params(head_pairs("GET", 0)))
        sock.sendall(whole[:len(whole) // 2])
    elif case == "stall-body":
        sock.sendall(record(PARAMS, params(head_pairs("POST", 1000))) + record(PARAMS, b""))
        sock.sendall(record(STDIN, b"name=abcde"))
    else:
        raise SystemExit("fcgi_gaps: unknown case " + case)
    return 0


def push(sock, remaining, watch, until):
    """Sends the announced value in 64 KB records until it is all sent, the peer goes or time is up."""
    chunk = record(PARAMS, b"x" * 65528)
    while remaining > 0 and time.monotonic() < until:
        try:
            sock.sendall(chunk)
        except OSError:
            return
        remaining -= 65528
        watch.sample()


def wait_closed(sock, watch, until):
    """1 when the worker closed the connection (or it was reset) before `until`."""
    sock.settimeout(0.1)
    while time.monotonic() < until:
        watch.sample()
        try:
            if sock.recv(65536) == b"":
                return 1
        except socket.timeout:
            continue
        except OSError:
            return 1
    return 0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("socket")
    ap.add_argument("case")
    ap.add_argument("--hold", type=float, default=15)
    ap.add_argument("--master", type=int, default=0)
    ap.add_argument("--sent", help="a file made once the crafted records are sent")
    args = ap.parse_args()
    watch = Watch(args.master)
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(5)
    sock.connect(args.socket)
    start = time.monotonic()
    until = start + args.hold
    push(sock, opening(sock, args.case), watch, until)
    if args.sent:
        open(args.sent, "w").close()
    closed = wait_closed(sock, watch, until)
    print("closed=%d after=%.1f peak_rss_kb=%d" % (closed, time.monotonic() - start, watch.peak))
    return 0


if __name__ == "__main__":
    sys.exit(main())
