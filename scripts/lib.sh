# Shared helpers for scripts/run, scripts/test, scripts/lock, .ci/run and the Makefile.
# Source it; it cds to the repository root so every path below is relative to it.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT" || exit 1

VENV=.venv
# Debian 12 ships Python 3.11 as python3; PYTHON lets a machine with several pick one.
PYTHON="${PYTHON:-python3}"

say() { printf '\n==> %s\n' "$*"; }
die() { printf '\nERROR: %s\n' "$*" >&2; exit 1; }

# Run a command as root: directly when we are root, through passwordless sudo otherwise.
# Returns 1 without running anything when neither is possible.
as_root() {
    if [ "$(id -u)" -eq 0 ]; then
        "$@"
    elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
        sudo "$@"
    else
        return 1
    fi
}

# apt-get install without prompts (CI has no stdin), updating the package lists first
# because a fresh image usually has none.
apt_install() {
    as_root env DEBIAN_FRONTEND=noninteractive apt-get update -q &&
        as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@"
}

# Create .venv if it is missing. Debian splits venv/ensurepip into python3-venv, so
# fall back to virtualenv (which bundles its own pip) installed into a throwaway
# directory: --target also sidesteps Debian's "externally managed" refusal of --user.
ensure_venv() {
    [ -x "$VENV/bin/python" ] && return 0
    command -v "$PYTHON" >/dev/null || die "$PYTHON not found. Install it: sudo apt-get install python3 python3-venv"
    "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' ||
        die "Python 3.11 or newer is needed ($PYTHON is $("$PYTHON" -V 2>&1))."
    [ -w . ] || die "Cannot create $VENV: $ROOT is not writable by $(id -un)."
    say "Creating $VENV"
    if "$PYTHON" -m venv "$VENV" 2>/dev/null; then
        return 0
    fi
    rm -rf "$VENV" # a failed 'venv' leaves a half-made directory behind
    local tmp
    tmp="$(mktemp -d)"
    if "$PYTHON" -m pip install -q --target "$tmp" virtualenv &&
        PYTHONPATH="$tmp" "$PYTHON" -m virtualenv -q "$VENV"; then
        rm -rf "$tmp"
        return 0
    fi
    rm -rf "$tmp" "$VENV"
    die "Cannot create a virtual environment. Install venv support and retry:
    sudo apt-get install python3-venv"
}

# Install pinned requirements (with hashes) into .venv, but only when the lock files
# changed since the last successful install: a stamp in .venv keeps their hash.
# Usage: install_requirements requirements/base.txt [requirements/dev.txt]
install_requirements() {
    local stamp want args=() f
    stamp="$VENV/.installed-$(basename -a "$@" | tr '\n' '+' | sed 's/+$//')"
    want="$(cat "$@" | sha256sum | cut -d' ' -f1)"
    if [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$want" ]; then
        return 0
    fi
    for f in "$@"; do args+=(-r "$f"); done
    say "Installing ${*}"
    # --no-compile: byte-compiling every module of SciPy, pandas or scikit-learn at install
    # costs more than compiling, on first import, the few modules the platform uses.
    "$VENV/bin/python" -m pip install -q --no-compile --require-hashes "${args[@]}" ||
        die "pip could not install ${*} (see above)."
    echo "$want" >"$stamp"
}

# The PDFs (monitoring reports) are drawn by WeasyPrint, which loads Pango and needs at
# least one font family; Debian's Chromium brings Pango, a bare image may have neither.
ensure_pdf_libraries() {
    if ldconfig -p 2>/dev/null | grep -q 'libpangoft2-1.0.so.0' && [ -d /usr/share/fonts/truetype/dejavu ]; then
        return 0
    fi
    say "Installing Pango and the DejaVu fonts (for the PDFs)"
    apt_install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core ||
        die "The PDFs need Pango. Install it and retry:
    sudo apt-get install libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core"
}

# Everything the run/test scripts need before they start: a venv with the given locks.
bootstrap() {
    ensure_venv && install_requirements "$@" && ensure_pdf_libraries
}
