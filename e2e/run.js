// Browser tests of what a user does: type, reload, mark complete, recover from bad storage.
// Usage: node e2e/run.js <dist-dir>     (ONLY=<name part> runs a subset)
'use strict';
const fs = require('fs');
const { run, assert, assertEqual } = require('./harness.js');

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.x A/AA rules) on the current page; fails listing every violation. */
async function expectNoAxeViolations(page, where) {
  await page.addScriptTag({ content: AXE_SOURCE });
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

function taskStatus(page, sectionId) {
  return page.locator(`.task-list__item[data-section="${sectionId}"] [data-testid="task-status"]`);
}

const tests = [
  ['task list shows every section in Japanese', async ({ page, url, shot }) => {
    await openApp(page, url);
    assertEqual(await page.title(), '人材育成・確保基本方針 策定支援ツール', 'title');
    assertEqual(await page.locator('html').getAttribute('lang'), 'ja', 'lang');
    const rows = page.locator('.task-list__item');
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
    const total = await page.locator('.task-list__item').count();
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
    await page.waitForURL(/#\/section\/(?!profile)/);
    assert((await page.locator('.step-nav [aria-current="step"]').innerText()) !== '団体情報・基本設定', 'current moved');
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

  ['no axe-core violations on the task list and a section page', async ({ page, url }) => {
    await openApp(page, url);
    await expectNoAxeViolations(page, 'task list');
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('計画期間の開始年度').fill('R8'); // include the error state
    for (const summary of await page.locator('summary').all()) await summary.click();
    await expectNoAxeViolations(page, 'section page (all disclosures open, with an error)');
    // The check itself must be able to fail: plant an unlabelled input and expect a violation.
    await page.evaluate(() => document.querySelector('main').append(document.createElement('input')));
    const caught = await expectNoAxeViolations(page, 'planted').then(() => null, (e) => e.message);
    assert(caught && caught.includes('label'), `planted violation detected (${caught})`);
  }],
];

run(process.argv[2] || 'dist', tests);
