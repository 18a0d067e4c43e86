#!/usr/bin/env bash
# Opens the sample DOCX exports in LibreOffice headless: conversion must succeed, pages must be A4
# and the page count plausible. Page images land in tests/docx/out/ for a human look.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=tests/docx/out
rm -rf "$out"; mkdir -p "$out"
if ! command -v soffice >/dev/null || ! command -v pdfinfo >/dev/null; then
  echo "SKIP: LibreOffice (soffice) or poppler-utils (pdfinfo) is not installed; run .ci/setup.sh test as root." >&2
  exit 0
fi
export FONTCONFIG_FILE="$PWD/tests/docx/fonts.conf"
cargo run --quiet --example export_sample -- tests/fixtures/sample-draft.json "$out"
cargo run --quiet --example max_draft > "$out/max-draft.json"
cargo run --quiet --example export_sample -- "$out/max-draft.json" "$out" review
fail=0
for stem in sample-draft max-draft; do
  soffice --headless --norestore -env:UserInstallation=file://$PWD/$out/lo-profile \
    --convert-to pdf --outdir "$out" "$out/$stem.docx" >/dev/null 2>&1 || { echo "FAIL: LibreOffice could not convert $stem.docx"; fail=1; continue; }
  pages=$(pdfinfo "$out/$stem.pdf" | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$out/$stem.pdf" | awk -F': *' '/^Page size:/ {print $2}')
  case "$stem" in sample-draft) min=4; max=20;; max-draft) min=40; max=400;; esac
  if [ "$pages" -lt "$min" ] || [ "$pages" -gt "$max" ]; then echo "FAIL: $stem.pdf has $pages pages (expected $min–$max)"; fail=1; fi
  case "$size" in *"(A4)"*) ;; *) echo "FAIL: $stem.pdf page size is $size, not A4"; fail=1;; esac
  echo "  $stem.docx → PDF: $pages pages, $size"
done
pdftoppm -png -r 60 -f 1 -l 4 "$out/sample-draft.pdf" "$out/sample-page"
exit $fail
