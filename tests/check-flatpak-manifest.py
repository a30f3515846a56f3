#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the Flatpak manifest: identity, runtime, sandbox, modules and their pins.

Usage: check-flatpak-manifest.py MANIFEST

The manifest must be strict JSON. When flatpak-builder is on PATH it is
also read through `flatpak-builder --show-manifest` (flatpak-builder's own
parser), and the fields are checked on what that prints. Every problem found
is printed before the test fails.
"""

import json
import re
import shutil
import subprocess
import sys

APP_ID = "org.council.ClinicalTeam"
RUNTIME = "org.gnome.Platform"
RUNTIME_VERSION = "50"
SDK = "org.gnome.Sdk"
COMMAND = "clinical-team"
# The network is for the team server (libpq); nothing else widens the sandbox.
FINISH_ARGS = {"--socket=wayland", "--socket=fallback-x11", "--share=ipc", "--device=dri",
               "--share=network"}
MODULE_ORDER = ["tcl", "sqlcipher", "libpq", "clinical-team"]
SQLCIPHER_VERSION = "4.6.1"
SQLCIPHER_CONFIG_OPTS = {"--enable-tempstore=yes", "--disable-tcl"}
# Secure delete: a deleted record's pages are overwritten, not left in the file.
SQLCIPHER_CFLAGS = {"-DSQLITE_HAS_CODEC", "-DSQLITE_TEMP_STORE=2", "-DSQLITE_SECURE_DELETE"}
SQLCIPHER_LDFLAGS = {"-lcrypto"}

# libpq from a PostgreSQL release tarball (15 or later, as meson.build
# requires), with TLS, and only the client library and its headers installed.
LIBPQ_URL = re.compile(r"^https://ftp\.postgresql\.org/pub/source/v(\d+)\.(\d+)/"
                       r"postgresql-\1\.\2\.tar\.(bz2|gz)$")
LIBPQ_MIN_MAJOR = 15
LIBPQ_INSTALLS = ["make -C src/include install", "make -C src/interfaces/libpq install"]

SHA256 = re.compile(r"^[0-9a-f]{64}$")
COMMIT = re.compile(r"^[0-9a-f]{40}$")


def load(path):
    """The manifest as a dict: it must be strict JSON, and when flatpak-builder
    is installed, what flatpak-builder itself makes of it."""
    with open(path, encoding="utf-8") as f:
        try:
            manifest = json.load(f)
        except json.JSONDecodeError as error:
            sys.exit(f"{path} is not strict JSON: {error}")
    builder = shutil.which("flatpak-builder")
    if builder is None:
        return manifest
    result = subprocess.run([builder, "--show-manifest", path],
                            capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"flatpak-builder cannot read {path}: {result.stderr.strip()}")
    return json.loads(result.stdout)


def check_identity(manifest):
    # --show-manifest prints "id"; the file says "app-id". Either is valid.
    expected = {
        "app-id": APP_ID,
        "runtime": RUNTIME,
        "runtime-version": RUNTIME_VERSION,
        "sdk": SDK,
        "command": COMMAND,
    }
    found = dict(manifest, **{"app-id": manifest.get("app-id", manifest.get("id"))})
    return [f"{key} is {found.get(key)!r}, expected {value!r}"
            for key, value in expected.items() if found.get(key) != value]


def check_finish_args(manifest):
    args = manifest.get("finish-args", [])
    problems = [f"finish-arg {arg} is not allowed (files go through the portal)"
                for arg in args if arg.startswith("--filesystem")]
    if len(args) != len(set(args)) or set(args) != FINISH_ARGS:
        problems.append(f"finish-args are {args}, expected exactly {sorted(FINISH_ARGS)}")
    return problems


def check_source(module_name, source):
    kind = source.get("type")
    if kind in ("archive", "file") and "url" in source:
        if not SHA256.match(source.get("sha256", "")):
            return [f"{module_name}: {kind} source {source['url']} has no 64-hex sha256"]
    if kind == "git" and not COMMIT.match(source.get("commit", "")):
        return [f"{module_name}: git source {source.get('url')} has no 40-hex commit"]
    return []


def check_sources(modules):
    problems = []
    for module in modules:
        for source in module.get("sources", []):
            if not isinstance(source, dict):
                problems.append(f"{module.get('name')}: sources must be inline, not {source!r}")
            else:
                problems += check_source(module.get("name"), source)
    return problems


def words(text):
    return set((text or "").split())


def check_sqlcipher(module):
    problems = []
    options = module.get("build-options", {})
    missing = (SQLCIPHER_CONFIG_OPTS - set(module.get("config-opts", []))) \
        | (SQLCIPHER_CFLAGS - words(options.get("cflags"))) \
        | (SQLCIPHER_LDFLAGS - words(options.get("ldflags")))
    if missing:
        problems.append(f"sqlcipher: missing {sorted(missing)}")
    pinned = [s.get("url", "") + s.get("tag", "") for s in module.get("sources", [])
              if isinstance(s, dict)]
    if not any(f"v{SQLCIPHER_VERSION}" in text for text in pinned):
        problems.append(f"sqlcipher: no source of the v{SQLCIPHER_VERSION} tag")
    return problems


def check_libpq(module):
    sources = [s for s in module.get("sources", []) if isinstance(s, dict)]
    releases = [LIBPQ_URL.match(s.get("url", "")) for s in sources
                if s.get("type") == "archive" and SHA256.match(s.get("sha256", ""))]
    if len(sources) != 1 or not releases or releases[0] is None:
        return ["libpq: the source must be one PostgreSQL release tarball from "
                "ftp.postgresql.org with its sha256"]
    problems = []
    if int(releases[0].group(1)) < LIBPQ_MIN_MAJOR:
        problems.append(f"libpq: PostgreSQL {releases[0].group(1)} is older than "
                        f"{LIBPQ_MIN_MAJOR}")
    commands = module.get("build-commands", [])
    if module.get("buildsystem") != "simple" or not commands:
        return problems + ["libpq: build with buildsystem 'simple' and build-commands"]
    if not (commands[0].startswith("./configure ") and "--with-openssl" in commands[0].split()):
        problems.append("libpq: the first command must be ./configure ... --with-openssl")
    installs = [c for c in commands if "install" in c.split()]
    if installs != LIBPQ_INSTALLS:
        problems.append(f"libpq: installs {installs}, expected only {LIBPQ_INSTALLS} "
                        "(the client library and headers, no server)")
    return problems


def check_app(module):
    problems = []
    if module.get("buildsystem") != "meson":
        problems.append(f"{COMMAND}: buildsystem is {module.get('buildsystem')!r}, not 'meson'")
    if not any(s.get("type") == "dir" and s.get("path") == "." for s in module.get("sources", [])):
        problems.append(f"{COMMAND}: the source must be the directory '.'")
    return problems


def check_modules(manifest):
    modules = manifest.get("modules", [])
    if not all(isinstance(m, dict) for m in modules):
        return ["modules must be inline objects, not file names"]
    names = [m.get("name") for m in modules]
    if names != MODULE_ORDER:
        return [f"modules are {names}, expected {MODULE_ORDER} in that order"]
    return (check_sources(modules) + check_sqlcipher(modules[1]) + check_libpq(modules[2])
            + check_app(modules[3]))


def main(argv):
    if len(argv) != 2:
        sys.exit(f"usage: {argv[0]} MANIFEST")
    manifest = load(argv[1])
    problems = check_identity(manifest) + check_finish_args(manifest) + check_modules(manifest)
    for problem in problems:
        print(f"{argv[1]}: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"{argv[1]}: ok")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
