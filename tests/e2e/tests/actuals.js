// Browser tests — 目標の進捗（年度実績） (#28): actuals for two years are recorded through the form,
// a bad value is refused next to its field, a reload keeps them, the overview and the CSV carry
// them; a record whose indicator was deleted is kept and listed until deleted; 320 px, axe.
'use strict';
const fs = require('fs');
const { execFileSync } = require('child_process');
const path = require('path');
const { assert, assertEqual } = require('../harness.js');
const { expectNoAxeViolations, DRAFT_KEY, openApp, waitSaved, failNextDraftWrite, pasteText, REPO_ROOT, OUT_DIR } = require('../helpers.js');

const V5 = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'draft-v5.json'), 'utf8'));
const stored = (page) => page.evaluate((k) => JSON.parse(localStorage.getItem(k)), DRAFT_KEY);

/** The v5 fixture's indicators and plan period (令和8–12年度), with `actuals` as given. */
async function seed(page, url, actuals) {
  await openApp(page, url, '#/');
  await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFT_KEY, JSON.stringify({ ...V5, actuals })]);
  await page.reload();
  await page.getByRole('heading', { level: 1 }).waitFor();
}

module.exports = [
  ['#28 actuals for two years: recorded, a bad value refused next to its field, kept over a reload, in the overview and the CSV', async ({ page, url, shot }) => {
    await seed(page, url, []);
    await page.getByTestId('after-adoption').getByRole('link', { name: '目標の進捗（年度実績）' }).click();
    await page.getByRole('heading', { level: 1, name: '目標の進捗（年度実績）' }).waitFor();
    const form = page.getByTestId('actuals-form');
    await form.getByLabel('指標').selectOption({ label: '採用試験の受験者数' });
    await form.getByLabel('年度').selectOption({ label: '令和8年度' });
    await form.getByLabel('最新値').fill('150');
    await form.getByLabel('時期').fill('令和8年6月1日現在');
    await form.getByLabel('取組内容').fill('大学での説明会を3回開いた。');
    await form.getByTestId('actuals-form-status').filter({ hasText: '順調' }).waitFor();
    // The second year through the overview's 「記録する」: focus moves to its first field.
    const overview = page.getByTestId('actuals-overview');
    await overview.getByRole('button', { name: '採用試験の受験者数の令和9年度を記録する' }).click();
    const value = form.getByLabel('最新値');
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'actual-1-2027-value');
    await overview.locator('[data-kpi="1"] tr[data-year="2027"][aria-current="true"]').waitFor();
    assertEqual(await overview.locator('tr[aria-current="true"]').count(), 1, 'only the record in the form is marked');
    await value.fill('約190');
    const error = form.locator('.field--error .field__error');
    await error.filter({ hasText: '数値で入力してください' }).waitFor();
    assertEqual(await value.getAttribute('aria-invalid'), 'true', 'the field says it is invalid');
    await value.fill('200');
    assertEqual(await error.count(), 0, 'the error goes once fixed');
    await form.getByTestId('actuals-form-status').filter({ hasText: '達成' }).waitFor();
    await form.getByLabel('時期').fill('4月ごろ');
    await error.filter({ hasText: '年度か年月で入力してください' }).waitFor();
    await form.getByLabel('時期').fill('令和9年6月');
    await waitSaved(page);
    await shot('actuals-recorded.png');

    await page.reload();
    await page.getByRole('heading', { level: 1, name: '目標の進捗（年度実績）' }).waitFor();
    const draft = await stored(page);
    assertEqual(draft.schema_version, 5, 'schema v5');
    assertEqual(JSON.stringify(draft.actuals.map((a) => [a.kpi, a.year, a.value, a.measured])),
      JSON.stringify([[1, 2026, '150', '令和8年6月1日現在'], [1, 2027, '200', '令和9年6月']]), 'both years stored');
    const row2026 = page.getByTestId('actuals-overview').locator('[data-kpi="1"] tr[data-year="2026"]');
    assert((await row2026.innerText()).includes('150人'), 'the overview shows the value with its unit');
    assertEqual(await row2026.getByTestId('actuals-status').innerText(), '順調', 'and its progress');
    const other = page.getByTestId('actuals-overview').locator('[data-kpi="2"] tr[data-year="2026"]');
    assertEqual(await other.getByTestId('actuals-status').innerText(), '未測定', 'nothing recorded yet');

    const [csv] = await Promise.all([page.waitForEvent('download'), page.getByTestId('actuals-csv').click()]);
    assert(/^年度実績_\d{8}\.csv$/.test(csv.suggestedFilename()), csv.suggestedFilename());
    const bytes = fs.readFileSync(await csv.path());
    assertEqual(bytes.subarray(0, 3).toString('hex'), 'efbbbf', 'UTF-8 with a BOM for Excel');
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    assert(lines[0].startsWith('目標項目,数値目標,目標の時期,最新値,最新値の時期'), lines[0]);
    assert(lines[1].startsWith('採用試験の受験者数,200,令和12年度,150,令和8年6月1日現在,120,令和7年度,大学での説明会を3回開いた。,令和8年度,順調'), lines[1]);
    assert(lines[2].includes(',200,令和9年6月,') && lines[2].includes('令和9年度,達成'), lines[2]);
    await page.getByTestId('actuals-message').filter({ hasText: 'を保存しました' }).waitFor();
    const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('actuals-xlsx').click()]);
    assert(/^年度実績_\d{8}\.xlsx$/.test(xlsx.suggestedFilename()), xlsx.suggestedFilename());
    await xlsx.saveAs(path.join(OUT_DIR, 'actuals.xlsx'));
    const book = fs.readFileSync(path.join(OUT_DIR, 'actuals.xlsx'));
    assertEqual(book.subarray(0, 2).toString(), 'PK', 'an Excel workbook (a ZIP package)');

    // The 年次報告 of 令和9年度 (#28 item 2): its title, both years' values, the status and a native
    // chart whose cached numbers are the way from baseline to target.
    await page.getByLabel('報告する年度').selectOption({ label: '令和9年度' });
    const [report] = await Promise.all([page.waitForEvent('download'), page.getByTestId('annual-report').click()]);
    assert(/^桜川町_人材育成・確保基本方針_令和9年度取組状況_\d{8}\.docx$/.test(report.suggestedFilename()), report.suggestedFilename());
    await page.getByTestId('annual-report-status').filter({ hasText: 'を保存しました' }).waitFor();
    const reportPath = path.join(OUT_DIR, 'annual-report.docx');
    await report.saveAs(reportPath);
    const part = (name) => execFileSync('unzip', ['-p', reportPath, name]).toString();
    const documentXml = part('word/document.xml');
    assert(documentXml.includes('桜川町人材育成・確保基本方針　令和9年度　取組状況'), 'the title names the year');
    for (const text of ['目標・指標の状況（令和9年度）', '150人', '200人', '達成', '図1　人材確保の指標の進み具合', '令和9年度の取組内容は、記録されていません。']) {
      assert(documentXml.includes(text), `the report has 「${text}」`);
    }
    assert(documentXml.includes('<c:chart '), 'a native chart in the document');
    const chart = part('word/charts/chart1.xml');
    // 120 → 200 from 令和7 to 令和12年度: 令和9年度 expects 40, and 200 recorded is 100.
    assert(chart.includes('<c:v>40</c:v>') && chart.includes('<c:v>100</c:v>'), chart.slice(0, 400));
    const embedded = execFileSync('unzip', ['-l', reportPath]).toString();
    assert(embedded.includes('word/embeddings/Microsoft_Excel_Worksheet1.xlsx'), 'the chart carries its workbook');
  }],

  ['#28 a record whose indicator was deleted is kept and listed until its own delete; no plan period says what to do', async ({ page, url, shot }) => {
    page.on('dialog', (d) => d.accept());
    await seed(page, url, V5.actuals);
    await page.goto(url + '#/actuals');
    const strays = page.getByTestId('actuals-strays');
    await strays.waitFor();
    assert((await strays.innerText()).includes('指標の表から削除されています'), 'says why');
    assert((await strays.innerText()).includes('削除した指標の実績'), 'shows what it holds');
    await shot('actuals-strays.png');
    await strays.getByRole('button', { name: /の実績を削除/ }).click();
    await page.getByTestId('actuals-message').filter({ hasText: '実績を削除しました' }).waitFor();
    assertEqual(await page.getByTestId('actuals-strays').count(), 0, 'gone after the confirmed delete');
    await waitSaved(page);
    assertEqual((await stored(page)).actuals.length, 3, 'the other records are untouched');

    // Without a plan period nothing can be placed by year: the page says where to set it.
    const noPeriod = { ...V5 };
    noPeriod.answers = { ...V5.answers };
    delete noPeriod.answers['profile.plan-end'];
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFT_KEY, JSON.stringify(noPeriod)]);
    await page.reload();
    await page.getByTestId('actuals-no-period').waitFor();
    assertEqual((await stored(page)).actuals.length, 4, 'nothing stored is lost');
  }],

  ['#28 an actual whose save fails is retried and kept; another tab on the same draft locks instead of overwriting it', async ({ page, context, url }) => {
    await seed(page, url, []);
    const other = await context.newPage();
    await openApp(other, url, '#/actuals');
    await page.goto(url + '#/actuals');
    await failNextDraftWrite(page);
    await page.getByTestId('actuals-form').getByLabel('最新値').fill('150');
    await page.getByTestId('save-status').filter({ hasText: '保存できませんでした' }).waitFor();
    await page.getByTestId('save-status').filter({ hasText: '保存しました' }).waitFor({ timeout: 6000 });
    assertEqual((await stored(page)).actuals.map((a) => a.value).join(), '150', 'the retried save holds the actual');
    // The other tab still holds the draft without it and must not save over it.
    const lock = other.getByTestId('tab-lock');
    await lock.getByRole('heading', { name: '別のタブで編集中です' }).waitFor();
    await other.waitForTimeout(800);
    assertEqual((await stored(page)).actuals.length, 1, 'still stored');
    await lock.getByRole('button', { name: /このタブで編集を続ける/ }).click();
    await lock.waitFor({ state: 'detached' });
    await other.getByTestId('actuals-overview').locator('[data-kpi="1"] tr[data-year]').filter({ hasText: '150人' }).first().waitFor();
    await other.close();
  }],

  ['#28 the 年度実績 page reflows at 320 px and passes axe', async ({ page, url, shot }) => {
    await page.setViewportSize({ width: 320, height: 900 });
    await seed(page, url, V5.actuals);
    await page.goto(url + '#/actuals');
    await page.getByTestId('actuals-form').waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assertEqual(overflow, 0, 'no horizontal scroll of the page at 320 px (the tables scroll in their own region)');
    await shot('actuals-320.png');
    await expectNoAxeViolations(page, 'the 年度実績 page at 320 px');
  }],

  ['#28 a 年齢構成 pasted from Excel prints as a figure: an SVG with its caption and text alternative in the preview, a native chart in the DOCX', async ({ page, url, shot }) => {
    await seed(page, url, []);
    await page.goto(url + '#/section/context');
    const table = page.locator('[data-question="context.age-structure"]');
    await table.getByRole('button', { name: '行を追加' }).click();
    const tsv = '20歳未満\t4\r\n20～29歳\t38\r\n30～39歳\t52\r\n40～49歳\t96\r\n50～59歳\t118\r\n60歳以上\t27\r\n';
    await pasteText(page.locator('#q-context\\.age-structure-0-0'), tsv);
    await page.locator('#q-context\\.age-structure-5-1').waitFor();
    await page.getByLabel('年齢構成の基準日').fill('令和7年4月1日');
    await waitSaved(page);
    await page.goto(url + '#/export');
    const preview = page.getByTestId('preview');
    const caption = preview.locator('figcaption', { hasText: '図1　職員の年齢構成（令和7年4月1日現在）' });
    await caption.waitFor();
    const figure = preview.locator('figure.preview__figure', { hasText: '図1　職員の年齢構成（令和7年4月1日現在）' });
    const svg = figure.locator('svg[role="img"]');
    assertEqual(await svg.getAttribute('aria-labelledby'), await caption.getAttribute('id'), 'the chart is named by its caption');
    assert((await figure.locator('desc').textContent()).includes('年齢区分ごとの職員数'), 'and described by its alt text');
    assertEqual(await svg.locator('rect[height]:not([width="12"])').count() >= 6, true, 'a bar per age band');
    assert((await figure.locator('table').innerText()).includes('118'), 'the numbers beside it');
    assert((await figure.innerText()).includes('出典：本町調べ'), 'its source line');
    // The date is the caption's, not a paragraph of its own.
    assertEqual(await preview.locator('p', { hasText: /^令和7年4月1日$/ }).count(), 0, 'no stray date paragraph');
    await figure.scrollIntoViewIfNeeded();
    await shot('figure-preview.png');
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
    const docxPath = path.join(OUT_DIR, 'figures.docx');
    await docx.saveAs(docxPath);
    const documentXml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml']).toString();
    assert(documentXml.includes('<c:chart ') && documentXml.includes('descr="年齢区分ごとの職員数'), 'a native chart with its alt text');
    const chart = execFileSync('unzip', ['-p', docxPath, 'word/charts/chart1.xml']).toString();
    for (const v of ['4', '38', '52', '96', '118', '27']) assert(chart.includes(`<c:v>${v}</c:v>`), `the chart caches ${v}`);
    await expectNoAxeViolations(page);
  }],
];
