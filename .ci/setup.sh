#!/usr/bin/env bash
# Idempotent tool set-up: installs only what is missing or at the wrong version.
# Everything comes from package registries (Debian, crates.io, npm, PyPI); nothing from GitHub releases.
# Usage: .ci/setup.sh [build|test]   (build: what `./task serve` needs; test: also browser + LibreOffice)
set -euo pipefail
cd "$(dirname "$0")/.."

WANT_TRUNK=0.21.14
WANT_BINDGEN=$(sed -n 's/^wasm-bindgen = .*"=\([0-9.]*\)".*/\1/p' Cargo.toml)
WANT_BINARYEN=132.0.0
WANT_PLAYWRIGHT=1.65.1
WANT_AUDIT=0.8.0
scope=${1:-test}
export PATH="$HOME/.cargo/bin:$PATH"

say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }
have_version() { "$1" --version 2>/dev/null | grep -q "$2"; }

sudo_cmd=""
if [ "$(id -u)" != 0 ]; then sudo_cmd=sudo; fi
apt_missing=()
need_pkg() { dpkg -s "$1" >/dev/null 2>&1 || apt_missing+=("$1"); }
need_pkg brotli
command -v node >/dev/null 2>&1 || { need_pkg nodejs; need_pkg npm; }
if ! command -v rustup >/dev/null 2>&1; then
  echo "[setup] rustup is missing: install it first (https://rustup.rs); rust-toolchain.toml then selects Rust 1.95." >&2
  exit 1
fi
if [ "$scope" = test ]; then
  need_pkg chromium; need_pkg chromium-driver
  # Writer for the DOCX, Calc for the 年度実績 workbook (#28).
  need_pkg libreoffice-writer-nogui; need_pkg libreoffice-calc-nogui; need_pkg poppler-utils; need_pkg fonts-noto-cjk; need_pkg fonts-ipaexfont
  need_pkg unzip
  # openxml-audit (PyPI) runs in a local virtual environment: Python with venv/ensurepip.
  command -v python3 >/dev/null 2>&1 || need_pkg python3
  python3 -c 'import ensurepip, venv' >/dev/null 2>&1 || need_pkg python3-venv
fi
if [ ${#apt_missing[@]} -gt 0 ]; then
  say "apt: installing ${apt_missing[*]} (needs root, ~1 GB with LibreOffice)"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${apt_missing[@]}" >/tmp/jinzai-apt.log \
    || { tail -20 /tmp/jinzai-apt.log; exit 1; }
else
  say "apt packages: present"
fi

if rustup target list --installed | grep -q wasm32-unknown-unknown; then
  say "rust target wasm32-unknown-unknown: present"
else
  say "rustup: adding wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if have_version trunk "trunk $WANT_TRUNK"; then
  say "trunk $WANT_TRUNK: present"
else
  say "cargo install trunk $WANT_TRUNK (about 9 minutes on 2 cores)"
  cargo install trunk --locked --version "$WANT_TRUNK"
fi

if have_version wasm-bindgen "wasm-bindgen $WANT_BINDGEN"; then
  say "wasm-bindgen-cli $WANT_BINDGEN: present"
else
  # Not --locked: the locked set pins a crate version the registry mirror lacks.
  say "cargo install wasm-bindgen-cli $WANT_BINDGEN (about 3 minutes)"
  cargo install wasm-bindgen-cli --version "$WANT_BINDGEN" --force
fi

if [ -x .ci/tools/node_modules/.bin/wasm-opt ] && grep -q "\"version\": \"$WANT_BINARYEN\"" .ci/tools/node_modules/binaryen/package.json 2>/dev/null \
  && [ -x .ci/tools/node_modules/.bin/esbuild ]; then
  say "wasm-opt (npm binaryen $WANT_BINARYEN) and esbuild: present"
else
  # Debian's binaryen 108 produces wasm that dies in Chromium; npm's 132 is correct.
  say "npm: installing binaryen $WANT_BINARYEN into .ci/tools/"
  (cd .ci/tools && npm ci --no-audit --no-fund --silent)
fi

if [ "$scope" = test ]; then
  if grep -q "\"version\": \"$WANT_PLAYWRIGHT\"" tests/e2e/node_modules/playwright-core/package.json 2>/dev/null \
    && [ -f tests/e2e/node_modules/axe-core/axe.min.js ] \
    && grep -q '"version": "9.15.2"' tests/e2e/node_modules/docx/package.json 2>/dev/null; then
    say "playwright-core $WANT_PLAYWRIGHT: present"
  else
    say "npm: installing playwright-core $WANT_PLAYWRIGHT, axe-core and the docx peer into tests/e2e/ (no browser download; uses Debian chromium)"
    (cd tests/e2e && npm ci --no-audit --no-fund --silent)
  fi
fi
if [ "$scope" = test ]; then
  have_audit() { .ci/venv/bin/python -c "import importlib.metadata as m; assert m.version('openxml-audit') == '$WANT_AUDIT'" >/dev/null 2>&1; }
  if have_audit; then
    say "openxml-audit $WANT_AUDIT (.ci/venv): present"
  else
    say "pip: installing openxml-audit $WANT_AUDIT into .ci/venv (DOCX schema validator)"
    [ -x .ci/venv/bin/python ] || python3 -m venv .ci/venv
    .ci/venv/bin/python -m pip install --quiet --disable-pip-version-check "openxml-audit==$WANT_AUDIT"
  fi
fi
say "done"
