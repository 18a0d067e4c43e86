// Browser tests — Content packs: install, refuse a broken one, offer its 記入例, remove.
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { assert, assertEqual } = require('../harness.js');
const {
  expectNoAxeViolations, DRAFT_KEY, openApp, waitSaved, REPO_ROOT,
} = require('../helpers.js');

module.exports = [
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
    const packFile = path.join(REPO_ROOT, 'docs', 'packs', 'example-pack.json');
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
];
