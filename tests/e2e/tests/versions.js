// Browser tests — Named versions: save, diff, restore, delete, and versions in the backup.
'use strict';
const fs = require('fs');
const { assert, assertEqual } = require('../harness.js');
const {
  expectNoAxeViolations, openApp, waitSaved,
} = require('../helpers.js');

module.exports = [
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
  ['#14 a half-typed version name and the chosen comparison survive the list changing under them', async ({ page, url }) => {
    page.on('dialog', (d) => d.accept());
    await openApp(page, url, '#/versions');
    for (const name of ['第1版', '第2版', '第3版']) {
      await page.getByLabel('版の名前').fill(name);
      await page.getByRole('button', { name: '版として保存' }).click();
      await page.getByTestId('versions-message').filter({ hasText: `「${name}」として保存しました` }).waitFor();
    }
    assertEqual(await page.getByLabel('版の名前').inputValue(), '', 'the name is cleared after a save');
    const newest = await page.locator('[data-testid="version-list"] li').first().getAttribute('data-version');
    assertEqual(await page.locator('#compare-from').inputValue(), newest, 'untouched, 比べる元 follows the newest version');
    assertEqual(await page.locator('#compare-to').inputValue(), 'current', 'and 比べる先 is the current draft');
    const ids = await page.locator('[data-testid="version-list"] li').evaluateAll((items) => items.map((li) => li.dataset.version));
    const [third, second, first] = ids;
    await page.locator('#compare-from').selectOption(first);
    await page.locator('#compare-to').selectOption(second);
    await page.getByLabel('版の名前').fill('パブリックコメント用（途中');
    // Deleting 第3版 re-renders the list and the compare form.
    await page.getByRole('button', { name: '版「第3版」を削除' }).click();
    await page.getByTestId('versions-message').filter({ hasText: '「第3版」を削除しました' }).waitFor();
    assertEqual(await page.locator('[data-testid="version-list"] li').count(), 2, 'the list changed');
    assertEqual(await page.locator(`#compare-from option[value="${third}"]`).count(), 0, 'the compare form was rendered again');
    assertEqual(await page.getByLabel('版の名前').inputValue(), 'パブリックコメント用（途中', 'the half-typed name stays');
    assertEqual(await page.locator('#compare-from').inputValue(), first, 'the chosen 比べる元 stays');
    assertEqual(await page.locator('#compare-to').inputValue(), second, 'the chosen 比べる先 stays');
    // A chosen version that is deleted falls back to the default pair.
    await page.locator('#compare-to').selectOption(ids[1]);
    await page.getByRole('button', { name: '版「第2版」を削除' }).click();
    await page.getByTestId('versions-message').filter({ hasText: '「第2版」を削除しました' }).waitFor();
    assertEqual(await page.locator('#compare-to').inputValue(), 'current', 'falls back to the current draft');
  }],
];
