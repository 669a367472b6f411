#!/usr/bin/env python3
"""rss_watch: samples the resident memory of a process's children, for tests that bound it.

usage: rss_watch.py MASTER_PID STOP_FILE [--big-kb N] [--ready FILE]
Samples every 5 ms until STOP_FILE exists, then prints one line:
"peak_sum_kb=N peak_one_kb=N peak_big=N samples=N": the largest sum of the children's VmRSS seen
at one moment, the largest single VmRSS, and the most children at once above --big-kb (32 MB).
--ready FILE is made after the first sample, so a test can start its load once sampling runs.
"""
import argparse
import os
import sys
import time


def children_rss(master):
    """VmRSS (kB) of each of master's children right now."""
    try:
        kids = open("/proc/%d/task/%d/children" % (master, master)).read().split()
    except OSError:
        return []
    out = []
    for pid in kids:
        try:
            for line in open("/proc/%s/status" % pid):
                if line.startswith("VmRSS:"):
                    out.append(int(line.split()[1]))
        except OSError:
            pass
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("master", type=int)
    ap.add_argument("stop")
    ap.add_argument("--big-kb", type=int, default=32 << 10)
    ap.add_argument("--ready")
    args = ap.parse_args()
    peak_sum = peak_one = peak_big = samples = 0
    while not os.path.exists(args.stop):
        rss = children_rss(args.master)
        peak_sum = max(peak_sum, sum(rss))
        peak_one = max([peak_one] + rss)
        peak_big = max(peak_big, sum(1 for r in rss if r > args.big_kb))
        samples += 1
        if samples == 1 and args.ready:
            open(args.ready, "w").close()
        time.sleep(0.005)
    print("peak_sum_kb=%d peak_one_kb=%d peak_big=%d samples=%d" % (peak_sum, peak_one, peak_big, samples))
    return 0


if __name__ == "__main__":
    sys.exit(main())
