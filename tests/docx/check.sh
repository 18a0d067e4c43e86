#!/usr/bin/env bash
# Validates every DOCX export with openxml-audit (0 schema errors), then opens them in LibreOffice
# headless: conversion must succeed, pages must be A4, the page count plausible, the 目次 must show its
# entries (not the field code), and 決裁用 must not carry the 対応表. Page images land in
# tests/docx/out/ for a human look.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=tests/docx/out
rm -rf "$out"; mkdir -p "$out"
cargo run --quiet --example export_sample -- tests/fixtures/sample-draft.json "$out"
cargo run --quiet --example export_sample -- tests/fixtures/midori-town-draft.json "$out"
cargo run --quiet --example export_sample -- tests/fixtures/midori-town-draft.json "$out" review
cargo run --quiet --example max_draft > "$out/max-draft.json"
cargo run --quiet --example export_sample -- "$out/max-draft.json" "$out" review
cargo run --quiet --example export_sample -- tests/fixtures/hostile-draft.json "$out" review
# Every 記入例 for a town in である調, as a user who only takes the examples would export it (#16).
cargo run --quiet --example examples_draft -- みどり町 town dearu > "$out/examples-town-dearu.json"
cargo run --quiet --example export_sample -- "$out/examples-town-dearu.json" "$out"
# A town that imported its 2015 policy (#17): 決裁用 without any of it, 検討資料 with the comparison.
for version in approval review; do
  CURRENT_POLICY=tests/fixtures/import/sakuragawa-2015-pasted.txt \
    cargo run --quiet --example export_sample -- tests/fixtures/midori-town-draft.json "$out" $version
done
# The town's draft after a Word review was taken in (#27): the 検討資料 carries 「（参考）意見と対応の一覧」.
REVIEW_FILE=tests/fixtures/review/reviewed-word.docx \
  cargo run --quiet --example export_sample -- tests/fixtures/midori-town-draft.json "$out" review
