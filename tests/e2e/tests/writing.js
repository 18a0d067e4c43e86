// Browser tests — Writing help (#16): 記入例 in the town's words and 文体, tables like a
// spreadsheet (記入例 rows, Excel paste, growing cells, reflow at 320 px), years as typed, the
// 仕上げチェック and the completion note.
'use strict';
const { assert, assertEqual } = require('../harness.js');
const { expectNoAxeViolations, openApp, waitSaved, pasteText } = require('../helpers.js');

/** みどり町, 町, である調 (the profile a small-town officer starts with). */
async function townProfile(page, url, style = 'である調') {
  await openApp(page, url, '#/section/profile');
  await page.getByLabel('団体名').fill('みどり町');
  await page.getByLabel('町', { exact: true }).check();
  if (style) await page.getByLabel(style, { exact: true }).check();
  await waitSaved(page);
}

/** The document is no wider than the viewport (no sideways page scroll, WCAG 1.4.10). */
async function expectNoSidewaysScroll(page, where) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert(scroll <= width, `${where}: the page is ${scroll}px wide in a ${width}px viewport`);
}

const TABLES = [
  ['competencies', 'competencies.role-matrix'],
  ['appendix', 'appendix.revision-history'],
  ['appendix', 'appendix.drafting-process'],
  ['context', 'context.age-structure'],
  ['context', 'context.applicants'],
  ['context', 'context.retirements'],
];

