// Browser tests — Trust and clarity (#15): no development markers on any page, the open draft
// always named, progress in the drafts list, and an import that never removes a draft with content.
'use strict';
const { assert, assertEqual } = require('../harness.js');
const { openApp, waitSaved, sectionIds, OUT_DIR } = require('../helpers.js');
const path = require('path');

// What a user must never read (see content::NOT_FOR_USERS), and the one outside page we link to
// besides the official pages of the bodies named as examples.
const MARKERS = ['再構成', '要確認', 'brief', 'localStorage', '.md', 'http', 'www.'];
const OFFICIAL_LINK = /^https:\/\/(www\.soumu\.go\.jp|[\w.-]+\.(go|lg)\.jp)\//;

async function expectPlainPage(page, where) {
  await page.waitForFunction(() => !document.body.innerText.includes('表示の準備をしています'));
  const text = await page.locator('body').innerText();
  for (const word of MARKERS) {
    const at = text.indexOf(word);
    assert(at < 0, `${where} shows 「${word}」: …${text.slice(Math.max(0, at - 40), at + 40)}…`);
  }
  const external = await page.locator('a[href^="http"]').evaluateAll((as) => as.map((a) => a.href));
  for (const href of external) assert(OFFICIAL_LINK.test(href), `${where} links outside official pages: ${href}`);
}

module.exports = [
  ['#15 no page shows a development marker, storage jargon, a file name or an unofficial link', async ({ page, url }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('みどり町');
    await waitSaved(page);
    const ids = await sectionIds(page, url);
    assert(ids.length >= 14, 'every section');
    await expectPlainPage(page, 'the task list');
    for (const id of ids) {
      await page.goto(`${url}#/section/${id}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      // The long texts (guidance, 記入例) arrive after the page: open every disclosure.
      await page.locator('details').evaluateAll((ds) => ds.forEach((d) => { d.open = true; }));
      await page.waitForTimeout(150);
      await expectPlainPage(page, `section ${id}`);
    }
    for (const hash of ['#/check', '#/coverage', '#/versions', '#/export', '#/data', '#/about']) {
      await openApp(page, url, hash);
      await expectPlainPage(page, hash);
    }
    // The about page explains the sources and links the official 指針.
    await openApp(page, url, '#/about');
    await page.getByRole('link', { name: '総務省の指針のページ' }).waitFor();
    await page.getByRole('heading', { name: '改定した団体の方針に見られる記載' }).waitFor();
    // A point's provenance is its description, never part of its label.
    await openApp(page, url, '#/section/ideal-staff');
    const checkbox = page.locator('.checklist input[type="checkbox"]').first();
    const label = await page.locator(`label[for="${await checkbox.getAttribute('id')}"]`).innerText();
    const described = await page.locator(`#${await checkbox.getAttribute('aria-describedby')}`).innerText();
    assert(described.length > 0 && !label.includes(described), `label 「${label}」, description 「${described}」`);
  }],

  ['#15 the open draft is named on the home page and in the header, and the drafts list shows progress', async ({ page, url }) => {
    await openApp(page, url);
    assert((await page.getByTestId('open-draft').innerText()).includes('名称未設定の下書き'), 'a new draft is named too');
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('みどり町');
    await page.getByLabel('このセクションを完了にする').check();
    await waitSaved(page);
    await openApp(page, url);
    const home = await page.getByTestId('open-draft').innerText();
    assert(home.includes('みどり町'), home);
    assert((await page.getByTestId('header-draft').innerText()).includes('みどり町'), 'header');
    await page.getByTestId('open-draft').getByRole('link').click();
    await page.getByRole('heading', { name: 'データの管理（バックアップ）' }).waitFor();
    const progress = await page.getByTestId('draft-progress').first().innerText();
    assert(/全\d+項目中1項目完了/.test(progress), `the completed profile counts: ${progress}`);
    // After 「新しい下書きを作成」 the home page names the new draft, so no work looks lost.
    await page.getByRole('button', { name: '新しい下書きを作成' }).click();
    await page.getByTestId('data-message').filter({ hasText: '作成して開きました' }).waitFor();
    await openApp(page, url);
    assert((await page.getByTestId('open-draft').innerText()).includes('名称未設定の下書き'), 'the new one');
  }],

  ['#15 an import never removes a draft that has content', async ({ page, url }) => {
    await openApp(page, url, '#/data');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup').click()]);
    const file = path.join(OUT_DIR, 'empty-backup.json');
    await download.saveAs(file);
    await openApp(page, url, '#/section/purpose');
    await page.locator('#q-purpose\\.aim').fill('一文字でも書いた下書きは残す。');
    await waitSaved(page);
    await openApp(page, url, '#/data');
    await page.getByLabel('読み込むファイル').setInputFiles(file);
    await page.getByTestId('data-message').filter({ hasText: '1件の下書きを追加しました' }).waitFor();
    assertEqual(await page.locator('[data-testid="draft-list"] li').count(), 2, 'both drafts kept');
  }],
];
