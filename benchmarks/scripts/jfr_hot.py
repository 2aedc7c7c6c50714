#!/usr/bin/env python3
"""Hot frames of a JFR recording, per thread: share of execution samples in which each method is
on the stack (inclusive) and on top (self).

    jfr print --events jdk.ExecutionSample --stack-depth 64 run.jfr > run.txt
    benchmarks/scripts/jfr_hot.py run.txt [FILTER] [TOP]

FILTER keeps methods whose name contains it (default io.watchline); TOP rows per thread (30).
"""
import collections
import re
import sys

FRAME = re.compile(r'^\s+([\w$.<>/]+)\(.*line:')


def samples(path):
    """Yields (thread, [frames, top first]) for every sample."""
    stack, thread = None, None
    for line in open(path, encoding='utf-8', errors='replace'):
        if line.startswith('jdk.ExecutionSample'):
            stack, thread = [], '?'
        elif stack is not None:
            if 'sampledThread' in line:
                thread = line.split('=', 1)[1].strip().split(' (')[0].strip('"')
            elif (m := FRAME.match(line)):
                stack.append(m.group(1))
            elif line.startswith('}'):
                if stack:
                    yield thread, stack
                stack = None


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    path = sys.argv[1]
    keep = sys.argv[2] if len(sys.argv) > 2 else 'io.watchline'
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 30
    count = collections.Counter()
    incl = collections.defaultdict(collections.Counter)
    own = collections.defaultdict(collections.Counter)
    for thread, stack in samples(path):
        count[thread] += 1
        own[thread][stack[0]] += 1
        for f in set(stack):
            incl[thread][f] += 1
    for thread, n in count.most_common():
        if n < 20:
            continue
        print(f'{thread}: {n} samples')
        rows = [(f, c) for f, c in incl[thread].most_common() if keep in f][:top]
        for f, c in rows:
            print(f'  {100 * c / n:5.1f} % incl  {100 * own[thread][f] / n:5.1f} % self  {f}')
        print()


if __name__ == '__main__':
    main()
