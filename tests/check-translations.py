#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the translations in po/.

- every language of po/LINGUAS has a .po file that msgfmt --check accepts
  (headers, plural forms, the format specifiers of every c-format message);
- each language named with --complete translates every message of a pot
  extracted now from po/POTFILES.in (so a new string nobody translated
  fails), with nothing untranslated or fuzzy;
- the built desktop file and metainfo carry every language of LINGUAS
  (i18n.merge_file() merged the translations).

Usage: check-translations.py SOURCE_ROOT WORK_DIR [--complete LANG]...
           --desktop BUILT_FILE --metainfo BUILT_FILE -- XGETTEXT_ARGS...
"""

import argparse
import pathlib
import re
import subprocess
import sys

PACKAGE = 'clinical-team'


def read_linguas(po_dir):
    langs = []
    for line in (po_dir / 'LINGUAS').read_text(encoding='utf-8').splitlines():
        line = line.strip()
        if line and not line.startswith('#'):
            langs.extend(line.split())
    return langs


def run(argv):
    """The exit status and the output (stdout and stderr) of @argv."""
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                          text=True, check=False)
    return done.returncode, done.stdout.strip()


def extract_pot(root, work_dir, xgettext_args):
    pot = work_dir / f'{PACKAGE}.pot'
    status, output = run(['xgettext', f'--package-name={PACKAGE}', '-D', str(root),
                          '-f', str(root / 'po' / 'POTFILES.in'), '-o', str(pot)] +
                         xgettext_args)
    if status != 0:
        raise SystemExit(f'xgettext failed:\n{output}')
    return pot


def check_compiles(po_file):
    status, output = run(['msgfmt', '--check', '--check-accelerators=_',
                          '-o', '/dev/null', str(po_file)])
    return [] if status == 0 else [f'{po_file.name} does not compile:\n{output}']


def count_entries(po_file, option):
    """How many messages msgattrib @option (--untranslated, --only-fuzzy)
    selects, without the header."""
    status, output = run(['msgattrib', option, '--no-obsolete', '--no-wrap', str(po_file)])
    if status != 0:
        return -1
    return sum(1 for line in output.splitlines()
               if line.startswith('msgid ') and line != 'msgid ""')


def check_complete(po_file, pot):
    problems = []
    status, output = run(['msgcmp', '--no-fuzzy-matching', str(po_file), str(pot)])
    if status != 0:
        problems.append(f'{po_file.name} lacks messages of the current pot '
                        f'(run msgmerge --update and translate them):\n{output}')
    for option, what in (('--untranslated', 'untranslated'), ('--only-fuzzy', 'fuzzy')):
        count = count_entries(po_file, option)
        if count != 0:
            problems.append(f'{po_file.name} has {count} {what} messages')
    return problems


def merge_fresh(root, built, work_dir, kind):
    """@built merged now by msgfmt from its template in data/, as
    i18n.merge_file() does."""
    fresh = work_dir / built.name
    status, output = run(['msgfmt', f'--{kind}', '--template', str(root / 'data' / (built.name + '.in')),
                          '-d', str(root / 'po'), '-o', str(fresh)])
    if status != 0:
        raise SystemExit(f'msgfmt --{kind} failed:\n{output}')
    return fresh


def merged_file(root, built, work_dir, kind, po_files):
    """The built file, or a fresh merge when the build's copy is older than
    a translation (i18n.merge_file() does not depend on the .po files:
    meson issue #2621; rebuild with rm FILE && meson compile)."""
    newest_po = max(po.stat().st_mtime for po in po_files)
    if built.stat().st_mtime >= newest_po:
        return built
    print(f'{built.name} is older than the translations; checking a fresh merge instead')
    return merge_fresh(root, built, work_dir, kind)


def check_merged(lang, desktop, metainfo):
    problems = []
    if not re.search(rf'^Name\[{re.escape(lang)}\]=', desktop.read_text(encoding='utf-8'), re.M):
        problems.append(f'{desktop.name} has no Name[{lang}]: check i18n.merge_file() in data/')
    if f'xml:lang="{lang}"' not in metainfo.read_text(encoding='utf-8'):
        problems.append(f'{metainfo.name} has nothing in xml:lang="{lang}"')
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('root', type=pathlib.Path)
    parser.add_argument('work_dir', type=pathlib.Path)
    parser.add_argument('--complete', action='append', default=[])
    parser.add_argument('--desktop', type=pathlib.Path, required=True)
    parser.add_argument('--metainfo', type=pathlib.Path, required=True)
    argv = sys.argv[1:]
    split = argv.index('--') if '--' in argv else len(argv)
    options = parser.parse_args(argv[:split])
    xgettext_args = argv[split + 1:]

    po_dir = options.root / 'po'
    langs = read_linguas(po_dir)
    options.work_dir.mkdir(parents=True, exist_ok=True)
    pot = extract_pot(options.root, options.work_dir, xgettext_args)
    problems = []
    po_files = []

    for lang in options.complete:
        if lang not in langs:
            problems.append(f'{lang} is not listed in po/LINGUAS')
    for lang in langs:
        po_file = po_dir / f'{lang}.po'
        if not po_file.is_file():
            problems.append(f'po/LINGUAS lists {lang}, but po/{lang}.po does not exist')
            continue
        problems += check_compiles(po_file)
        if lang in options.complete:
            problems += check_complete(po_file, pot)
        po_files.append(po_file)

    if po_files:
        desktop = merged_file(options.root, options.desktop, options.work_dir, 'desktop', po_files)
        metainfo = merged_file(options.root, options.metainfo, options.work_dir, 'xml', po_files)
        for po_file in po_files:
            problems += check_merged(po_file.stem, desktop, metainfo)

    for problem in problems:
        print(problem, file=sys.stderr)
    print(f'{len(langs)} languages, {len(problems)} problems')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
