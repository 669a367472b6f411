#!/usr/bin/env python3
"""fcgi_client: speaks raw FastCGI to a unix socket, for tests that need a request to stall mid-way.

usage: fcgi_client.py SOCKET METHOD URI [--body TEXT] [--send-first N] [--pause SECONDS]
                      [--signal PID:SIG] [--header NAME=VALUE ...] [--headers]
Sends the params and the first N bytes of the body, pauses (sending SIGNAL to PID first,
if asked), sends the rest, then prints the response's status line (every header line with --headers) and body to stdout.
"""
import argparse
import os
import signal
import socket
import struct
import sys
import time

BEGIN, PARAMS, STDIN, STDOUT, STDERR, END = 1, 4, 5, 6, 7, 3


def record(kind, content, request_id=1):
    return struct.pack(">BBHHBx", 1, kind, request_id, len(content), 0) + content


def length(n):
    return bytes([n]) if n < 128 else struct.pack(">I", n | 0x80000000)


def params(pairs):
    out = b""
    for name, value in pairs:
        name, value = name.encode(), value.encode()
        out += length(len(name)) + length(len(value)) + name + value
    return out


def read_response(sock):
    data, out = b"", b""
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    while len(data) >= 8:
        _, kind, _, clen, plen = struct.unpack(">BBHHB", data[:7])
        content = data[8:8 + clen]
        data = data[8 + clen + plen:]
        if kind == STDOUT:
            out += content
        elif kind == END:
            break
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("socket")
    ap.add_argument("method")
    ap.add_argument("uri")
    ap.add_argument("--body", default="")
    ap.add_argument("--send-first", type=int, default=-1)
    ap.add_argument("--pause", type=float, default=0)
    ap.add_argument("--signal", default="")
    ap.add_argument("--header", action="append", default=[])
    ap.add_argument("--headers", action="store_true")
    args = ap.parse_args()

    body = args.body.encode()
    pairs = [("REQUEST_METHOD", args.method), ("REQUEST_URI", args.uri),
             ("QUERY_STRING", args.uri.partition("?")[2]), ("REMOTE_ADDR", "127.0.0.1"),
             ("CONTENT_LENGTH", str(len(body))),
             ("CONTENT_TYPE", "application/x-www-form-urlencoded")]
    pairs += [tuple(h.split("=", 1)) for h in args.header]

    sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    sock.settimeout(20)   # a test must end even when the server never answers
    sock.connect(args.socket)
    sock.sendall(record(BEGIN, struct.pack(">HB5x", 1, 0)))
    sock.sendall(record(PARAMS, params(pairs)) + record(PARAMS, b""))
    first = len(body) if args.send_first < 0 else args.send_first
    if first:
        sock.sendall(record(STDIN, body[:first]))
    if args.signal:
        pid, sig = args.signal.split(":")
        time.sleep(0.2)   # let the worker take the request before the signal
        os.kill(int(pid), getattr(signal, sig))
    time.sleep(args.pause)
    if len(body) > first:
        sock.sendall(record(STDIN, body[first:]))
    sock.sendall(record(STDIN, b""))
    out = read_response(sock).decode("utf-8", "replace")
    head, _, rest = out.partition("\r\n\r\n")
    status = next((l for l in head.split("\r\n") if l.lower().startswith("status:")), "Status: 200")
    print(head.replace("\r\n", "\n") if args.headers else status)
    print(rest)
    return 0


if __name__ == "__main__":
    sys.exit(main())
