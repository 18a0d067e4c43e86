// Browser tests — Data safety: backups, several drafts, malformed imports, failed writes, second tabs, full storage, kept copies.
'use strict';
const fs = require('fs');
const path = require('path');
const { assert, assertEqual } = require('../harness.js');
const {
  expectNoAxeViolations, DRAFT_KEY, openApp, waitSaved, storedDraft, fillStorage, failNextDraftWrite, storedTexts, OUT_DIR, REPO_ROOT,
} = require('../helpers.js');

module.exports = [
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

  ['a JSON backup restores the draft after deleting everything', async ({ page, url }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('バックアップ市');
    await waitSaved(page);
    await page.goto(url + '#/data');
    await page.getByTestId('last-backup').filter({ hasText: 'まだ保存していません' }).waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('backup').click()]);
    assert(download.suggestedFilename().startsWith('バックアップ市_人材育成・確保基本方針_バックアップ_'), download.suggestedFilename());
    const file = path.join(OUT_DIR, 'backup.json');
    await download.saveAs(file);
    await page.getByTestId('last-backup').filter({ hasText: '今日' }).waitFor();
    page.once('dialog', (d) => { assert(d.message().includes('すべて削除'), d.message()); d.accept(); });
    await page.getByRole('button', { name: 'この端末のデータをすべて削除' }).click();
    await page.getByTestId('data-message').filter({ hasText: '削除しました' }).waitFor();
    // After deleting everything only an untouched empty draft is left: the import replaces it (#15).
    await page.getByLabel('読み込むファイル').setInputFiles(file);
    await page.getByTestId('data-message').filter({ hasText: '1件の下書きを読み込み、開きました' }).waitFor();
    assertEqual(await page.locator('[data-testid="draft-list"] li').count(), 1, 'the empty draft gave way');
    assert((await page.getByTestId('header-draft').innerText()).includes('バックアップ市'), 'the header names the imported draft');
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
    const dir = path.join(REPO_ROOT, 'tests', 'fixtures', 'bad-imports');
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
    const file = path.join(OUT_DIR, 'quota-backup.json');
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
];
