#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks that po/POTFILES.in lists every source file with translatable
strings, and nothing that does not exist.

A C file counts when it marks a string with _(), N_(), C_(), NC_() or one of
the ngettext family; a .ui file when it has translatable="yes".
Usage: check-potfiles.py [SOURCE_ROOT]
"""

import pathlib
import re
import sys

C_MARK = re.compile(r'(?<![\w])(?:N?C?_|g_d?n?gettext|d?ngettext)\s*\(')
UI_MARK = re.compile(r'translatable\s*=\s*"yes"')


def listed_files(potfiles):
    names = []
    for line in potfiles.read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            names.append(line)
    return names


def has_translatable_strings(path):
    text = path.read_text(encoding='utf-8')
    mark = UI_MARK if path.suffix == '.ui' else C_MARK
    return mark.search(text) is not None


def sources_needing_translation(root):
    found = set()
    for suffix in ('*.c', '*.ui'):
        for path in (root / 'src').rglob(suffix):
            if has_translatable_strings(path):
                found.add(path.relative_to(root).as_posix())
    return found


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else
                        pathlib.Path(__file__).resolve().parent.parent)
    listed = listed_files(root / 'po' / 'POTFILES.in')
    problems = []

    for name in sorted(sources_needing_translation(root) - set(listed)):
        problems.append(f'{name} has translatable strings but is not in po/POTFILES.in')
    for name in listed:
        if not (root / name).is_file():
            problems.append(f'po/POTFILES.in lists {name}, which does not exist')
    if len(listed) != len(set(listed)):
        problems.append('po/POTFILES.in lists a file more than once')

    for problem in problems:
        print(problem, file=sys.stderr)
    print(f'{len(listed)} files listed, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
