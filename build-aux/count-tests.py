#!/usr/bin/env python3
"""Prints 'N passed, N failed, N skipped' over one or more meson testlog.json files.

Each line of a testlog.json is one test program's result. Exit status 1 when
any failed or when no test ran at all, so that CI cannot go green on nothing.
"""
import json
import sys

PASSED = {"OK", "EXPECTEDFAIL"}
SKIPPED = {"SKIP"}

passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        with open(path, encoding="utf-8") as log:
            for line in log:
                if not line.strip():
                    continue
                result = json.loads(line).get("result")
                if result in PASSED:
                    passed += 1
                elif result in SKIPPED:
                    skipped += 1
                else:
                    failed += 1
                    print(f"failed: {json.loads(line).get('name')} ({result})", file=sys.stderr)
    except FileNotFoundError:
        print(f"missing test log: {path}", file=sys.stderr)
        failed += 1

print(f"{passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