module.exports = [
  ['a 記入例 inserted into a town draft in である調 speaks of 本町 in である調', async ({ page, url, shot }) => {
    await townProfile(page, url);
    await page.goto(url + '#/section/purpose');
    const question = page.locator('[data-question="purpose.trigger"]');
    await question.getByText('書き方のヒントと記入例').click();
    const shown = await question.locator('.examples__text').allTextContents();
    assert(shown.length > 0, 'examples shown');
    for (const text of shown) {
      assert(!/本市|市民|○○町|\{/.test(text), `example in the town's words: ${text}`);
      assert(!/(です|ます)。/.test(text), `example in である調: ${text}`);
    }
    const item = question.locator('.examples__item').filter({ hasText: 'みどり町人材育成基本方針' });
    await item.getByRole('button', { name: 'この記入例を入れる' }).click();
    const field = page.locator('#q-purpose\\.trigger');
    const value = await field.inputValue();
    assert(
      value.startsWith('本町では、これまで「みどり町人材育成基本方針」に基づき職員の育成に努めてきた。'),
      `inserted in town words and である調: ${value}`,
    );
    assert(!/(です|ます)。/.test(value), `no です・ます sentence: ${value}`);
    await page.waitForFunction(() => document.activeElement.id === 'q-purpose.trigger');
    await waitSaved(page);
    await shot('examples-town-dearu.png');
    // With no 文体 chosen, the examples say which one they use.
    await page.goto(url + '#/section/profile');
    await page.getByLabel('である調', { exact: true }).waitFor();
    await page.evaluate(() => {
      const key = 'jinzai-hoshin.draft';
      const d = JSON.parse(localStorage.getItem(key));
      delete d.answers['profile.writing-style'];
      localStorage.setItem(key, JSON.stringify(d));
    });
    await page.reload();
    await page.goto(url + '#/section/purpose');
    await page.locator('[data-question="purpose.trigger"]').getByText('書き方のヒントと記入例').click();
    await page.getByText('多くの団体の方針と同じです・ます調で示しています').first().waitFor();
  }],

  ['a block pasted from Excel fills the table from the cell, adding rows, and survives a reload', async ({ page, url }) => {
    await openApp(page, url, '#/section/competencies');
    const table = page.locator('[data-question="competencies.role-matrix"]');
    await table.getByRole('button', { name: '行を追加' }).click();
    const first = page.locator('#q-competencies\\.role-matrix-0-0');
    await first.fill('部長級');
    const tsv = '課長級\t課を管理する\t判断力\r\n係長級\t"係を\r\nまとめる"\t調整力\r\n主任級\t担当業務を進める\t専門知識\r\n';
    await pasteText(page.locator('#q-competencies\\.role-matrix-0-0'), tsv);
    await page.locator('#q-competencies\\.role-matrix-2-2').waitFor();
    const cells = async () => page.locator('[data-question="competencies.role-matrix"] tbody tr').evaluateAll(
      (rows) => rows.map((r) => [...r.querySelectorAll('textarea')].map((t) => t.value)),
    );
    const expected = [
      ['課長級', '課を管理する', '判断力'],
      ['係長級', '係を\nまとめる', '調整力'],
      ['主任級', '担当業務を進める', '専門知識'],
    ];
    assertEqual(JSON.stringify(await cells()), JSON.stringify(expected), 'cells after paste');
    // Text for one cell (no tabs) stays in that cell.
    const cell = page.locator('#q-competencies\\.role-matrix-1-1');
    await waitSaved(page);
    await page.reload();
    await page.locator('#q-competencies\\.role-matrix-2-2').waitFor();
    assertEqual(JSON.stringify(await cells()), JSON.stringify(expected), 'cells after reload');
    // A cell grows with its text: nothing is hidden behind a scrollbar.
    await cell.fill('課内の業務を取りまとめ、係員を指導する。\n係の目標を示し、進み具合を確かめる。\n他の係と調整する。');
    const hidden = await cell.evaluate((el) => el.scrollHeight - el.clientHeight);
    assert(hidden <= 2, `cell hides ${hidden}px of text`);
  }],

  ['every table kind, filled from its 記入例, scrolls in its own box at 320 and 400 px', async ({ page, url, shot }) => {
    await townProfile(page, url, null);
    for (const width of [320, 400]) {
      await page.setViewportSize({ width, height: 800 });
      for (const [section, question] of TABLES) {
        await page.goto(url + `#/section/${section}`);
        const q = page.locator(`[data-question="${question}"]`);
        await q.waitFor();
        if (width === 320) {
          await q.getByText('書き方のヒントと記入例').click();
          await q.getByRole('button', { name: 'この記入例を入れる' }).first().click();
          await page.locator(`[data-question="${question}"] tbody tr`).first().waitFor();
        }
        const rows = await q.locator('tbody tr').count();
        assert(rows >= 2, `${question}: example rows inserted (${rows})`);
        await expectNoSidewaysScroll(page, `${question} at ${width}px`);
        const box = await q.locator('.table-field__scroll').evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
        assert(box.scroll >= box.client, `${question}: the table scrolls inside its box`);
      }
      await page.goto(url + '#/section/targets');
      await page.getByTestId('kpi-builder').waitFor();
      await page.getByTestId('kpi-builder').getByRole('button', { name: '空の指標を追加' }).click();
      await expectNoSidewaysScroll(page, `KPI table at ${width}px`);
      await page.goto(url + '#/export');
      await page.getByTestId('preview').locator('table').first().waitFor();
      await expectNoSidewaysScroll(page, `export preview at ${width}px`);
      if (width === 320) await shot('tables-320.png');
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }],

  ['years are accepted as people write them, with the 和暦 beside the field', async ({ page, url }) => {
    await openApp(page, url, '#/section/profile');
    const start = page.getByLabel('計画期間の開始年度');
    const era = page.locator('[data-question="profile.plan-start"] .field__era');
    for (const [typed, shown] of [['令和8', '（令和8年度）'], ['R9', '（令和9年度）'], ['令10', '（令和10年度）'], ['２０３１', '（令和13年度）']]) {
      await start.fill(typed);
      await era.filter({ hasText: shown }).waitFor();
      assertEqual(await start.getAttribute('aria-invalid'), null, `${typed} is valid`);
    }
    await start.fill('明日');
    const error = page.locator('[data-question="profile.plan-start"] .field__error');
    await error.filter({ hasText: '「2026」「令和8」「R8」' }).waitFor();
    assertEqual(await start.getAttribute('aria-invalid'), 'true', 'aria-invalid');
  }],

  ['the 仕上げチェック lists a leftover ○ with a link that focuses the field, on the check and export pages', async ({ page, url, shot }) => {
    await townProfile(page, url);
    await page.goto(url + '#/section/purpose');
    await page.locator('#q-purpose\\.trigger').fill('第○次みどり町総合計画の策定を受けて、方針を改定する。\n研修を充実します。');
    await waitSaved(page);
    await page.goto(url + '#/check');
    const finishing = page.getByTestId('finishing');
    await finishing.waitFor();
    const placeholder = finishing.locator('li').filter({ hasText: '『○』が残っています' });
    await placeholder.filter({ hasText: '第○次みどり町総合計画' }).waitFor();
    await finishing.locator('li').filter({ hasText: 'である調ではない文です' }).filter({ hasText: '研修を充実します。' }).waitFor();
    await finishing.locator('li').filter({ hasText: '必須の項目が未記入です' }).first().waitFor();
    await shot('finishing-check.png');
    await expectNoAxeViolations(page, 'check page with the 仕上げチェック');
    await placeholder.getByRole('link').click();
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'q-purpose.trigger');
    await page.getByRole('link', { name: '入力内容の確認ページに戻る' }).first().waitFor();
    // The export page says how many points are open, and exporting stays possible.
    await page.goto(url + '#/export');
    const summary = page.getByTestId('export-finishing').getByTestId('finishing-summary');
    await summary.filter({ hasText: /確かめたい点が[0-9]+件あります/ }).waitFor();
    assert(await page.getByTestId('export-docx').isEnabled(), 'export is not blocked');
    const cellLink = page.getByTestId('export-finishing').getByRole('link').filter({ hasText: '策定（改定）の趣旨' }).first();
    await cellLink.click();
    await page.getByRole('link', { name: '書き出し・印刷に戻る' }).first().waitFor();
    await shot('finishing-link-target.png');
  }],

  ['completing a section with an empty ※必須 field shows a note whose links focus the field', async ({ page, url }) => {
    await openApp(page, url, '#/section/ideal-staff');
    const note = page.getByTestId('completion-note');
    assertEqual((await note.innerText()).trim(), '', 'no note before completing');
    await page.getByTestId('complete-section').check();
    await note.filter({ hasText: '必須の項目が未記入です' }).waitFor();
    assert(await page.getByTestId('complete-section').isChecked(), 'completion is not blocked');
    await note.getByRole('button', { name: '目指すべき職員像' }).click();
    await page.waitForFunction(() => document.activeElement && document.activeElement.id === 'q-ideal-staff.profiles');
    await page.locator('#q-ideal-staff\\.profiles').fill('住民の声を聴き、自ら考えて行動する職員');
    await page.waitForFunction(() => document.querySelector('[data-testid="completion-note"]').textContent.trim() === '');
  }],

  ['leaving the KPI page while a field still has focus loses nothing and raises no error', async ({ page, url }) => {
    await openApp(page, url, '#/');
    await page.goto(url + '#/section/targets');
    const builder = page.getByTestId('kpi-builder');
    await builder.getByRole('button', { name: '空の指標を追加' }).click();
    const year = builder.locator('.kpi-row').first().getByLabel('目標年度', { exact: true });
    await year.fill('R12');
    await builder.getByText('令和12年度').waitFor();
    // The browser's back button while the field still has focus: its change event fires after
    // the page is gone (any page error fails the test).
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: '人材育成・確保基本方針の作成' }).waitFor();
    await page.goto(url + '#/section/targets');
    const again = page.getByTestId('kpi-builder').locator('.kpi-row').first().getByLabel('目標年度', { exact: true });
    assertEqual(await again.inputValue(), 'R12', 'the typed year is kept');
  }],
];
