// Browser tests — Editing: the task list, typing and saving, 記入例, 団体区分, KPIs, keyboard use, the check and coverage pages, axe.
'use strict';
const { assert, assertEqual } = require('../harness.js');
const {
  expectNoAxeViolations, openApp, waitSaved, tabTo, sectionIds, taskStatus,
} = require('../helpers.js');

module.exports = [
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
    await start.fill('８年');
    const error = page.locator('[data-question="profile.plan-start"] .field__error');
    await error.filter({ hasText: '西暦か和暦' }).waitFor();
    assertEqual(await start.getAttribute('aria-invalid'), 'true', 'aria-invalid');
    const describedBy = await start.getAttribute('aria-describedby');
    const errorId = await error.getAttribute('id');
    assert(describedBy.split(' ').includes(errorId), 'error linked with aria-describedby');
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
    await firstRow.getByLabel('現状値の年度', { exact: true }).fill('2024');
    await firstRow.getByLabel('目標値', { exact: true }).fill('20');
    await firstRow.getByLabel('目標年度', { exact: true }).fill('2030');
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
    // The legend follows the name as it is typed, and typing never redraws the field.
    assertEqual((await rows.nth(0).locator('legend').innerText()).trim(), '指標1：女性管理職比率', 'row title');
    const nameBox = await rows.nth(0).getByLabel('指標名').elementHandle();
    await rows.nth(0).getByLabel('指標名').focus();
    await page.keyboard.press('End');
    await rows.nth(0).getByLabel('指標名').pressSequentially('（本庁）');
    assert(await nameBox.evaluate((el) => el.isConnected && el === document.activeElement), 'the field is not redrawn while typing');
    assertEqual((await rows.nth(0).locator('legend').innerText()).trim(), '指標1：女性管理職比率（本庁）', 'row title while typing');
    await rows.nth(0).getByLabel('指標名').fill('女性管理職比率');
    const value = rows.nth(0).getByLabel('現状値', { exact: true });
    await value.fill('約15');
    const error = rows.nth(0).locator('.field__error', { hasText: '数値で入力' });
    await error.waitFor();
    assertEqual(await value.getAttribute('aria-invalid'), 'true', 'aria-invalid');
    assert((await value.getAttribute('aria-describedby')).includes(await error.getAttribute('id')), 'error linked');
    await value.fill('１５．５');
    await error.waitFor({ state: 'detached' }).catch(() => {});
    assertEqual(await rows.nth(0).locator('.field__error:not(:empty)').count(), 0, 'full-width number accepted');
    await rows.nth(0).getByLabel('現状値の年度', { exact: true }).fill('2025');
    const era = rows.nth(0).locator('.field__era').first();
    assertEqual((await era.innerText()).trim(), '令和7年度', '和暦 beside the year');
    assert((await rows.nth(0).getByLabel('現状値の年度', { exact: true }).getAttribute('aria-describedby')).includes(await era.getAttribute('id')), '和暦 linked');
    await rows.nth(0).getByLabel('目標年度', { exact: true }).fill('2024');
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

  ['a pillar page lists its own KPI rows; choosing another pillar moves the row to that page', async ({ page, url }) => {
    await openApp(page, url, '#/section/recruitment');
    const builder = page.getByTestId('kpi-builder');
    await builder.getByRole('button', { name: '空の指標を追加' }).click();
    const rows = builder.locator('.kpi-row');
    assertEqual(await rows.count(), 1, 'one row on the pillar page');
    const pillar = rows.nth(0).getByLabel('分野', { exact: true });
    assertEqual(await pillar.inputValue(), 'recruitment', 'added to this pillar');
    await rows.nth(0).getByLabel('指標名').fill('採用試験の受験者数');
    await pillar.selectOption('workplace');
    await builder.locator('.kpi-builder__empty').waitFor();
    assertEqual(await rows.count(), 0, 'the row left this pillar\'s list');
    await page.goto(`${url}#/section/workplace`);
    const moved = page.getByTestId('kpi-builder').locator('.kpi-row');
    await moved.first().waitFor();
    assertEqual(await moved.first().getByLabel('指標名').inputValue(), '採用試験の受験者数', 'the row is on the other pillar');
    await page.goto(`${url}#/section/targets`);
    const all = page.getByTestId('kpi-builder').locator('.kpi-row');
    await all.first().waitFor();
    assertEqual(await all.count(), 1, 'the full list has it once');
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
