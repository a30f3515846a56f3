#!/usr/bin/env python3
# check-summary-schema.py: validates committee summary documents against
# data/org.council.ClinicalTeam.CommitteeSummary.schema.json
#
#   check-summary-schema.py [--schema SCHEMA] FILE...
#
# Prints one line per problem and exits with 1 when any document (or the
# schema itself) is invalid.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import argparse
import json
import pathlib
import sys

import jsonschema

DEFAULT_SCHEMA = (pathlib.Path(__file__).resolve().parent.parent / 'data' /
                  'org.council.ClinicalTeam.CommitteeSummary.schema.json')


def load(path):
    with open(path, encoding='utf-8') as f:
        return json.load(f)


def problems(validator, path):
    try:
        document = load(path)
    except (OSError, ValueError) as e:
        return [f'{path}: not a JSON document: {e}']
    return [f'{path}: {"/".join(map(str, error.absolute_path)) or "(top)"}: {error.message}'
            for error in sorted(validator.iter_errors(document), key=str)]


def main():
    parser = argparse.ArgumentParser(description='Validate committee summaries.')
    parser.add_argument('--schema', default=DEFAULT_SCHEMA)
    parser.add_argument('files', nargs='+')
    args = parser.parse_args()

    schema = load(args.schema)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)

    found = [line for path in args.files for line in problems(validator, path)]
    for line in found:
        print(line)
    return 1 if found else 0


if __name__ == '__main__':
    sys.exit(main())
