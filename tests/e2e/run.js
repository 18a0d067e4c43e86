// Browser tests of what a user does: type, reload, mark complete, recover from bad storage.
// Usage: node tests/e2e/run.js <dist-dir>     (ONLY=<name part> runs a subset)
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const os = require('os');
const { run, assert, assertEqual } = require('./harness.js');
const { serve } = require('./serve.js');

/** A private copy of dist/ on its own server (at `prefix`), for tests that stop the server or
 *  redeploy. */
async function privateDeployment(distDir, prefix = '/') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinzai-dist-'));
  fs.cpSync(distDir, dir, { recursive: true });
  const server = await serve(dir, 0, '127.0.0.1', prefix);
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  const stop = () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); });
  return { dir, url, stop };
}

/** Waits until a service worker controls the page (the first visit is not controlled). */
async function waitControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  }
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.x A/AA rules) on the current page; fails listing every violation. */
async function expectNoAxeViolations(page, where) {
  // Evaluated through DevTools, which the app's Content-Security-Policy (rightly) does not block.
  await page.evaluate(`${AXE_SOURCE};0`);
  const violations = await page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`);
  });
  assert(violations.length === 0, `axe violations on ${where}:\n  ${violations.join('\n  ')}`);
}

const DRAFT_KEY = 'jinzai-hoshin.draft';

async function openApp(page, url, hash = '#/') {
  await page.goto(url + hash);
  await page.getByRole('heading', { level: 1 }).waitFor();
}

async function waitSaved(page) {
  await page.getByTestId('save-status').filter({ hasText: '保存しました' }).waitFor({ timeout: 5000 });
}

/** Presses Tab until the focused element matches `selector` (keyboard-only navigation). */
async function tabTo(page, selector, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement && document.activeElement.matches(sel), selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

async function sectionIds(page, url) {
  await openApp(page, url);
  return page.locator('.task-list__item[data-section]').evaluateAll((els) => els.map((e) => e.dataset.section));
}

function taskStatus(page, sectionId) {
  return page.locator(`.task-list__item[data-section="${sectionId}"] [data-testid="task-status"]`);
}

/** A stored draft (schema 2) whose purpose.aim holds `text`. */
function storedDraft(id, name, text, updated = 1) {
  return JSON.stringify({ schema_version: 2, id, name, created_at: updated, updated_at: updated,
    answers: { 'purpose.aim': { kind: 'text', value: text } } });
}

/** Fills this origin's localStorage with filler keys until a write throws, then frees `free` units. */
async function fillStorage(page, free) {
  await page.evaluate((free) => {
    // Reserve the room first (key + value = `free` units), fill the rest, then release it.
    localStorage.setItem('filler.free', 'x'.repeat(free - 'filler.free'.length));
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`filler.${n}`, chunk); n++; } catch (e) { break; }
      }
    }
    localStorage.removeItem('filler.free');
  }, free);
}

/** Makes the next write of the open draft throw, as a full storage does, once. */
function failNextDraftWrite(page) {
  return page.evaluate(() => {
    const original = Storage.prototype.setItem;
    let failed = false;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'jinzai-hoshin.draft' && !failed) { failed = true; throw new DOMException('full', 'QuotaExceededError'); }
      return original.call(this, key, value);
    };
  });
}

/** Every stored purpose.aim text of the app's drafts, by key. */
function storedTexts(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('jinzai-hoshin.draft') || k.startsWith('jinzai-hoshin.kept.'))
    .map((k) => { try { const d = JSON.parse(localStorage.getItem(k)); return [k, ((d.answers || {})['purpose.aim'] || {}).value]; } catch (e) { return [k, null]; } })));
}

const tests = [
  ['task list shows every section in Japanese', async ({ page, url, shot }) => {
    await openApp(page, url);
    assertEqual(await page.title(), '人材育成・確保基本方針 策定支援ツール', 'title');
    assertEqual(await page.locator('html').getAttribute('lang'), 'ja', 'lang');
    const rows = page.locator('.task-list__item[data-section]');
    const count = await rows.count();
    assert(count >= 3, `at least 3 sections, got ${count}`);
    assertEqual(await taskStatus(page, 'profile').innerText(), '未着手', 'profile status');
    assertEqual(await page.getByTestId('progress').innerText(), `全${count}項目中、0項目完了`, 'progress');
    await shot('task-list.png');
  }],

  ['typed answer and status survive a reload', async ({ page, url, shot }) => {
    await openApp(page, url);
    await page.getByRole('link', { name: '団体情報・基本設定' }).click();
    await page.waitForURL(/#\/section\/profile$/);
    const name = page.getByLabel('団体名');
    await name.fill('みどり町');
    await waitSaved(page);
    await page.getByLabel('町', { exact: true }).check();
    await waitSaved(page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '団体情報・基本設定' }).waitFor();
    assertEqual(await page.getByLabel('団体名').inputValue(), 'みどり町', 'restored value');
    assert(await page.getByLabel('町', { exact: true }).isChecked(), 'restored choice');
    await shot('section-profile.png');
    await page.getByRole('link', { name: '作成の手順（一覧）へ戻る' }).click();
    assertEqual(await taskStatus(page, 'profile').innerText(), '作業中', 'status after typing');
  }],

  ['marking a section complete shows on the task list', async ({ page, url }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('さくら市');
    await page.getByLabel('このセクションを完了にする').check();
    await waitSaved(page);
    await page.goto(url + '#/');
    await page.reload();
    assertEqual(await taskStatus(page, 'profile').innerText(), '完了', 'completed status');
    const total = await page.locator('.task-list__item[data-section]').count();
    assertEqual(await page.getByTestId('progress').innerText(), `全${total}項目中、1項目完了`, 'progress');
  }],

  ['step navigation marks the current section', async ({ page, url }) => {
    await openApp(page, url, '#/section/profile');
    const current = page.locator('.step-nav [aria-current="step"]');
    assertEqual(await current.count(), 1, 'one current step');
    assertEqual(await current.innerText(), '団体情報・基本設定', 'current step');
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.tagName);
    assertEqual(focused, 'H1', 'focus moves to the heading');
    await page.getByRole('link', { name: /次へ/ }).click();
    await page.waitForURL(/#\/section\/purpose$/);
    await page.getByRole('heading', { level: 1, name: '策定（改定）の趣旨' }).waitFor();
    await page.locator('.step-nav [aria-current="step"]', { hasText: '策定（改定）の趣旨' }).waitFor();
    assertEqual(await page.locator('.step-nav [aria-current="step"]').count(), 1, 'still one current step');
  }],

  ['last keystrokes are saved when the page is left before the debounce', async ({ page, url }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('所管課').fill('総務課');
    await page.reload(); // pagehide flushes the pending save at once
    await page.getByLabel('所管課').waitFor();
    assertEqual(await page.getByLabel('所管課').inputValue(), '総務課', 'flushed value');
  }],

  ['a 記入例 is inserted with one click and can be edited', async ({ page, url }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('町', { exact: true }).check();
    const question = page.locator('[data-question="profile.department"]');
    await question.getByText('書き方のヒントと記入例').click();
    await question.getByRole('button', { name: 'この記入例を入れる' }).first().click();
    const field = page.getByLabel('所管課');
    assertEqual(await field.inputValue(), '総務課', 'town example inserted');
    await field.press('End');
    await field.pressSequentially('人事係');
    await waitSaved(page);
    assertEqual(await field.inputValue(), '総務課人事係', 'edited after insert');
  }],

  ['plan years show 和暦 and reject bad input next to the field', async ({ page, url }) => {
    await openApp(page, url, '#/section/profile');
    const start = page.getByLabel('計画期間の開始年度');
    await start.fill('2026');
    await page.getByText('（令和8年度）').waitFor();
    await start.fill('R8');
    const error = page.locator('[data-question="profile.plan-start"] .field__error');
    await error.filter({ hasText: '西暦4桁' }).waitFor();
    assertEqual(await start.getAttribute('aria-invalid'), 'true', 'aria-invalid');
    const describedBy = await start.getAttribute('aria-describedby');
    const errorId = await error.getAttribute('id');
    assert(describedBy.split(' ').includes(errorId), 'error linked with aria-describedby');
  }],

  ['unreadable stored data is kept aside and reported in Japanese', async ({ page, url, shot }) => {
    await openApp(page, url);
    await page.evaluate((key) => localStorage.setItem(key, '{"schema_version":1, broken'), DRAFT_KEY);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: '読み込めませんでした' }).waitFor();
    const backups = await page.evaluate(() => Object.keys(localStorage)
      .filter((k) => k.startsWith('jinzai-hoshin.unreadable.'))
      .map((k) => localStorage.getItem(k)));
    assertEqual(backups.length, 1, 'one backup');
    assertEqual(backups[0], '{"schema_version":1, broken', 'raw text kept');
    await shot('unreadable-notice.png');
    // The app still works and saves a fresh draft.
    await page.goto(url + '#/section/profile');
    await page.getByLabel('団体名').fill('あおば村');
    await waitSaved(page);
  }],

  ['data from a newer version is never overwritten', async ({ page, url }) => {
    await openApp(page, url);
    const newer = '{"schema_version":999,"answers":{}}';
    await page.evaluate(([key, v]) => localStorage.setItem(key, v), [DRAFT_KEY, newer]);
    await page.reload();
    await page.getByRole('alert').filter({ hasText: '新しい版' }).waitFor();
    await page.goto(url + '#/section/profile');
    await page.getByLabel('団体名').fill('上書きしない町');
    await page.waitForTimeout(900);
    assertEqual(await page.evaluate((key) => localStorage.getItem(key), DRAFT_KEY), newer, 'newer data untouched');
  }],

  ['one answer in every section, KPIs from the library and a 記入例 survive a reload and show on the check page', async ({ page, url, shot }) => {
    const ids = await sectionIds(page, url);
    assert(ids.length >= 14, `all sections present (${ids.length})`);
    const written = {};
    for (const id of ids) {
      await page.goto(`${url}#/section/${id}`);
      await page.locator(`.page--section[data-section="${id}"]`).waitFor();
      const field = page.locator('.question input[type="text"]:not(.input--year), .question textarea').first();
      const qid = await field.evaluate((el) => el.closest('[data-question]').dataset.question);
      const text = `テスト回答 ${id}`;
      await field.fill(text);
      written[qid] = text;
      await page.getByLabel('このセクションを完了にする').check();
      await waitSaved(page);
    }
    // A 記入例 inserted with one click.
    await page.goto(`${url}#/section/ideal-staff`);
    const helpQuestion = page.locator('.question').nth(1);
    await helpQuestion.locator('summary').click();
    const exampleText = (await helpQuestion.locator('.examples__text').first().innerText()).trim();
    await helpQuestion.getByRole('button', { name: 'この記入例を入れる' }).first().click();
    const exampleQid = await helpQuestion.getAttribute('data-question');
    // Two KPI rows from the library.
    await page.goto(`${url}#/section/targets`);
    const builder = page.getByTestId('kpi-builder');
    await builder.locator('summary', { hasText: '例から指標を追加する' }).click();
    const addButtons = builder.locator('.kpi-library__item button');
    const firstName = (await builder.locator('.kpi-library__item strong').nth(0).innerText()).trim();
    const secondName = (await builder.locator('.kpi-library__item strong').nth(1).innerText()).trim();
    await addButtons.nth(0).click();
    await addButtons.nth(1).click();
    assertEqual(await builder.locator('.kpi-row').count(), 2, 'two KPI rows');
    const firstRow = builder.locator('.kpi-row').nth(0);
    await firstRow.getByLabel('現状値', { exact: true }).fill('12.5');
    await firstRow.getByLabel('現状値の年度（西暦）').fill('2024');
    await firstRow.getByLabel('目標値', { exact: true }).fill('20');
    await firstRow.getByLabel('目標年度（西暦）').fill('2030');
    await waitSaved(page);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    assertEqual(await page.getByTestId('kpi-builder').locator('.kpi-row').count(), 2, 'KPI rows restored');
    // Task list: everything complete.
    await page.goto(url + '#/');
    assertEqual(await page.getByTestId('progress').innerText(), `全${ids.length}項目中、${ids.length}項目完了`, 'progress');
    // Check-answers page shows every answer, the example and the KPIs.
    await page.getByRole('link', { name: '入力内容の確認' }).click();
    await page.getByRole('heading', { level: 1, name: '入力内容の確認' }).waitFor();
    for (const [qid, text] of Object.entries(written)) {
      const row = page.locator(`.summary-list__row[data-question="${qid}"] .summary-list__value`);
      assert((await row.innerText()).includes(text), `${qid} shows its answer`);
    }
    const exampleRow = page.locator(`.summary-list__row[data-question="${exampleQid}"] .summary-list__value`);
    assert((await exampleRow.innerText()).includes(exampleText.split('\n')[0]), 'inserted example shown');
    const kpiText = await page.locator('.summary-list__row[data-question="kpis"]').innerText();
    assert(kpiText.includes(firstName) && kpiText.includes(secondName), 'KPIs on the check page');
    assert(kpiText.includes('12.5') && kpiText.includes('令和12年度'), 'KPI values with 和暦');
    assert((await page.locator('.unanswered').count()) > 0, 'unanswered items say 未記入');
    await shot('check-answers.png');
  }],

  ['「変更」 returns to the check page and focuses the question', async ({ page, url }) => {
    await openApp(page, url, '#/check');
    const row = page.locator('.summary-list__row[data-question="profile.org-name"]');
    assertEqual((await row.locator('.summary-list__value').innerText()).trim(), '未記入', 'unanswered');
    await row.getByRole('link', { name: /変更/ }).click();
    await page.waitForURL(/from=check/);
    const focusedId = await page.evaluate(() => document.activeElement.id);
    assertEqual(focusedId, 'q-profile.org-name', 'question focused');
    await page.keyboard.type('ひかり市');
    await page.getByRole('link', { name: '入力内容の確認ページに戻る' }).first().click();
    await page.getByRole('heading', { level: 1, name: '入力内容の確認' }).waitFor();
    assertEqual((await row.locator('.summary-list__value').innerText()).trim(), 'ひかり市', 'changed answer');
  }],

  ['KPI rows validate next to the field, reorder without drag and delete after confirmation', async ({ page, url, shot }) => {
    await openApp(page, url, '#/section/targets');
    const builder = page.getByTestId('kpi-builder');
    await builder.getByRole('button', { name: '空の指標を追加' }).click();
    await builder.getByRole('button', { name: '空の指標を追加' }).click();
    const rows = builder.locator('.kpi-row');
    await rows.nth(0).getByLabel('指標名').fill('女性管理職比率');
    await rows.nth(1).getByLabel('指標名').fill('年休取得日数');
    const value = rows.nth(0).getByLabel('現状値', { exact: true });
    await value.fill('約15');
    const error = rows.nth(0).locator('.field__error', { hasText: '数値で入力' });
    await error.waitFor();
    assertEqual(await value.getAttribute('aria-invalid'), 'true', 'aria-invalid');
    assert((await value.getAttribute('aria-describedby')).includes(await error.getAttribute('id')), 'error linked');
    await value.fill('１５．５');
    await error.waitFor({ state: 'detached' }).catch(() => {});
    assertEqual(await rows.nth(0).locator('.field__error:not(:empty)').count(), 0, 'full-width number accepted');
    await rows.nth(0).getByLabel('現状値の年度（西暦）').fill('2025');
    await rows.nth(0).getByLabel('目標年度（西暦）').fill('2024');
    await rows.nth(0).locator('.field__error', { hasText: '目標年度' }).waitFor();
    await shot('kpi-builder.png');
    // Move the second row up with the keyboard.
    await rows.nth(1).getByRole('button', { name: '上へ移動' }).focus();
    await page.keyboard.press('Enter');
    assertEqual(await rows.nth(0).getByLabel('指標名').inputValue(), '年休取得日数', 'moved up');
    // It is now first, so 「上へ移動」 is disabled and focus moves to its 「下へ移動」.
    await page.waitForFunction(() => document.activeElement && document.activeElement.id.endsWith('-down'));
    const focused = await page.evaluate(() => document.activeElement.closest('.kpi-row').querySelector('input').value);
    assertEqual(focused, '年休取得日数', 'focus stays on the moved row');
    page.once('dialog', (d) => { assert(d.message().includes('年休取得日数'), 'confirmation names the KPI'); d.dismiss(); });
    await rows.nth(0).getByRole('button', { name: 'この指標を削除' }).click();
    assertEqual(await rows.count(), 2, 'dismissed confirmation keeps the row');
    page.once('dialog', (d) => d.accept());
    await rows.nth(0).getByRole('button', { name: 'この指標を削除' }).click();
    assertEqual(await rows.count(), 1, 'row deleted');
    await expectNoAxeViolations(page, 'KPI builder with errors');
  }],

  ['the whole flow works with the keyboard alone', async ({ page, url }) => {
    await openApp(page, url);
    await tabTo(page, 'a[href="#/section/profile"]');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/section\/profile$/);
    await tabTo(page, '#q-profile\\.org-name');
    await page.keyboard.type('キーボード町');
    await tabTo(page, '#complete-profile');
    await page.keyboard.press('Space');
    await tabTo(page, 'a.pager__next');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/section\/purpose$/);
    await tabTo(page, 'a.pager__home');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/$/);
    assertEqual(await taskStatus(page, 'profile').innerText(), '完了', 'completed by keyboard');
    await tabTo(page, 'a[href="#/check"]');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: '入力内容の確認' }).waitFor();
    assert((await page.locator('.summary-list__row[data-question="profile.org-name"]').innerText()).includes('キーボード町'), 'typed by keyboard');
  }],

  ['the 団体区分 switches questions and 記入例 between prefecture and municipality', async ({ page, url }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('都道府県', { exact: true }).check();
    await waitSaved(page);
    await page.goto(url + '#/section/collaboration');
    await page.locator('.page--section[data-section="collaboration"]').waitFor();
    assertEqual(await page.locator('[data-question="collaboration.pref-joint"]').count(), 1, 'prefecture question shown');
    assertEqual(await page.locator('[data-question="collaboration.muni-neighbours"]').count(), 0, 'municipality question hidden');
    const prefExamples = await page.locator('.examples__text').allTextContents();
    await page.goto(url + '#/section/profile');
    await page.getByLabel('村', { exact: true }).check();
    await waitSaved(page);
    await page.goto(url + '#/section/collaboration');
    await page.locator('.page--section[data-section="collaboration"]').waitFor();
    assertEqual(await page.locator('[data-question="collaboration.pref-joint"]').count(), 0, 'prefecture question hidden');
    assertEqual(await page.locator('[data-question="collaboration.muni-neighbours"]').count(), 1, 'municipality question shown');
    const townExamples = await page.locator('.examples__text').allTextContents();
    assert(townExamples.length > 0 && townExamples.every((t) => t.trim()), 'examples present');
    assert(JSON.stringify(prefExamples) !== JSON.stringify(townExamples), 'examples differ by band');
  }],

  ['DOCX and Markdown downloads carry the typed text; Markdown equals the native export', async ({ page, url, shot }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('みなと町');
    await page.getByLabel('町', { exact: true }).check();
    await page.goto(url + '#/section/purpose');
    const field = page.locator('.question textarea').first();
    await field.fill('一行目の趣旨です。\n# 見出しにならない行\n<script>alert(1)</script>');
    await page.goto(url + '#/section/purpose');
    await page.getByLabel('作業メモ').fill('秘密のメモ');
    await waitSaved(page);
    await page.goto(url + '#/export');
    await page.getByRole('heading', { level: 1, name: '書き出し・印刷' }).waitFor();
    const preview = page.getByTestId('preview');
    // The preview is built by the worker, so it arrives a moment after the page.
    await preview.getByRole('heading', { name: '第1　策定（改定）の趣旨' }).waitFor();
    assert(!(await preview.innerText()).includes('秘密のメモ'), 'memo not in preview');
    const out = path.join(__dirname, 'out');
    // Record every status text, to see the 「作成中…」 state.
    await page.evaluate(() => {
      window.__statuses = [];
      const el = document.querySelector('[data-testid="export-status"]');
      new MutationObserver(() => window.__statuses.push(el.textContent)).observe(el, { childList: true, subtree: true, characterData: true });
    });
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
    const today = await page.evaluate(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; });
    const stamp = `${today[0]}${String(today[1]).padStart(2, '0')}${String(today[2]).padStart(2, '0')}`;
    assertEqual(docx.suggestedFilename(), `みなと町_人材育成・確保基本方針_案_決裁用_${stamp}.docx`, 'docx file name');
    const docxPath = path.join(out, 'download.docx');
    await docx.saveAs(docxPath);
    await page.getByTestId('export-status').filter({ hasText: '保存しました' }).waitFor();
    const statuses = await page.evaluate(() => window.__statuses);
    assert(statuses.some((s) => s.includes('作成中')), `作成中 shown (${statuses})`);
    const documentXml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml']).toString();
    assert(documentXml.includes('一行目の趣旨です。'), 'typed text in the DOCX');
    assert(documentXml.includes('みなと町'), 'organisation in the DOCX');
    assert(!documentXml.includes('秘密のメモ'), 'memo not in the DOCX');
    assert(documentXml.includes('&lt;script&gt;'), 'markup kept as text');
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-markdown').click()]);
    const mdPath = path.join(out, 'download.md');
    await md.saveAs(mdPath);
    const markdown = fs.readFileSync(mdPath, 'utf8');
    assert(markdown.includes('\\# 見出しにならない行'), 'user # line stays body text');
    // The browser's Markdown equals the native exporter's output for the same stored draft.
    const stored = await page.evaluate(() => localStorage.getItem('jinzai-hoshin.draft'));
    const draftPath = path.join(out, 'browser-draft.json');
    fs.writeFileSync(draftPath, stored);
    execFileSync('cargo', ['run', '--quiet', '--example', 'export_sample', '--', draftPath, out, 'approval', String(today[0]), String(today[1])]);
    assertEqual(markdown, fs.readFileSync(path.join(out, 'browser-draft-approval.md'), 'utf8'), 'Markdown identical to the native export');
    await shot('export.png');
    await page.emulateMedia({ media: 'print' });
    assert(!(await page.locator('.site-header').isVisible()), 'print hides the header');
    assert(!(await page.getByTestId('export-docx').isVisible()), 'print hides the buttons');
    assert(await preview.isVisible(), 'print shows the document');
    await page.emulateMedia({ media: 'screen' });
    await expectNoAxeViolations(page, 'export page');
  }],

  ['決裁用 and 検討資料 download under their own names; the 対応表 option puts it in or leaves it out', async ({ page, url, shot }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('みどり町');
    await page.getByLabel('町', { exact: true }).check();
    await page.getByLabel('策定（改定）年月').fill('令和8年3月');
    await page.getByText('（令和8年3月）').waitFor();
    await page.getByLabel('である調').check();
    await page.goto(url + '#/section/positioning');
    await page.getByLabel('書く', { exact: true }).check();
    await page.locator('[data-question="positioning.related-plans"] textarea').fill('第6次みどり町総合計画\nみどり町DX推進計画');
    await waitSaved(page);
    await page.goto(url + '#/export');
    const preview = page.getByTestId('preview');
    await preview.getByRole('heading', { name: '第1　方針の位置付けと計画期間' }).waitFor();
    const previewText = await preview.innerText();
    assert(previewText.includes('令和8年3月') && previewText.includes('（案）'), 'cover: set month and （案）');
    assert(previewText.includes('本方針と関係する主な計画は、次のとおりである。'), 'lead sentence in である調');
    assert(previewText.includes('地方公務員法第39条第3項'), 'the legal-basis choice became a sentence');
    assert(!/^書く$/m.test(previewText), 'the choice label never appears');
    assert(!previewText.includes('指針との対応表'), '決裁用: no 対応表 by default');
    const stamp = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`; });
    const download = async (testid) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      const target = path.join(__dirname, 'out', file.suggestedFilename());
      await file.saveAs(target);
      await page.getByTestId('export-status').filter({ hasText: file.suggestedFilename() }).waitFor();
      return { name: file.suggestedFilename(), path: target };
    };
    const approval = await download('export-docx');
    assertEqual(approval.name, `みどり町_人材育成・確保基本方針_案_決裁用_${stamp}.docx`, '決裁用 file name');
    // Every file the browser writes is schema-valid (the same validator as tests/docx/check.sh).
    const audit = (file) => execFileSync(path.join(__dirname, '..', '..', '.ci', 'venv', 'bin', 'openxml-audit'), ['-f', 'office2019', '-q', file]);
    audit(approval.path);
    const approvalXml = execFileSync('unzip', ['-p', approval.path, 'word/document.xml']).toString();
    assert(!approvalXml.includes('指針との対応表') && !approvalXml.includes('【問】'), '決裁用 holds only the policy');
    assert(approvalXml.includes('<w:tblHeader />') || !approvalXml.includes('<w:tbl>'), 'header rows repeat');

    await page.getByLabel('検討資料（質問文と指針との対応表つき）').check();
    // The other presets too: 第1章 numbering and the BIZ UD fonts.
    await page.getByLabel('第1章／1／(1)／ア', { exact: true }).check();
    await page.getByLabel('BIZ UD明朝／BIZ UDゴシック').check();
    await preview.getByRole('heading', { name: '第1章　方針の位置付けと計画期間' }).waitFor();
    await preview.getByRole('heading', { name: '（参考）指針との対応表' }).waitFor();
    const review = await download('export-docx');
    audit(review.path);
    assertEqual(review.name, `みどり町_人材育成・確保基本方針_案_検討資料_${stamp}.docx`, '検討資料 file name');
    const reviewXml = execFileSync('unzip', ['-p', review.path, 'word/document.xml']).toString();
    assert(reviewXml.includes('指針との対応表') && reviewXml.includes('【問】'), '検討資料 adds questions and the 対応表');
    await shot('export-review.png');

    // The option overrides the version's default, both ways.
    await page.getByLabel('入れない', { exact: true }).check();
    await page.waitForFunction(() => !document.querySelector('[data-testid="preview"]').innerText.includes('指針との対応表'));
    const reviewMd = await download('export-markdown');
    assertEqual(reviewMd.name, `みどり町_人材育成・確保基本方針_案_検討資料_${stamp}.md`, '検討資料 Markdown name');
    assert(!fs.readFileSync(reviewMd.path, 'utf8').includes('指針との対応表'), '「入れない」 leaves it out');
    await page.getByLabel('決裁用（方針の本文のみ）').check();
    await page.getByLabel('入れる', { exact: true }).check();
    await preview.getByRole('heading', { name: '（参考）指針との対応表' }).waitFor();
    const approvalMd = await download('export-markdown');
    assertEqual(approvalMd.name, `みどり町_人材育成・確保基本方針_案_決裁用_${stamp}.md`, '決裁用 Markdown name');
    const approvalText = fs.readFileSync(approvalMd.path, 'utf8');
    assert(approvalText.includes('指針との対応表') && !approvalText.includes('【問】'), '「入れる」 adds it to 決裁用');
    // Without 「（案）」 the file name drops 案 too.
    await page.getByLabel('表示しない（決定後）').check();
    const final = await download('export-markdown');
    assertEqual(final.name, `みどり町_人材育成・確保基本方針_決裁用_${stamp}.md`, 'final version name');
    await expectNoAxeViolations(page, 'export page with options');
  }],

  ['after one visit the app loads and works with the server stopped', async ({ page, shot }) => {
    const deployment = await privateDeployment(DIST);
    try {
      await openApp(page, deployment.url);
      await waitControlled(page);
      await page.goto(deployment.url + '#/section/profile');
      await page.getByLabel('団体名').fill('オフライン町');
      await waitSaved(page);
      await deployment.stop();
      await page.reload();
      await page.getByRole('heading', { level: 1, name: '団体情報・基本設定' }).waitFor();
      assertEqual(await page.getByLabel('団体名').inputValue(), 'オフライン町', 'restored offline');
      const help = page.locator('[data-question="profile.department"]');
      await help.getByText('書き方のヒントと記入例').click();
      await help.locator('.examples__text').first().waitFor();   // the guidance texts were precached
      await page.getByLabel('所管課').fill('総務課');
      await waitSaved(page);
      // The DOCX worker was precached too.
      await page.goto(deployment.url + '#/export');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
      assert(download.suggestedFilename().startsWith('オフライン町_'), 'DOCX exported offline');
      await shot('offline.png');
    } finally {
      await deployment.stop().catch(() => {});
    }
  }],

  ['a new deployment offers 「再読み込み」 and keeps unsaved input', async ({ page }) => {
    const deployment = await privateDeployment(DIST);
    try {
      await openApp(page, deployment.url);
      await waitControlled(page);
      // Deploy a new version: the stamped service worker changes.
      const swPath = path.join(deployment.dir, 'sw.js');
      fs.writeFileSync(swPath, fs.readFileSync(swPath, 'utf8').replace(/const VERSION = "[0-9a-f]+"/, 'const VERSION = "next-version"'));
      await page.goto(deployment.url + '#/section/profile');
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      const banner = page.getByRole('status').filter({ hasText: '新しいバージョンがあります' });
      await banner.waitFor({ timeout: 15000 });
      await page.getByLabel('団体名').fill('更新前に入力');   // not yet saved (debounce)
      await banner.getByRole('button', { name: '再読み込み' }).click();
      await page.waitForFunction(() => !document.getElementById('update-banner') && document.querySelector('h1'));
      await page.getByLabel('団体名').waitFor();
      assertEqual(await page.getByLabel('団体名').inputValue(), '更新前に入力', 'input kept across the update');
      const cacheNames = await page.evaluate(() => caches.keys());
      // One cache per deployment folder (its scope), the old version's deleted.
      assertEqual(JSON.stringify(cacheNames), JSON.stringify([`jinzai-hoshin-${deployment.url}-next-version`]), 'old cache deleted');
    } finally {
      await deployment.stop();
    }
  }],

  ['the app makes no request outside its own origin', async ({ page, context, url }) => {
    const foreign = [];
    context.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(url) && !u.startsWith('blob:') && !u.startsWith('data:')) foreign.push(u);
    });
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('通信しない町');
    await waitSaved(page);
    await page.goto(url + '#/export');
    await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
    await page.goto(url + '#/data');
    await page.getByTestId('draft-list').waitFor();
    assertEqual(JSON.stringify(foreign), '[]', 'requests outside the origin');
  }],

  ['the manifest makes the app installable in Japanese', async ({ page, url }) => {
    await openApp(page, url);
    const manifest = await page.evaluate(async () => {
      const href = document.querySelector('link[rel="manifest"]').href;
      return (await fetch(href)).json();
    });
    assertEqual(manifest.name, '人材育成・確保基本方針 策定支援ツール', 'name');
    assertEqual(manifest.lang, 'ja', 'lang');
    for (const icon of manifest.icons) {
      const ok = await page.evaluate((src) => fetch(src).then((r) => r.ok), new URL(icon.src, url).href);
      assert(ok, `icon ${icon.src} is served`);
    }
  }],

  ['the Content-Security-Policy blocks injected scripts and hostile input stays text', async ({ page, url, expectConsoleError }) => {
    expectConsoleError(/Content Security Policy/);
    await openApp(page, url, '#/section/purpose');
    const blocked = await page.evaluate(() => new Promise((resolve) => {
      document.addEventListener('securitypolicyviolation', () => resolve(true), { once: true });
      const s = document.createElement('script');
      s.textContent = 'window.__injected = true';
      document.body.append(s);
      setTimeout(() => resolve(false), 1000);
    }));
    assert(blocked && !(await page.evaluate(() => window.__injected)), 'inline script blocked by CSP');
    const hostile = [
      '<script>window.__pwned=1</script>', '<img src=x onerror="window.__pwned=1">', 'javascript:window.__pwned=1',
      '# 見出し\n| a | b |\n> 引用', '\u0001\u0008\u000b]]>&amp;<w:t>', 'x'.repeat(1024 * 1024), 'lone \ud800 surrogate',
    ];
    const field = page.locator('.question textarea').first();
    const qid = await field.evaluate((el) => el.closest('[data-question]').dataset.question);
    for (const text of hostile) {
      await field.fill(text);
      await waitSaved(page);
      const stored = await page.evaluate(([key, q]) => JSON.parse(localStorage.getItem(key)).answers[q].value, [DRAFT_KEY, qid]);
      const typed = await field.inputValue();
      assertEqual(stored, typed, `stored exactly (${text.slice(0, 20)})`);
    }
    await page.reload();
    await field.waitFor();
    await page.goto(url + '#/check');
    await page.goto(url + '#/export');
    await page.getByTestId('preview').waitFor();
    assertEqual(await page.evaluate(() => window.__pwned), undefined, 'nothing executed');
    assertEqual(await page.locator('main img, main script').count(), 0, 'no markup was created from user text');
  }],

  ['a JSON backup restores the draft after deleting everything', async ({ page, url }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('バックアップ市');
    await waitSaved(page);
    await page.goto(url + '#/data');
    await page.getByTestId('last-backup').filter({ hasText: 'まだ保存していません' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup').click()]);
    assert(download.suggestedFilename().startsWith('バックアップ市_人材育成・確保基本方針_バックアップ_'), download.suggestedFilename());
    const file = path.join(__dirname, 'out', 'backup.json');
    await download.saveAs(file);
    await page.getByTestId('last-backup').filter({ hasText: '今日' }).waitFor();
    page.once('dialog', (d) => { assert(d.message().includes('すべて削除'), d.message()); d.accept(); });
    await page.getByRole('button', { name: 'この端末のデータをすべて削除' }).click();
    await page.getByTestId('data-message').filter({ hasText: '削除しました' }).waitFor();
    await page.getByLabel('読み込むファイル').setInputFiles(file);
    await page.getByTestId('data-message').filter({ hasText: '1件の下書きを追加しました' }).waitFor();
    await page.getByRole('button', { name: '「バックアップ市人材育成・確保基本方針」を開く' }).click();
    await page.getByTestId('data-message').filter({ hasText: '開きました' }).waitFor();
    await page.goto(url + '#/section/profile');
    assertEqual(await page.getByLabel('団体名').inputValue(), 'バックアップ市', 'restored from the backup');
  }],

  ['several drafts: create, rename, duplicate, open, delete, and the last one reopens', async ({ page, url }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('第一市');
    await waitSaved(page);
    await page.goto(url + '#/data');
    const list = page.getByTestId('draft-list');
    page.once('dialog', (d) => { assert(d.message().includes('第一市人材育成・確保基本方針'), 'prompt names the draft'); d.accept('庁内協議用 第1版'); });
    await page.getByRole('button', { name: '「第一市人材育成・確保基本方針」の名前を変更' }).click();
    await list.getByText('庁内協議用 第1版').waitFor();
    await page.getByRole('button', { name: '「庁内協議用 第1版」を複製' }).click();
    await list.getByText('庁内協議用 第1版（コピー）').waitFor();
    await page.getByRole('button', { name: '新しい下書きを作成' }).click();
    await page.getByTestId('data-message').filter({ hasText: '新しい下書きを作成' }).waitFor();
    assertEqual(await list.locator('li').count(), 3, 'three drafts');
    await page.goto(url + '#/section/profile');
    assertEqual(await page.getByLabel('団体名').inputValue(), '', 'the new draft is empty');
    await page.getByLabel('団体名').fill('第二町');
    await waitSaved(page);
    await page.goto(url + '#/data');
    await page.getByRole('button', { name: '「庁内協議用 第1版」を開く' }).click();
    await page.getByTestId('data-message').filter({ hasText: '開きました' }).waitFor();
    await page.reload();
    await page.goto(url + '#/section/profile');
    assertEqual(await page.getByLabel('団体名').inputValue(), '第一市', 'the last opened draft reopens');
    await page.goto(url + '#/data');
    page.once('dialog', (d) => { assert(d.message().includes('「第二町人材育成・確保基本方針」を削除'), d.message()); d.accept(); });
    await page.getByRole('button', { name: '「第二町人材育成・確保基本方針」を削除' }).click();
    await page.getByTestId('data-message').filter({ hasText: '削除しました' }).waitFor();
    assertEqual(await list.locator('li').count(), 2, 'two drafts left');
    await expectNoAxeViolations(page, 'draft list');
  }],

  ['20 malformed import files are refused and leave storage byte-for-byte unchanged', async ({ page, url }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('壊さない町');
    await waitSaved(page);
    await page.goto(url + '#/data');
    const snapshot = () => page.evaluate(() => JSON.stringify(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));
    const before = await snapshot();
    const dir = path.join(__dirname, '..', 'fixtures', 'bad-imports');
    const files = fs.readdirSync(dir).sort();
    assert(files.length >= 15, 'at least 15 malformed files');
    for (const name of files) {
      await page.getByLabel('読み込むファイル').setInputFiles(path.join(dir, name));
      await page.getByTestId('data-message').filter({ hasText: `「${name}」は読み込めません` }).waitFor();
      assertEqual(await snapshot(), before, `storage unchanged after ${name}`);
    }
    // A wrong file type and a huge file too.
    await page.getByLabel('読み込むファイル').setInputFiles({ name: 'memo.txt', mimeType: 'text/plain', buffer: Buffer.from('メモです') });
    await page.getByTestId('data-message').filter({ hasText: '「memo.txt」は読み込めません' }).waitFor();
    await page.getByLabel('読み込むファイル').setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(6 * 1024 * 1024, 32) });
    await page.getByTestId('data-message').filter({ hasText: '大きすぎます' }).waitFor();
    // A valid import adds a draft and never touches the existing ones.
    const openDraft = await page.evaluate(() => localStorage.getItem('jinzai-hoshin.draft'));
    const good = Buffer.from(JSON.stringify({
      format: 'jinzai-hoshin-backup', format_version: 1, exported_at: 0, schema_version: 2, drafts: [JSON.parse(openDraft)],
    }));
    await page.getByLabel('読み込むファイル').setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: good });
    await page.getByTestId('data-message').filter({ hasText: '1件の下書きを追加しました' }).waitFor();
    assertEqual(await page.evaluate(() => localStorage.getItem('jinzai-hoshin.draft')), openDraft, 'open draft untouched');
    assertEqual(await page.getByTestId('draft-list').locator('li').count(), 2, 'imported draft added');
  }],

  ['a failed write keeps the input and offers an immediate JSON download', async ({ page, url }) => {
    await openApp(page, url, '#/section/profile');
    await page.evaluate(() => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === 'jinzai-hoshin.draft') throw new DOMException('full', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    });
    await page.getByLabel('団体名').fill('容量不足町');
    const banner = page.getByTestId('save-failure');
    await banner.waitFor();
    assert((await page.getByTestId('save-status').innerText()).includes('保存できませんでした'), 'status says so');
    assertEqual(await page.getByLabel('団体名').inputValue(), '容量不足町', 'input kept in memory');
    const [download] = await Promise.all([page.waitForEvent('download'), banner.getByRole('button', { name: '今すぐバックアップを保存' }).click()]);
    const file = path.join(__dirname, 'out', 'quota-backup.json');
    await download.saveAs(file);
    assert(fs.readFileSync(file, 'utf8').includes('容量不足町'), 'backup holds the unsaved input');
  }],

  ['a second tab on the same draft never overwrites newer data', async ({ page, context, url }) => {
    await openApp(page, url, '#/section/profile');
    const other = await context.newPage();
    await openApp(other, url, '#/section/profile');
    await page.getByLabel('団体名').fill('タブA');
    await waitSaved(page);
    const lock = other.getByTestId('tab-lock');
    await lock.getByRole('heading', { name: '別のタブで編集中です' }).waitFor();
    const focused = await other.evaluate(() => document.activeElement.textContent);
    assert(focused.includes('このタブで編集を続ける'), 'focus moves into the notice');
    const stored = await page.evaluate(() => localStorage.getItem('jinzai-hoshin.draft'));
    await other.getByLabel('団体名').fill('タブB（止められているはず）', { force: true, timeout: 1000 }).catch(() => {});
    await other.waitForTimeout(800);
    assertEqual(await other.evaluate(() => localStorage.getItem('jinzai-hoshin.draft')), stored, 'locked tab did not write');
    await lock.getByRole('button', { name: /このタブで編集を続ける/ }).click();
    await lock.waitFor({ state: 'detached' });
    assertEqual(await other.getByLabel('団体名').inputValue(), 'タブA', 'took over with the newer data');
    await other.getByLabel('団体名').fill('タブB');
    await waitSaved(other);
    await page.getByTestId('tab-lock').waitFor();
    await other.close();
    // The locked tab does not save a version of its out-of-date draft either.
    await page.evaluate(() => { location.hash = '#/versions'; });
    // The page behind the lock is inert, so fill and submit the form the way only a script could.
    assert(await page.locator('main').evaluate((m) => m.inert), 'the page behind the lock is inert');
    await page.evaluate(() => {
      const input = document.querySelector('#save-version input');
      input.value = '古い内容';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      document.getElementById('save-version').requestSubmit();
    });
    await page.getByTestId('versions-message').filter({ hasText: '別のタブで編集中です' }).waitFor();
    assertEqual(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.includes('.versions.')).length), 0, 'no version saved');
  }],

  ['coverage figures follow the answers, and every point links to its question', async ({ page, url, shot }) => {
    await openApp(page, url, '#/coverage');
    const overall = page.getByTestId('coverage-overall');
    await overall.filter({ hasText: '対応済み 0／' }).waitFor();
    const before = await overall.innerText();
    const point = page.locator('.coverage__group[data-group="shokuba"] .coverage__point').first();
    assertEqual(await point.getAttribute('data-coverage'), '未対応', 'starts not addressed');
    const item = await point.getAttribute('data-item');
    // The link opens the question that answers the point, with the way back.
    await point.locator('a').click();
    const question = page.locator('.question textarea:focus, .question input:focus');
    await question.waitFor();
    await page.locator(`#check-${item}`).check();
    await waitSaved(page);
    await page.getByRole('link', { name: '指針との対応状況に戻る' }).first().click();
    await overall.waitFor();
    // The tick is only 「内容を確認した」: without writing, the point stays open.
    assertEqual(await point.getAttribute('data-coverage'), '未対応', 'a tick alone does not address a point');
    assert((await overall.innerText()).includes('内容を確認した項目 1'), `confirmation counted (${await overall.innerText()})`);
    await point.locator('a').click();
    await question.waitFor();
    await question.fill('ストレスチェックの集団分析を職場ごとに行い、改善計画を立てます。');
    await waitSaved(page);
    await page.getByRole('link', { name: '指針との対応状況に戻る' }).first().click();
    // Every point answered by that question is addressed at once.
    await overall.filter({ hasText: /対応済み [1-9][0-9]*／/ }).waitFor();
    assertEqual(await point.getAttribute('data-coverage'), '対応済み', 'written is addressed');
    assert(before !== (await overall.innerText()), 'overall figure changed');
    const pillar = page.locator('.coverage__group[data-group="shokuba"] [data-testid="coverage-group-figure"]');
    assert(/^対応済み [1-9][0-9]*／/.test(await pillar.innerText()), `pillar figure (${await pillar.innerText()})`);
    await page.getByText('判定のしかた').click();
    await page.getByText('対応する質問がまだ空欄').waitFor();
    await shot('coverage.png');
    await expectNoAxeViolations(page, 'coverage dashboard');
    // The exported 対応表 (in the 検討資料 version) carries the same state.
    await page.goto(url + '#/export');
    await page.getByLabel('検討資料（質問文と指針との対応表つき）').check();
    await page.getByTestId('preview').getByText('指針との対応表').first().waitFor();
    assert((await page.getByTestId('preview').innerText()).includes('対応済み'), 'appendix shows the state');
  }],

  ['named versions: save two, see the diff, restore the first, delete, and keep them in the backup', async ({ page, url, shot }) => {
    page.on('dialog', (d) => d.accept());
    await openApp(page, url, '#/section/purpose');
    const field = page.locator('#q-purpose\\.aim');
    await field.fill('職員一人ひとりが成長を実感できる組織をつくる。');
    await waitSaved(page);
    await page.goto(url + '#/versions');
    await page.getByLabel('版の名前').fill('庁内協議用 第1版');
    await page.getByRole('button', { name: '版として保存' }).click();
    await page.getByTestId('versions-message').filter({ hasText: '「庁内協議用 第1版」として保存しました' }).waitFor();
    assertEqual(await page.locator('[data-testid="version-list"] li').count(), 1, 'one version');
    assert((await page.getByTestId('storage-usage').innerText()).includes('KB'), 'space reported');

    await page.goto(url + '#/section/purpose');
    await field.fill('職員一人ひとりが挑戦できる組織をつくる。');
    await waitSaved(page);
    await page.goto(url + '#/versions');
    await page.getByLabel('版の名前').fill('第2版');
    await page.getByRole('button', { name: '版として保存' }).click();
    await page.getByTestId('versions-message').filter({ hasText: '「第2版」として保存しました' }).waitFor();

    // Compare 第1版 → 第2版: added and removed text marked by element and words, not colour alone.
    const first = await page.locator('[data-testid="version-list"] li').nth(1).getAttribute('data-version');
    const second = await page.locator('[data-testid="version-list"] li').nth(0).getAttribute('data-version');
    await page.locator('#compare-from').selectOption(first);
    await page.locator('#compare-to').selectOption(second);
    await page.getByRole('button', { name: '違いを表示' }).click();
    const diff = page.getByTestId('diff');
    await diff.getByText('「庁内協議用 第1版」から「第2版」への変更').waitFor();
    assertEqual((await diff.locator('ins').textContent()).replace(/［追加：|］/g, ''), '挑戦', 'inserted text');
    assertEqual((await diff.locator('del').textContent()).replace(/［削除：|］/g, ''), '成長を実感', 'removed text');
    assert((await diff.locator('ins .visually-hidden').first().textContent()).includes('追加'), 'added named in words');
    await shot('versions-diff.png');
    await expectNoAxeViolations(page, 'versions page with a diff');

    // Restore 第1版: the current state is kept as a version first.
    await page.getByRole('button', { name: '版「庁内協議用 第1版」に戻す' }).click();
    await page.getByTestId('versions-message').filter({ hasText: '戻しました' }).waitFor();
    assertEqual(await page.locator('[data-testid="version-list"] li').count(), 3, 'current state saved before restoring');
    assert((await page.locator('[data-testid="version-list"] li').first().innerText()).includes('戻す前の内容'), 'safety version named');
    await page.goto(url + '#/section/purpose');
    assertEqual(await field.inputValue(), '職員一人ひとりが成長を実感できる組織をつくる。', 'restored text');
    await page.reload();
    assertEqual(await field.inputValue(), '職員一人ひとりが成長を実感できる組織をつくる。', 'restored text saved');

    await page.goto(url + '#/versions');
    await page.getByRole('button', { name: '版「第2版」を削除' }).click();
    await page.getByTestId('versions-message').filter({ hasText: '削除しました' }).waitFor();
    assertEqual(await page.locator('[data-testid="version-list"] li').count(), 2, 'deleted');

    // The JSON backup carries the versions.
    await page.goto(url + '#/data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup').click()]);
    const backup = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
    const id = backup.drafts[0].id;
    assertEqual(backup.versions[id].versions.length, 2, 'versions in the backup');

    // A duplicated draft takes its versions along.
    await page.getByRole('button', { name: '「名称未設定の下書き」を複製' }).click();
    await page.getByTestId('data-message').filter({ hasText: '作成しました' }).waitFor();
    const histories = await page.evaluate(() => Object.keys(localStorage)
      .filter((k) => k.startsWith('jinzai-hoshin.versions.'))
      .map((k) => localStorage.getItem(k)));
    assertEqual(histories.length, 2, 'the copy has its own versions');
    assertEqual(histories[0], histories[1], 'the same versions');
  }],

  ['a content pack adds its 記入例 without touching answers, refuses a broken pack, and can be removed', async ({ page, context, url, shot }) => {
    page.on('dialog', (d) => d.accept());
    const otherTab = await context.newPage();
    await openApp(otherTab, url, '#/data');
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('みなと町');
    await page.getByLabel('町', { exact: true }).check();
    await waitSaved(page);
    const before = await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);
    await page.goto(url + '#/data');
    const packFile = path.resolve(__dirname, '../../docs/packs/example-pack.json');
    await page.locator('#pack-file').setInputFiles(packFile);
    await page.getByTestId('pack-message').filter({ hasText: '追加しました' }).waitFor();
    const list = page.getByTestId('pack-list');
    assert((await list.innerText()).includes('○○県 市町村人材確保支援パック（例）'), 'pack name shown');
    assert((await list.innerText()).includes('版 2026.1'), 'pack version shown');
    assertEqual(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY), before, 'answers untouched');
    // Another open tab shows the pack too, without a reload.
    await otherTab.getByTestId('pack-list').getByText('○○県 市町村人材確保支援パック（例）').waitFor();
    await otherTab.close();
    await shot('pack-installed.png');
    await expectNoAxeViolations(page, 'data page with a pack');

    // A broken pack is refused with where the problem is; the installed pack stays.
    const broken = path.join(os.tmpdir(), 'broken-pack.json');
    const bad = JSON.parse(fs.readFileSync(packFile, 'utf8'));
    bad.examples[0].question = 'nowhere.q';
    fs.writeFileSync(broken, JSON.stringify(bad));
    await page.locator('#pack-file').setInputFiles(broken);
    await page.getByTestId('pack-message').filter({ hasText: 'examples[0].question' }).waitFor();
    assertEqual(await list.locator('li').count(), 1, 'installed pack kept');

    // Its 記入例 is offered, marked with the pack's name, and inserts like any other.
    await page.goto(url + '#/section/collaboration');
    const help = page.locator('[data-question="collaboration.muni-use"] .question-help');
    await help.locator('summary').click();
    const example = help.locator('.examples__item').filter({ hasText: '人材プール' });
    await example.waitFor();
    assert((await example.innerText()).includes('○○県 市町村人材確保支援パック（例）より'), 'pack attribution');
    assert((await help.innerText()).includes('合同研修と専門職の人材プール'), 'pack guidance');
    await example.getByRole('button', { name: 'この記入例を入れる' }).click();
    assert((await page.locator('#q-collaboration\\.muni-use').inputValue()).includes('人材プール'), 'inserted');
    // Its KPI example is offered in the library.
    await page.getByText('例から指標を追加する').first().click();
    await page.getByText('県の人材プールの活用件数').first().waitFor();

    await page.goto(url + '#/data');
    await page.getByRole('button', { name: 'パック「○○県 市町村人材確保支援パック（例）」を削除' }).click();
    await page.getByTestId('pack-message').filter({ hasText: '削除しました' }).waitFor();
    await page.goto(url + '#/section/collaboration');
    await help.locator('summary').click();
    await help.locator('.examples__item').first().waitFor();
    assertEqual(await help.locator('.examples__item').filter({ hasText: '人材プールを活用し、土木技術職' }).count(), 0, 'pack example gone');
  }],

  ['storage nearly full: new, open and delete lose nothing (#12)', async ({ page, url }) => {
    const big = '長'.repeat(100_000);
    await page.goto(url);
    await page.evaluate(([a, b]) => {
      localStorage.clear();
      localStorage.setItem('jinzai-hoshin.draft', a);
      localStorage.setItem('jinzai-hoshin.drafts.b', b);
    }, [storedDraft('a', '大きい下書き', big, 2), storedDraft('b', '小さい下書き', '小さい本文', 1)]);
    await page.reload();
    await openApp(page, url, '#/data');
    page.on('dialog', (d) => d.accept());
    await fillStorage(page, 3000);
    const message = page.getByTestId('data-message');
    await page.getByRole('button', { name: '新しい下書きを作成' }).click();
    await message.filter({ hasText: '空きが足りない' }).waitFor();
    await page.getByRole('button', { name: '「小さい下書き」を開く' }).click();
    await message.filter({ hasText: '下書きを開くことができませんでした' }).waitFor();
    assert((await message.innerText()).includes('保存されている内容は変わっていません'), 'says nothing changed');
    let stored = await storedTexts(page);
    assertEqual(stored['jinzai-hoshin.draft'], big, 'the open draft is whole');
    assertEqual(stored['jinzai-hoshin.drafts.b'], '小さい本文', 'the other draft is whole');
    await page.getByRole('button', { name: '「大きい下書き」を削除' }).click();
    await message.filter({ hasText: '削除しました' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    stored = await storedTexts(page);
    assertEqual(stored['jinzai-hoshin.draft'], '小さい本文', 'the next draft is open and whole');
    assertEqual(Object.keys(stored).length, 1, 'only the deleted draft is gone');
    await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('filler.')).forEach((k) => localStorage.removeItem(k)));
  }],

  ['crossing saves: a tab whose stored draft changed unseen keeps its text aside (#12)', async ({ page, url }) => {
    await openApp(page, url, '#/section/purpose');
    const field = page.locator('[data-question="purpose.aim"] textarea');
    await field.fill('最初の文');
    await waitSaved(page);
    // Another tab's save lands, and this tab has not seen its storage event yet.
    await field.fill('このタブの編集');
    await page.evaluate(() => {
      const d = JSON.parse(localStorage.getItem('jinzai-hoshin.draft'));
      d.answers['purpose.aim'].value = '別のタブの編集';
      d.revision = (d.revision || 0) + 1;
      d.saved_by = 'another-tab';
      localStorage.setItem('jinzai-hoshin.draft', JSON.stringify(d));
      window.dispatchEvent(new Event('pagehide'));
    });
    await page.getByTestId('tab-lock').waitFor();
    const stored = await storedTexts(page);
    assertEqual(stored['jinzai-hoshin.draft'], '別のタブの編集', "the other tab's text stays");
    const kept = Object.entries(stored).filter(([k]) => k.startsWith('jinzai-hoshin.kept.'));
    assertEqual(kept.length, 1, 'one kept copy');
    assertEqual(kept[0][1], 'このタブの編集', "this tab's text is kept, 0 characters lost");
    await page.getByTestId('tab-lock').getByRole('button', { name: /このタブで編集を続ける/ }).click();
    assertEqual(await field.inputValue(), '別のタブの編集', 'took over with the stored text');
  }],

  ['behind the lock the page is inert: no focus, typing or keyboard command reaches it (#12)', async ({ page, context, url }) => {
    await openApp(page, url, '#/data');
    const other = await context.newPage();
    await openApp(other, url, '#/section/purpose');
    await other.locator('[data-question="purpose.aim"] textarea').fill('別タブ');
    await waitSaved(other);
    await page.getByTestId('tab-lock').waitFor();
    const before = await page.evaluate(() => JSON.stringify(localStorage));
    assert(await page.locator('main').evaluate((m) => m.inert), 'main is inert');
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      assert(await page.evaluate(() => !!document.activeElement.closest('[data-testid="tab-lock"]') || document.activeElement === document.body),
        'focus stays in the dialog');
    }
    await page.keyboard.type('abc');
    await page.keyboard.press('Escape');
    // 「開く」 or 「新しい下書きを作成」 behind the dialog cannot be reached; even a forced click does nothing.
    await page.getByRole('button', { name: '新しい下書きを作成', includeHidden: true }).click({ force: true, timeout: 1000 }).catch(() => {});
    await page.waitForTimeout(700);
    const after = await page.evaluate(() => JSON.stringify(localStorage));
    assertEqual(after, before, 'the locked tab wrote nothing');
    await other.close();
  }],

  ['a save that throws once is retried, and closing the page saves it (#12)', async ({ page, context, url }) => {
    await openApp(page, url, '#/section/purpose');
    await failNextDraftWrite(page);
    const text = '一度だけ保存に失敗する文章です。'.repeat(4);
    await page.locator('[data-question="purpose.aim"] textarea').fill(text);
    await page.getByTestId('save-status').filter({ hasText: '保存できませんでした' }).waitFor();
    assert(await page.getByTestId('save-failure').isVisible(), 'the backup banner shows');
    await page.close({ runBeforeUnload: true });
    const again = await context.newPage();
    await openApp(again, url, '#/section/purpose');
    assertEqual(await again.locator('[data-question="purpose.aim"] textarea').inputValue(), text, `${text.length} of ${text.length} characters kept`);
    // And without closing: the timer retries.
    await failNextDraftWrite(again);
    await again.locator('[data-question="purpose.aim"] textarea').fill('再試行で保存される');
    await again.getByTestId('save-status').filter({ hasText: '保存できませんでした' }).waitFor();
    await again.getByTestId('save-status').filter({ hasText: '保存しました' }).waitFor({ timeout: 6000 });
    assertEqual((await storedTexts(again))['jinzai-hoshin.draft'], '再試行で保存される', 'retried');
  }],

  ['newer-schema and wrong-kind data are moved aside, never overwritten (#12)', async ({ page, url }) => {
    await page.goto(url);
    const newer = JSON.stringify({ schema_version: 99, id: 'a', name: '新しい版' });
    const wrongKind = JSON.stringify({ schema_version: 2, id: 'a', name: '形式違い', created_at: 1, updated_at: 1,
      answers: { 'purpose.aim': { kind: 'list', value: ['一つ目', '二つ目'] } } });
    await page.evaluate(([newer, wrongKind]) => {
      localStorage.clear();
      localStorage.setItem('jinzai-hoshin.draft', wrongKind);
      localStorage.setItem('jinzai-hoshin.drafts.a', newer);
    }, [newer, wrongKind]);
    await page.reload();
    await openApp(page, url, '#/section/purpose');
    await page.getByRole('alert').filter({ hasText: '形式と合わない' }).waitFor();
    await page.locator('[data-question="purpose.aim"] textarea').fill('新しく書いた文');
    await waitSaved(page);
    let d = JSON.parse(await page.evaluate(() => localStorage.getItem('jinzai-hoshin.draft')));
    assertEqual(JSON.stringify(d.recovered_answers['purpose.aim']), JSON.stringify({ kind: 'list', value: ['一つ目', '二つ目'] }), 'the wrong-kind answer is kept');
    await page.goto(url + '#/data');
    await page.getByRole('button', { name: '新しい下書きを作成' }).click();
    await page.getByTestId('data-message').filter({ hasText: '作成して開きました' }).waitFor();
    const aside = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jinzai-hoshin.unreadable.')).map((k) => localStorage.getItem(k)));
    assert(aside.includes(newer), 'the newer draft was copied aside before its key was written');
    await page.getByTestId('recovered-list').getByText('新しい版のツールで作成されたデータです').waitFor();
  }],

  ['kept copies are listed, shown and restored as a new draft on the data page (#12)', async ({ page, url }) => {
    await page.goto(url);
    await page.evaluate((kept) => { localStorage.clear(); localStorage.setItem('jinzai-hoshin.kept.1764590000000', kept); },
      storedDraft('a', '競合した下書き', '競合で残した文章'));
    await page.reload();
    await openApp(page, url, '#/data');
    const list = page.getByTestId('recovered-list');
    await list.getByText('競合した下書き').waitFor();
    await list.getByRole('button', { name: /競合した下書き」の内容を見る/ }).click();
    await page.getByTestId('recovered-text').filter({ hasText: '競合で残した文章' }).waitFor();
    await list.getByRole('button', { name: /競合した下書き」を下書きとして復元/ }).click();
    await page.getByTestId('draft-list').getByText('（復元）競合した下書き').waitFor();
    page.once('dialog', (d) => d.accept());
    await list.getByRole('button', { name: /競合した下書き」を削除/ }).click();
    await page.getByTestId('recovered-list').filter({ hasText: '退避したデータはありません' }).waitFor();
    const restored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jinzai-hoshin.drafts.')).map((k) => JSON.parse(localStorage.getItem(k)).answers['purpose.aim'].value));
    assertEqual(JSON.stringify(restored), JSON.stringify(['競合で残した文章']), 'restored as a new draft');
    await expectNoAxeViolations(page, 'data page with recovered copies');
  }],

  ['#13 the web package under a deep sub-path: load, typing, reload, DOCX export and offline after the first visit', async ({ page, shot }) => {
    // What a 自治体 puts on its server: dist-package/jinzai-hoshin-web.zip, unpacked into a folder
    // (./task test packages it with the example pack baked in).
    const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'jinzai-web-'));
    execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])',
      path.resolve(__dirname, '../../dist-package/jinzai-hoshin-web.zip'), unpacked]);
    assert(fs.existsSync(path.join(unpacked, 'web.config')), 'the zip carries IIS settings');
    const prefix = '/jinji/tool/2026/';
    const deployment = await privateDeployment(unpacked, prefix);
    const outside = [];
    page.on('request', (r) => {
      const u = new URL(r.url());
      if (u.protocol.startsWith('http') && !u.pathname.startsWith(prefix)) outside.push(r.url());
    });
    try {
      await openApp(page, deployment.url, '#/section/profile');
      assertEqual(await page.getByTestId('edition').innerText(), '（○○県版）', 'the baked pack is in the web package too');
      await page.getByLabel('団体名').fill('サブパス市');
      await waitSaved(page);
      await page.reload();
      await page.getByRole('heading', { level: 1, name: '団体情報・基本設定' }).waitFor();
      assertEqual(await page.getByLabel('団体名').inputValue(), 'サブパス市', 'restored after reload');
      const help = page.locator('[data-question="profile.department"]');
      await help.getByText('書き方のヒントと記入例').click();
      await help.locator('.examples__text').first().waitFor();   // the texts file, relative to the page
      await page.goto(deployment.url + '#/export');
      const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
      assert(download.suggestedFilename().startsWith('サブパス市_'), download.suggestedFilename());
      const bytes = fs.readFileSync(await download.path());
      assertEqual(bytes.subarray(0, 2).toString(), 'PK', 'a DOCX (zip) came back');
      const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
      assertEqual(scope, deployment.url, 'the service worker is scoped to the tool\'s folder');
      await waitControlled(page);
      await deployment.stop();
      await page.goto(deployment.url + '#/section/profile');
      await page.getByRole('heading', { level: 1, name: '団体情報・基本設定' }).waitFor();
      assertEqual(await page.getByLabel('団体名').inputValue(), 'サブパス市', 'loads offline at the sub-path');
      await shot('subpath-offline.png');
      assert(outside.length === 0, `requests outside the tool's folder: ${outside.join(', ')}`);
    } finally {
      await deployment.stop().catch(() => {});
    }
  }],

  ['#13 the normal dist/index.html opened from disk explains what to do instead of a blank page', async ({ page, shot, expectConsoleError }) => {
    // Chromium refuses module scripts from file:// (that refusal is what the message explains).
    expectConsoleError(/CORS|file:|Failed to load|net::ERR/);
    await page.goto(`file://${path.join(DIST, 'index.html')}`);
    const problem = page.locator('#startup-problem');
    await problem.waitFor({ state: 'visible' });
    assertEqual(await problem.getAttribute('data-reason'), 'file', 'the reason is file://');
    const text = await problem.innerText();
    assert(text.includes('ツールを起動できませんでした') && text.includes('jinzai-hoshin.html'), text);
    assertEqual(await page.getByRole('alert').count(), 1, 'announced as an alert');
    await shot('file-normal-build.png');
  }],

  ['#13 a server that breaks the wasm gets a message, not a blank page', async ({ page, shot, expectConsoleError }) => {
    expectConsoleError(/magic word|instantiate|wasm/i);   // the broken file is reported as well
    const deployment = await privateDeployment(DIST);
    try {
      const wasm = fs.readdirSync(deployment.dir).find((f) => /^jinzai-hoshin-[0-9a-f]+_bg\.wasm$/.test(f));
      fs.writeFileSync(path.join(deployment.dir, wasm), '<html>404 Not Found</html>');
      await page.goto(deployment.url);
      const problem = page.locator('#startup-problem');
      await problem.waitFor({ state: 'visible' });
      assertEqual(await problem.getAttribute('data-reason'), 'run', 'the program could not run');
      assert((await problem.innerText()).includes('Microsoft Edge または Google Chrome'), 'what to do');
      await shot('startup-problem-run.png');
    } finally {
      await deployment.stop();
    }
  }],

  ['#13 the single HTML file from disk: load, typing, reopening, DOCX and Markdown, backup import, a version and the baked pack', async ({ page, context, shot }) => {
    page.on('dialog', (d) => d.accept());
    const file = `file://${path.resolve(__dirname, '../../dist-package/jinzai-hoshin.html')}`;
    await openApp(page, file, '#/section/profile');
    const note = page.getByTestId('single-file-note');
    assert((await note.innerText()).includes('ファイルを別のフォルダーや別のパソコンに移しても'), 'where the data lives');
    assertEqual(await page.getByTestId('edition').innerText(), '（○○県版）', 'the baked pack names the edition');
    assertEqual(await page.locator('#startup-problem').count(), 0, 'no startup message once started');
    await page.getByLabel('団体名').fill('ファイル町');
    await page.getByLabel('町', { exact: true }).check();
    await waitSaved(page);
    // Reopened in a new tab, as after a double-click the next morning.
    await page.close();
    const reopened = await context.newPage();
    reopened.on('dialog', (d) => d.accept());
    const errors = [];
    reopened.on('pageerror', (e) => errors.push(e.message));
    await openApp(reopened, file, '#/section/profile');
    assertEqual(await reopened.getByLabel('団体名').inputValue(), 'ファイル町', 'restored after reopening');
    // The baked pack's 記入例 is offered with no import.
    await reopened.goto(file + '#/section/collaboration');
    const help = reopened.locator('[data-question="collaboration.muni-use"] .question-help');
    await help.locator('summary').click();
    await help.locator('.examples__item').filter({ hasText: '人材プール' }).waitFor();
    await reopened.goto(file + '#/data');
    const packs = reopened.getByTestId('pack-list');
    assert((await packs.innerText()).includes('この配布版に収録'), 'listed as the edition\'s own');
    assertEqual(await packs.getByRole('button', { name: /削除/ }).count(), 0, 'a baked pack cannot be removed');
    // Exports through the worker started from a blob: URL.
    await reopened.goto(file + '#/export');
    await reopened.getByTestId('preview').locator('.preview__cover').waitFor();
    const [docx] = await Promise.all([reopened.waitForEvent('download'), reopened.getByTestId('export-docx').click()]);
    assert(docx.suggestedFilename().startsWith('ファイル町_') && docx.suggestedFilename().endsWith('.docx'), docx.suggestedFilename());
    assertEqual(fs.readFileSync(await docx.path()).subarray(0, 2).toString(), 'PK', 'DOCX bytes');
    const [md] = await Promise.all([reopened.waitForEvent('download'), reopened.getByTestId('export-markdown').click()]);
    assert(fs.readFileSync(await md.path(), 'utf8').includes('ファイル町'), 'Markdown carries the name');
    // A named version.
    await reopened.goto(file + '#/versions');
    await reopened.getByLabel('版の名前').fill('ファイル版 第1版');
    await reopened.getByRole('button', { name: '版として保存' }).click();
    await reopened.getByTestId('versions-message').filter({ hasText: '保存しました' }).waitFor();
    // Backup, delete everything, import.
    await reopened.goto(file + '#/data');
    const [backup] = await Promise.all([reopened.waitForEvent('download'), reopened.getByTestId('backup').click()]);
    const saved = path.join(__dirname, 'out', 'single-file-backup.json');
    await backup.saveAs(saved);
    await reopened.getByRole('button', { name: 'この端末のデータをすべて削除' }).click();
    await reopened.getByTestId('data-message').filter({ hasText: '削除しました' }).waitFor();
    await reopened.getByLabel('読み込むファイル').setInputFiles(saved);
    await reopened.getByTestId('data-message').filter({ hasText: '1件の下書きを追加しました' }).waitFor();
    assert((await reopened.getByTestId('pack-list').innerText()).includes('この配布版に収録'), 'the baked pack survives deleting everything');
    await reopened.screenshot({ path: path.join(__dirname, 'out', 'single-file-data.png'), fullPage: true });
    assertEqual(errors.join('\n'), '', 'no page errors in the reopened file');
  }],

  ['no axe-core violations on the task list and a section page', async ({ page, url }) => {
    await openApp(page, url);
    await expectNoAxeViolations(page, 'task list');
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('計画期間の開始年度').fill('R8'); // include the error state
    for (const summary of await page.locator('summary').all()) await summary.click();
    await expectNoAxeViolations(page, 'section page (all disclosures open, with an error)');
    // The check itself must be able to fail: plant an unlabelled input and expect a violation.
    await page.evaluate(() => {
      const planted = document.createElement('input');
      planted.id = 'planted';
      document.querySelector('main').append(planted);
    });
    const caught = await expectNoAxeViolations(page, 'planted').then(() => null, (e) => e.message);
    assert(caught && caught.includes('label'), `planted violation detected (${caught})`);
    await page.evaluate(() => document.getElementById('planted').remove());
    await openApp(page, url, '#/check');
    await expectNoAxeViolations(page, 'check answers');
    await openApp(page, url, '#/data');
    await expectNoAxeViolations(page, 'data management');
  }],
];

const DIST = path.resolve(process.argv[2] || 'dist');
run(DIST, tests);