# A prefecture's every-記入例 draft in です・ます with the longest realistic values (#24): twelve KPIs
# up to 「1,200人（令和12年度）」, the 経過 from 平成18年3月; and the same with a table too wide for the
# portrait page, which gets a landscape page of its own.
cargo run --quiet --example prefecture_draft > "$out/prefecture.json"
cargo run --quiet --example export_sample -- "$out/prefecture.json" "$out"
cargo run --quiet --example export_sample -- "$out/prefecture.json" "$out" review
WIDE_TABLE=1 cargo run --quiet --example export_sample -- "$out/prefecture.json" "$out"
# The 新旧対照表 and 改定の概要 (#27): みどり町's draft against a 2021 edition of its own policy (a
# 一部改定: the table) and against 桜川町's 2015 policy (a 全部改定: the summary); both documents of each.
mkdir -p "$out/shinkyu-2021" "$out/shinkyu-2015"
partial=$(cargo run --quiet --example shinkyu_sample -- tests/fixtures/midori-town-draft.json tests/fixtures/import/midori-2021-pasted.txt "$out/shinkyu-2021")
full=$(cargo run --quiet --example shinkyu_sample -- tests/fixtures/midori-town-draft.json tests/fixtures/import/sakuragawa-2015-pasted.txt "$out/shinkyu-2015")
echo "  2021 edition: $partial"; echo "  桜川町 2015: $full"
grep -q 'gets Table' <<<"$partial" || { echo "FAIL: the 2021 edition no longer makes a 新旧対照表"; exit 1; }
grep -q 'gets Summary' <<<"$full" || { echo "FAIL: 桜川町's 2015 policy no longer makes 改定の概要"; exit 1; }
for f in "$out"/shinkyu-2021/*.docx; do mv "$f" "$out/2021-$(basename "$f")"; done
for f in "$out"/shinkyu-2015/*.docx; do mv "$f" "$out/2015-$(basename "$f")"; done
# The 年度実績 of the v5 fixture as CSV and Excel workbook (#28).
# And its 年次報告 of 令和9年度; a prefecture's, with every indicator recorded, for 令和11年度 (two years
# of values beside the others, the widest table the report makes).
cargo run --quiet --example actuals_sample -- tests/fixtures/draft-v5.json "$out" 2027
mkdir -p "$out/prefecture-report"
FILL_ACTUALS=1 cargo run --quiet --example actuals_sample -- "$out/prefecture.json" "$out/prefecture-report" 2029
mv "$out/prefecture-report/annual-report-2029.docx" "$out/prefecture-annual-report-2029.docx"
# The prefecture's policy with the three 現状と課題 tables filled in: 図1–図3 as native charts (#28).
FIGURES=1 cargo run --quiet --example export_sample -- "$out/prefecture.json" "$out"
# A column and a two-series line native chart with their embedded workbooks (#28).
cargo run --quiet --example chart_sample -- "$out"
fail=0

# Schema validity: the independent validator (PyPI openxml-audit, installed by .ci/setup.sh into
# .ci/venv) must report no error on any export.
audit=.ci/venv/bin/openxml-audit
if [ ! -x "$audit" ]; then
  echo "FAIL: $audit is missing; run .ci/setup.sh test"; exit 1
fi
for docx in "$out"/*.docx "$out"/*.xlsx; do
  if ! "$audit" -f office2019 -q "$docx" > "$docx.audit.txt" 2>&1; then
    echo "FAIL: $(basename "$docx") has schema errors:"; head -20 "$docx.audit.txt"; fail=1
  else
    echo "  $(basename "$docx"): 0 schema errors (openxml-audit, office2019), $(stat -c %s "$docx") bytes"
  fi
done

if ! command -v soffice >/dev/null || ! command -v pdfinfo >/dev/null; then
  echo "SKIP: LibreOffice (soffice) or poppler-utils (pdfinfo) is not installed; run .ci/setup.sh test as root." >&2
  exit $fail
fi
export FONTCONFIG_FILE="$PWD/tests/docx/fonts.conf"
for stem in sample-draft-approval midori-town-draft-approval midori-town-draft-review max-draft-review examples-town-dearu-approval midori-town-draft-approval-current midori-town-draft-review-current midori-town-draft-review-reviewed prefecture-approval prefecture-review prefecture-approval-wide prefecture-approval-figures; do
  soffice --headless --norestore -env:UserInstallation=file://$PWD/$out/lo-profile \
    --convert-to pdf --outdir "$out" "$out/$stem.docx" >/dev/null 2>&1 || { echo "FAIL: LibreOffice could not convert $stem.docx"; fail=1; continue; }
  pages=$(pdfinfo "$out/$stem.pdf" | awk '/^Pages:/ {print $2}')
  size=$(pdfinfo "$out/$stem.pdf" | awk -F': *' '/^Page size:/ {print $2}')
  case "$stem" in sample-*) min=4; max=20;; midori-*|examples-*|prefecture-*) min=12; max=40;; max-*) min=40; max=400;; esac
  if [ "$pages" -lt "$min" ] || [ "$pages" -gt "$max" ]; then echo "FAIL: $stem.pdf has $pages pages (expected $min–$max)"; fail=1; fi
  case "$size" in *"(A4)"*) ;; *) echo "FAIL: $stem.pdf page size is $size, not A4"; fail=1;; esac
  # Only the wide table's page is landscape (842 x 595 pt), and it is there.
  landscape=$(pdfinfo -f 1 -l "$pages" "$out/$stem.pdf" | awk '/^Page +[0-9]+ size:/ && $4 > $6 {n++} END {print n+0}')
  case "$stem" in
    *-wide) if [ "$landscape" -ne 1 ]; then echo "FAIL: $stem.pdf has $landscape landscape pages (expected 1)"; fail=1; fi;;
    *) if [ "$landscape" -ne 0 ]; then echo "FAIL: $stem.pdf has $landscape landscape pages"; fail=1; fi;;
  esac
  text=$(pdftotext "$out/$stem.pdf" - | tr -d '\f')
  if grep -q 'TOC \\o' <<<"$text"; then echo "FAIL: $stem.pdf shows the TOC field code instead of the 目次"; fail=1; fi
  # The 目次 lists its entries when opened: the first chapter's heading is on page 2 as well as in the body.
  first=$(grep -m1 -E '^第 ?1 ' <<<"$text" || true)
  page2=$(pdftotext -f 2 -l 2 "$out/$stem.pdf" -)
  if [ -z "$first" ] || ! grep -qF "$first" <<<"$page2"; then
    echo "FAIL: $stem.pdf shows no 目次 entries on page 2"; fail=1
  fi
  case "$stem" in
    *-approval) if grep -q '指針との対応表' <<<"$text"; then echo "FAIL: $stem.pdf (決裁用) carries the 対応表"; fail=1; fi;;
    *-review|*-review-current|*-review-reviewed) if ! grep -q '指針との対応表' <<<"$text"; then echo "FAIL: $stem.pdf (検討資料) lacks the 対応表"; fail=1; fi;;
  esac
  # The imported policy's own text never enters a document; only the 検討資料 carries the comparison.
  if grep -q '職員研修は、職員が職務に必要な知識' <<<"$text"; then echo "FAIL: $stem.pdf carries the imported policy's text"; fail=1; fi
  case "$stem" in
    *-approval-current) if grep -q '現行方針と新指針の対応' <<<"$text"; then echo "FAIL: $stem.pdf (決裁用) carries the comparison"; fail=1; fi;;
    *-review-current) if ! grep -q '現行方針と新指針の対応' <<<"$text"; then echo "FAIL: $stem.pdf lacks the comparison"; fail=1; fi;;
  esac
  # Only the reviewed 検討資料 carries the trail, with its memo and the applied change.
  case "$stem" in
    *-reviewed) if ! grep -q '意見と対応の一覧' <<<"$text" || ! grep -q '反映しない' <<<"$text"; then echo "FAIL: $stem.pdf lacks the trail of the review"; fail=1; fi;;
    *) if grep -q '意見と対応の一覧' <<<"$text"; then echo "FAIL: $stem.pdf carries a review trail"; fail=1; fi;;
  esac
  echo "  $stem.docx → PDF: $pages pages, $size"
done
# The policy with figures carries 図1–図3 with their captions and source lines.
# (pdftotext puts a caption's number and its text on lines of their own: breaks and spaces are dropped.)
flat() { pdftotext "$1" - 2>/dev/null | tr -d '\n\f ' | sed 's/　//g'; }
figures_text=$(flat "$out/prefecture-approval-figures.pdf")
# (The order pdftotext gives a caption's number and a chart's labels varies: each is looked for alone.)
for caption in 図1 図2 図3 '職員の年齢構成（令和7年4月1日現在）' '採用試験の受験者数の推移' '退職者数の推移' '出典：本県調べ'; do
  grep -qF "$caption" <<<"$figures_text" || { echo "FAIL: prefecture-approval-figures.pdf lacks 「$caption」"; fail=1; }
done
# The 年次報告 (#28): A4 portrait throughout (its table fits the page), the title block and no 目次,
# and a figure per pillar.
for stem in annual-report-2027 prefecture-annual-report-2029; do
  soffice --headless --norestore -env:UserInstallation=file://$PWD/$out/lo-profile \
    --convert-to pdf --outdir "$out" "$out/$stem.docx" >/dev/null 2>&1 || { echo "FAIL: LibreOffice could not convert $stem.docx"; fail=1; continue; }
  pages=$(pdfinfo "$out/$stem.pdf" | awk '/^Pages:/ {print $2}')
  landscape=$(pdfinfo -f 1 -l "$pages" "$out/$stem.pdf" | awk '/^Page +[0-9]+ size:/ && $4 > $6 {n++} END {print n+0}')
  text=$(pdftotext "$out/$stem.pdf" -)
  if [ "$landscape" -ne 0 ] || [ "$pages" -gt 12 ]; then echo "FAIL: $stem.pdf: $pages pages, $landscape landscape"; fail=1; fi
  if ! grep -q '取組状況' <<<"$(pdftotext -f 1 -l 1 "$out/$stem.pdf" -)" || grep -q '目　次' <<<"$text"; then
    echo "FAIL: $stem.pdf does not open with its title block (or has a 目次)"; fail=1
  fi
  case "$stem" in
    annual-report-*) want=2;; prefecture-*) want=5;;
  esac
  figures=$(flat "$out/$stem.pdf" | grep -o '図[0-9][^図]\{0,20\}の指標の進み具合' | wc -l)
  if [ "$figures" -ne "$want" ]; then echo "FAIL: $stem.pdf has $figures figure captions, not $want"; fail=1; fi
  echo "  $stem.docx → PDF: $pages pages, $figures figures"
done
# The 新旧対照表 is A4 landscape on every page, with both column names on each page (the header row
# repeats) and the 備考 line; 改定の概要 is A4 portrait.
for stem in 2021-midori-town-draft-shinkyu 2015-midori-town-draft-shinkyu 2015-midori-town-draft-summary; do
  soffice --headless --norestore -env:UserInstallation=file://$PWD/$out/lo-profile \
    --convert-to pdf --outdir "$out" "$out/$stem.docx" >/dev/null 2>&1 || { echo "FAIL: LibreOffice could not convert $stem.docx"; fail=1; continue; }
  pages=$(pdfinfo "$out/$stem.pdf" | awk '/^Pages:/ {print $2}')
  landscape=$(pdfinfo -f 1 -l "$pages" "$out/$stem.pdf" | awk '/^Page +[0-9]+ size:/ && $4 > $6 {n++} END {print n+0}')
  text=$(pdftotext "$out/$stem.pdf" -)
  case "$stem" in
    *-shinkyu)
      if [ "$landscape" -ne "$pages" ]; then echo "FAIL: $stem.pdf has $landscape landscape pages of $pages"; fail=1; fi
      # (Each page's text is read whole first: `grep -q` on the pipe would end it early, and pipefail
      # would count the page as missing.)
      headed=0
      for p in $(seq 1 "$pages"); do
        page=$(pdftotext -f "$p" -l "$p" "$out/$stem.pdf" -)
        if grep -q '改定後' <<<"$page" && grep -q '改定前' <<<"$page"; then headed=$((headed + 1)); fi
      done
      if [ "$headed" -ne "$pages" ]; then echo "FAIL: $stem.pdf repeats the column names on $headed of $pages pages"; fail=1; fi
      if ! grep -q '新旧対照表' <<<"$text" || ! grep -q '傍線部分は改定部分' <<<"$text"; then echo "FAIL: $stem.pdf lacks its caption or 備考"; fail=1; fi;;
    *-summary)
      if [ "$landscape" -ne 0 ] || [ "$pages" -gt 4 ]; then echo "FAIL: $stem.pdf: $pages pages, $landscape landscape"; fail=1; fi
      if ! grep -q '改定の概要' <<<"$text" || ! grep -q 'デジタル人材の育成・確保' <<<"$text"; then echo "FAIL: $stem.pdf lacks its title or the new chapter"; fail=1; fi;;
  esac
  echo "  $stem.docx → PDF: $pages pages, $landscape landscape"
done
# The marks a returned copy is read back by (#27) survive a LibreOffice round trip: every answer's
# hidden bookmark and the draft's id and profile in the custom properties. (LibreOffice re-writes a
# bookmark over several paragraphs as a start on the first and a second start and end on the last,
# so the reader takes a name's first start to its last end.)
# Beside it, the alternative the issue asked to test: the same answers marked by block content
# controls (w:sdt tagged _Q_…, valid by openxml-audit), resaved in the same LibreOffice run.
# Measured with LibreOffice 7.4: the resave keeps none of the tags and writes each answer's text
# several times over, so bookmarks it is; this fails if content controls ever do as well.
roundtrip="$out/roundtrip"; mkdir -p "$roundtrip"
marked="$roundtrip/content-controls.docx"
python3 tests/docx/content_controls.py wrap "$out/midori-town-draft-review.docx" "$marked"
"$audit" -f office2019 -q "$marked" > "$marked.audit.txt" 2>&1 \
  || { echo "FAIL: the content-control variant has schema errors"; head -5 "$marked.audit.txt"; fail=1; }
soffice --headless --norestore -env:UserInstallation=file://$PWD/$out/lo-profile \
  --convert-to 'docx:MS Word 2007 XML' --outdir "$roundtrip/resaved" "$out/midori-town-draft-review.docx" "$marked" >/dev/null 2>&1 \
  || { echo "FAIL: LibreOffice could not save midori-town-draft-review.docx and its content-control variant as DOCX"; fail=1; }
names() { unzip -p "$1" word/document.xml | grep -o 'w:name="_Q_[a-z0-9_]*"' | sort -u; }
sent=$(names "$out/midori-town-draft-review.docx" | wc -l)
lost=$(comm -23 <(names "$out/midori-town-draft-review.docx") <(names "$roundtrip/resaved/midori-town-draft-review.docx") | wc -l)
custom=$(unzip -p "$roundtrip/resaved/midori-town-draft-review.docx" docProps/custom.xml 2>/dev/null || true)
if [ "$sent" -lt 30 ] || [ "$lost" -ne 0 ]; then echo "FAIL: $lost of $sent answer bookmarks lost in a LibreOffice round trip"; fail=1; fi
if ! grep -q 'name="jinzai-hoshin.draft"><vt:lpwstr>d' <<<"$custom" || ! grep -q 'name="jinzai-hoshin.profile"><vt:lpwstr>review<' <<<"$custom"; then
  echo "FAIL: the draft's id or profile was lost in a LibreOffice round trip"; fail=1
fi
echo "  midori-town-draft-review.docx → LibreOffice → DOCX: $sent answer bookmarks and the custom properties kept"
tags_sent=$(python3 tests/docx/content_controls.py tags "$marked")
tags_kept=$(python3 tests/docx/content_controls.py tags "$roundtrip/resaved/content-controls.docx")
text_chars() { unzip -p "$1" word/document.xml | sed 's/<[^>]*>//g' | wc -c; }
copies=$(unzip -p "$roundtrip/resaved/content-controls.docx" word/document.xml | grep -o '小さな町の役場にとって' | wc -l)
growth=$(( $(text_chars "$roundtrip/resaved/content-controls.docx") * 100 / $(text_chars "$marked") ))
if [ "$tags_sent" -ne "$sent" ]; then echo "FAIL: the content-control variant marks $tags_sent answers, not $sent"; fail=1; fi
if [ "$tags_kept" -ge "$sent" ] && [ "$growth" -le 101 ]; then
  echo "FAIL: content controls now survive LibreOffice as well as bookmarks: reconsider the marks (ARCHITECTURE.md)"; fail=1
fi
echo "  the same answers as content controls → LibreOffice → DOCX: $tags_kept of $tags_sent tags kept, the first answer's sentence written $copies times, the text at $growth %"
# The workbook opens in Calc: its text, read back as UTF-8 CSV, is the table the tool wrote.
soffice --headless --norestore -env:UserInstallation=file://$PWD/$out/lo-profile \
  --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76' --outdir "$out/calc" "$out/actuals.xlsx" >/dev/null 2>&1 \
  || { echo "FAIL: LibreOffice Calc could not open actuals.xlsx"; fail=1; }
if [ -f "$out/calc/actuals.csv" ]; then
  if ! grep -q '^採用試験の受験者数,200,令和12年度,150,令和8年6月,120,令和7年度,' "$out/calc/actuals.csv"; then
    echo "FAIL: actuals.xlsx does not read back as the 年度実績 table:"; head -3 "$out/calc/actuals.csv"; fail=1
  else
    echo "  actuals.xlsx opens in LibreOffice Calc; $(($(wc -l < "$out/calc/actuals.csv") - 1)) lines read back"
  fi
fi
pdftoppm -png -r 60 "$out/midori-town-draft-approval.pdf" "$out/midori-page"
pdftoppm -png -r 60 "$out/examples-town-dearu-approval.pdf" "$out/examples-page"
pdftoppm -png -r 60 "$out/midori-town-draft-review-current.pdf" "$out/current-page"
pdftoppm -png -r 60 "$out/prefecture-approval.pdf" "$out/prefecture-page"
pdftoppm -png -r 60 "$out/prefecture-approval-wide.pdf" "$out/wide-page"
pdftoppm -png -r 60 "$out/midori-town-draft-review-reviewed.pdf" "$out/reviewed-page"
pdftoppm -png -r 60 "$out/2021-midori-town-draft-shinkyu.pdf" "$out/shinkyu-page"
pdftoppm -png -r 60 "$out/2015-midori-town-draft-summary.pdf" "$out/summary-page"
pdftoppm -png -r 60 "$out/prefecture-annual-report-2029.pdf" "$out/annual-report-page"
pdftoppm -png -r 60 -f 6 -l 7 "$out/prefecture-approval-figures.pdf" "$out/figures-page"
exit $fail
