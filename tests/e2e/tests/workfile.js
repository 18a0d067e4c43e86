// Browser tests — #25 the work file: a file of the user's choosing as a second store, a browser
// that blocks or wipes site data, a file changed behind the tab, a damaged file, crossing saves
// between tabs, and the single HTML file from file://.
//
// Headless Chromium cannot drive the file pickers, so an init script answers them with files of the
// origin private file system: real FileSystemFileHandles with createWritable, so the app's own code
// path runs. Their permission calls are answered too ('prompt' until requestPermission).
'use strict';
const fs = require('fs');
const path = require('path');
const { assert, assertEqual } = require('../harness.js');
const { openApp, waitSaved, storedTexts, expectNoAxeViolations, OUT_DIR, DIST_PACKAGE, DRAFT_KEY } = require('../helpers.js');

const FILE = 'みどり町_人材育成・確保基本方針_作業ファイル.json';

/** Answers both pickers with the private file `name`; permission is 'prompt' until asked for. */
function answerPickers(context, name = FILE) {
  return context.addInitScript((name) => {
    if (typeof FileSystemHandle === 'undefined') return; // about:blank
    const handle = async (create) => (await navigator.storage.getDirectory()).getFileHandle(name, { create });
    window.showSaveFilePicker = async (options) => { window.__saveOptions = options; return handle(true); };
    window.showOpenFilePicker = async () => [await handle(false)];
    let granted = false;
    FileSystemHandle.prototype.queryPermission = async () => (granted ? 'granted' : 'prompt');
    FileSystemHandle.prototype.requestPermission = async () => { granted = true; window.__deny = false; return 'granted'; };
    // `window.__deny = true` makes writing fail as when the permission lapses.
    const createWritable = FileSystemFileHandle.prototype.createWritable;
    FileSystemFileHandle.prototype.createWritable = function (...args) {
      if (window.__deny) return Promise.reject(new DOMException('denied', 'NotAllowedError'));
      return createWritable.apply(this, args);
    };
  }, name);
}

/** The private file's text (null when it does not exist). */
function fileText(page, name = FILE) {
  return page.evaluate(async (name) => {
    try {
      const dir = await navigator.storage.getDirectory();
      return await (await (await dir.getFileHandle(name)).getFile()).text();
    } catch (e) { return null; }
  }, name);
}

function writeFile(page, text, name = FILE) {
  return page.evaluate(async ([name, text]) => {
    const dir = await navigator.storage.getDirectory();
    const w = await (await dir.getFileHandle(name, { create: true })).createWritable();
    await w.write(text);
    await w.close();
  }, [name, text]);
}

const aimOf = (text) => JSON.parse(text).drafts[0].answers['purpose.aim'].value;
const aim = (page) => page.locator('[data-question="purpose.aim"] textarea');

async function waitFileSaved(page) {
  await page.getByTestId('file-status').filter({ hasText: '保存しました' }).waitFor({ timeout: 5000 });
}

/** Types `text` as the aim and waits until the file holds it. */
async function typeAndSave(page, text) {
  await page.goto(page.url().split('#')[0] + '#/section/purpose');
  await aim(page).fill(text);
  for (let i = 0; i < 50; i++) {
    const onDisk = await fileText(page);
    if (onDisk && onDisk.includes(text)) return;
    await page.waitForTimeout(100);
  }
  throw new Error(`the file never held ${text}`);
}

async function chooseFile(page, url) {
  await openApp(page, url);
  await page.getByTestId('work-file').getByRole('button', { name: 'ファイルに保存' }).click();
  await page.getByTestId('work-file-message').filter({ hasText: 'に保存します' }).waitFor();
}

module.exports = [
  ['#25 choosing a work file: every autosave writes it, and the status line names it', async ({ page, context, url, shot }) => {
    await answerPickers(context);
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('みどり町');
    await waitSaved(page);
    await page.goto(url + '#/');
    assert((await page.getByTestId('work-file-where').innerText()).includes('未設定'), 'no file yet');
    assert((await page.getByTestId('work-file-mode').innerText()).includes('自動で保存'), 'the file mode is said');
    await chooseFile(page, url);
    assertEqual(await page.evaluate(() => window.__saveOptions.suggestedName), FILE, 'the suggested name');
    await waitFileSaved(page);
    assert((await page.getByTestId('file-status').innerText()).includes(`ファイルにも保存しました`), 'status says so');
    assert((await page.getByTestId('file-status').innerText()).includes(FILE), 'and names the file');
    await shot('workfile-home.png');
    await typeAndSave(page, '作業ファイルに入る文章です。');
    const text = await fileText(page);
    const file = JSON.parse(text);
    assertEqual(file.format, 'jinzai-hoshin-backup', 'the backup format');
    assertEqual(file.drafts.length, 1, 'one draft, never another draft’s data');
    assertEqual(aimOf(text), '作業ファイルに入る文章です。', 'the file holds the typed text');
    assertEqual((await storedTexts(page))[DRAFT_KEY], '作業ファイルに入る文章です。', 'and the browser too');
    await page.goto(url + '#/data');
    assert((await page.getByTestId('work-file-where').innerText()).includes(FILE), 'the data page names the file');
    assert((await page.getByTestId('handover').innerText()).includes('後任の方'), 'the handover lines');
    await page.getByTestId('storage-persisted').filter({ hasText: '保護' }).waitFor();
    await expectNoAxeViolations(page, 'the data page with a work file');
    await shot('workfile-data.png');
    // On a shared PC, deleting everything forgets the file too (the file itself stays).
    page.once('dialog', (d) => { assert(d.message().includes('作業ファイルそのものは削除しません'), d.message()); d.accept(); });
    await page.getByRole('button', { name: 'この端末のデータをすべて削除' }).click();
    await page.getByTestId('data-message').filter({ hasText: '削除しました' }).waitFor();
    await page.waitForTimeout(300);
    await page.reload();
    await page.getByTestId('work-file-first').waitFor();
    assertEqual(await page.getByTestId('file-resume').count(), 0, 'no remembered file offered');
    assert((await page.getByTestId('work-file-where').innerText()).includes('未設定'), 'no file linked');
    assertEqual(aimOf(await fileText(page)), '作業ファイルに入る文章です。', 'the file itself stays');
  }],

  ['#25 site data wiped while the app is closed: the file brings everything back', async ({ page, context, url, shot }) => {
    await answerPickers(context);
    await chooseFile(page, url);
    await typeAndSave(page, '消えてはいけない一時間分の入力');
    const origin = new URL(url).origin;
    // The remembered handle survives (only localStorage wiped): one click opens it.
    await page.goto('about:blank');
    const cdp = await context.newCDPSession(page);
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'local_storage' });
    await openApp(page, url);
    const resume = page.getByTestId('file-resume');
    await resume.filter({ hasText: '見つかりません' }).waitFor();
    await shot('workfile-after-wipe.png');
    await resume.getByRole('button', { name: `作業ファイル「${FILE}」を開く` }).click();
    await page.getByTestId('work-file-message').filter({ hasText: 'を開きました' }).waitFor();
    await page.goto(url + '#/section/purpose');
    assertEqual(await aim(page).inputValue(), '消えてはいけない一時間分の入力', 'nothing lost');
    // Everything wiped but the file: the first-run screen leads to 「ファイルを開く」.
    await page.goto('about:blank');
    await cdp.send('Storage.clearDataForOrigin', { origin, storageTypes: 'local_storage,indexeddb' });
    await openApp(page, url);
    await page.getByTestId('work-file-first').waitFor();
    assertEqual(await page.getByTestId('file-resume').count(), 0, 'no handle left to offer');
    await page.getByTestId('file-open').click();
    await page.getByTestId('work-file-message').filter({ hasText: 'を開きました' }).waitFor();
    await page.goto(url + '#/section/purpose');
    assertEqual(await aim(page).inputValue(), '消えてはいけない一時間分の入力', 'nothing lost');
    // And it goes on writing the file.
    await typeAndSave(page, '開き直したあとの入力');
  }],

  ['#25 a remembered file resumes with one permission click on the next visit', async ({ page, context, url }) => {
    await answerPickers(context);
    await chooseFile(page, url);
    await typeAndSave(page, '前回の入力');
    await page.close();
    const next = await context.newPage();
    await openApp(next, url);
    const resume = next.getByTestId('file-resume');
    await resume.filter({ hasText: '保存を再開するには' }).waitFor();
    await resume.getByRole('button', { name: 'ファイルへの保存を再開' }).click();
    await next.getByTestId('work-file-message').filter({ hasText: '保存を再開しました' }).waitFor();
    await typeAndSave(next, '次の日の入力');
    // The permission lapses mid-session: the status says why, and one click resumes.
    await next.evaluate(() => { window.__deny = true; });
    await aim(next).fill('許可が切れたあとの入力');
    await next.getByTestId('file-status').filter({ hasText: '許可されていません' }).waitFor();
    await next.goto(next.url().split('#')[0] + '#/');
    await next.getByTestId('file-resume').getByRole('button', { name: 'ファイルへの保存を再開' }).click();
    await next.getByTestId('work-file-message').filter({ hasText: '保存を再開しました' }).waitFor();
    for (let i = 0; i < 50 && !(await fileText(next)).includes('許可が切れたあとの入力'); i++) await next.waitForTimeout(100);
    assertEqual(aimOf(await fileText(next)), '許可が切れたあとの入力', 'the file catches up');
    assertEqual(await next.getByTestId('file-conflict').count(), 0, 'no false conflict');
  }],

  ['#25 storage blocked: a plain message, a warning on leaving, then working from the file alone', async ({ page, context, url, shot }) => {
    await context.addInitScript(() => {
      const blocked = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
      Object.defineProperty(window, 'localStorage', { get: blocked });
      Object.defineProperty(window, 'indexedDB', { get: blocked });
    });
    await answerPickers(context);
    await openApp(page, url);
    const alert = page.getByRole('alert').filter({ hasText: 'データを保存できない設定' });
    await alert.waitFor();
    assert((await alert.innerText()).includes('ファイルに保存'), 'it offers the file at once');
    assertEqual(await page.getByText('保存データを読み出せませんでした').count(), 0, 'not the wrong diagnosis');
    assert((await page.getByTestId('file-status').innerText()).includes('どこにも保存されていません'), 'the status says the truth');
    await expectNoAxeViolations(page, 'the home page of a blocked browser');
    await shot('workfile-blocked.png');
    await page.goto(url + '#/section/purpose');
    await aim(page).fill('ブロックされたブラウザでの入力');
    await page.waitForTimeout(700);
    // Leaving now would lose it: the browser asks first.
    let asked = false;
    page.once('dialog', (d) => { asked = d.type() === 'beforeunload'; d.dismiss(); });
    await page.close({ runBeforeUnload: true });
    await page.waitForTimeout(300);
    assert(asked, 'beforeunload warned');
    assert(!page.isClosed(), 'the page stayed');
    await page.goto(url + '#/');
    await page.getByTestId('work-file').getByRole('button', { name: 'ファイルに保存' }).click();
    await page.getByTestId('work-file-message').filter({ hasText: 'に保存します' }).waitFor();
    await typeAndSave(page, 'ファイルだけに保存される入力');
    await page.getByTestId('file-status').filter({ hasText: 'ファイルに保存しました' }).waitFor();
    assert(!(await page.getByTestId('file-status').innerText()).includes('にも'), `the file is the only store: ${await page.getByTestId('file-status').innerText()}`);
    // Saved in the file: closing no longer asks.
    let askedAgain = false;
    page.on('dialog', (d) => { askedAgain = true; d.accept(); });
    await page.close({ runBeforeUnload: true });
    await new Promise((r) => setTimeout(r, 300));
    assert(!askedAgain, 'no warning once the file holds everything');
    const check = await context.newPage();
    await check.goto('about:blank');
    await check.goto(url + '#/');
    await check.getByRole('heading', { level: 1 }).waitFor();
    assertEqual(aimOf(await fileText(check)), 'ファイルだけに保存される入力', 'the file holds it');
  }],

  ['#25 the file changed behind the tab: no silent overwrite, both kept as drafts', async ({ page, context, url, shot }) => {
    await answerPickers(context);
    await chooseFile(page, url);
    await typeAndSave(page, 'この端末の入力');
    // A colleague on another PC saves the same file.
    const theirs = JSON.parse(await fileText(page));
    theirs.drafts[0].answers['purpose.aim'].value = '同僚が共有フォルダで書いた内容';
    const theirText = JSON.stringify(theirs);
    await writeFile(page, theirText);
    await aim(page).fill('この端末でさらに入力');
    const dialog = page.getByTestId('file-conflict');
    await dialog.waitFor();
    assert((await page.locator('main').evaluate((m) => m.inert)), 'the page behind is inert');
    assert((await dialog.getByTestId('conflict-file').innerText()).includes('文字'), 'the file side is shown');
    assertEqual(await fileText(page), theirText, 'the file was not overwritten');
    await expectNoAxeViolations(page, 'the work file conflict dialog');
    await shot('workfile-conflict.png');
    await dialog.getByRole('button', { name: '両方を別の下書きとして残す' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.goto(url + '#/section/purpose');
    assertEqual(await aim(page).inputValue(), '同僚が共有フォルダで書いた内容', "the file's draft is open");
    await page.goto(url + '#/data');
    assertEqual(await page.locator('[data-testid="draft-list"] li').count(), 2, 'both drafts');
    const stored = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('jinzai-hoshin.drafts.'))
      .map((k) => JSON.parse(localStorage.getItem(k)).answers['purpose.aim'].value));
    assertEqual(stored[0], 'この端末でさらに入力', "this tab's text is kept as a draft");
    await typeAndSave(page, '選んだあとはファイルに保存される');
  }],

  ['#25 keeping this tab\'s text over a changed file keeps the file\'s text aside', async ({ page, context, url }) => {
    await answerPickers(context);
    await chooseFile(page, url);
    await typeAndSave(page, '最初の入力');
    const theirs = JSON.parse(await fileText(page));
    theirs.drafts[0].answers['purpose.aim'].value = '別の場所での変更';
    await writeFile(page, JSON.stringify(theirs));
    await aim(page).fill('この画面の入力');
    const dialog = page.getByTestId('file-conflict');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'この画面の内容をファイルに保存する' }).click();
    await dialog.waitFor({ state: 'detached' });
    // While the write swaps the file in, a read can find none for a moment: poll past that.
    const aimNow = async () => { const text = await fileText(page); return text === null ? null : aimOf(text); };
    for (let i = 0; i < 50 && (await aimNow()) !== 'この画面の入力'; i++) await page.waitForTimeout(100);
    assertEqual(await aimNow(), 'この画面の入力', 'written after the choice');
    const kept = Object.entries(await storedTexts(page)).filter(([k]) => k.startsWith('jinzai-hoshin.kept.'));
    assertEqual(kept.length, 1, "the file's text is kept");
  }],

  ['#25 a damaged work file: a clear message, and nothing stored changes', async ({ page, context, url }) => {
    await answerPickers(context);
    await openApp(page, url, '#/section/purpose');
    await aim(page).fill('守るべき下書き');
    await waitSaved(page);
    await writeFile(page, '{"format":"jinzai-hoshin-backup", broken');
    const before = await page.evaluate(() => JSON.stringify(localStorage));
    await page.goto(url + '#/data');
    await page.getByTestId('file-open').click();
    const message = page.getByTestId('work-file-message');
    await message.filter({ hasText: '開けません' }).waitFor();
    assert((await message.innerText()).includes('JSON として読み取れません'), await message.innerText());
    assert((await message.innerText()).includes('変更していません'), 'says nothing changed');
    assertEqual(await page.evaluate(() => JSON.stringify(localStorage)), before, 'storage as it was');
    assertEqual(await page.getByTestId('file-status').innerText(), '', 'no file linked');
  }],

  ['#25 without the File System Access API the button downloads the file and reminds', async ({ page, context, url }) => {
    await context.addInitScript(() => { delete window.showSaveFilePicker; delete window.showOpenFilePicker; });
    await openApp(page, url, '#/section/purpose');
    await aim(page).fill('ダウンロードで守る入力');
    await waitSaved(page);
    await page.goto(url + '#/');
    assert((await page.getByTestId('work-file-mode').innerText()).includes('ダウンロード'), 'the mode is said');
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.getByTestId('work-file').getByRole('button', { name: 'ファイルに保存' }).click()]);
    assertEqual(download.suggestedFilename(), '人材育成・確保基本方針_作業ファイル.json', 'the work file name');
    const saved = path.join(OUT_DIR, 'workfile-download.json');
    await download.saveAs(saved);
    assertEqual(aimOf(fs.readFileSync(saved, 'utf8')), 'ダウンロードで守る入力', 'the download holds the draft');
    await page.getByTestId('file-status').filter({ hasText: 'ダウンロード' }).waitFor();
    // Enough edits later, the status line reminds.
    await page.goto(url + '#/section/purpose');
    for (let i = 0; i < 210; i++) await aim(page).press('End').then(() => aim(page).type('あ', { delay: 0 }));
    await page.getByTestId('file-status').filter({ hasText: 'もう一度保存' }).waitFor();
    // The same file opens through a file input.
    await page.goto(url + '#/data');
    await page.getByTestId('file-open-input').setInputFiles(saved);
    await page.getByTestId('work-file-message').filter({ hasText: 'を開きました' }).waitFor();
  }],

  ['#25 crossing saves: a busy tab\'s pagehide flush after another tab saved loses neither edit', async ({ page, context, url }) => {
    await openApp(page, url, '#/section/purpose');
    await aim(page).fill('始め');
    await waitSaved(page);
    const tabB = await context.newPage();
    await openApp(tabB, url, '#/section/purpose');
    // B types, and its main thread is then busy; A saves meanwhile; B's long task ends with a flush.
    await aim(tabB).fill('Bの編集');
    const busy = tabB.evaluate(() => {
      const end = Date.now() + 2500;
      while (Date.now() < end) { /* a long task */ }
      window.dispatchEvent(new Event('pagehide'));
    });
    await aim(page).fill('Aの編集');
    await waitSaved(page);
    await busy;
    await page.waitForTimeout(1500);
    const texts = [page, tabB].map(async (p) => Object.values(await storedTexts(p)));
    const all = (await Promise.all(texts)).flat();
    assert(all.includes('Aの編集'), `A's edit survives: ${JSON.stringify(all)}`);
    assert(all.includes('Bの編集'), `B's edit survives: ${JSON.stringify(all)}`);
    // Whatever is kept aside is shown: a notice, and the copy on the data page.
    const notices = await Promise.all([page, tabB].map((p) => p.getByRole('alert').allInnerTexts()));
    assert(notices.flat().some((t) => t.includes('復元できるデータ')), `told where: ${JSON.stringify(notices)}`);
  }],

  ['#25 the single HTML file from file://: the note offers the work file, and the real picker is allowed there', async ({ page }) => {
    // No answered pickers here: the origin private file system is refused on file://, so this
    // checks the real API. Headless Chromium dismisses its picker, which the page gets as the
    // user cancelling (AbortError), not as a refusal (SecurityError): the picker is allowed.
    const file = `file://${path.join(DIST_PACKAGE, 'jinzai-hoshin.html')}`;
    await openApp(page, file);
    const note = await page.getByTestId('single-file-note').innerText();
    assert(note.includes('作業ファイル'), 'the note offers the work file');
    assert(await page.evaluate(() => isSecureContext && typeof showSaveFilePicker === 'function'), 'the API is offered on file://');
    assert((await page.getByTestId('work-file-mode').innerText()).includes('自動で保存'), 'so the file mode is used');
    // A probe button of its own: one click opens one picker.
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('beforeend', '<button id="probe" type="button">probe</button>');
      document.getElementById('probe').addEventListener('click', () => {
        window.__picked = showSaveFilePicker({ suggestedName: 'probe.json' }).then(() => 'chosen', (e) => e.name);
      });
    });
    await page.click('#probe');
    assertEqual(await page.evaluate(() => window.__picked), 'AbortError', 'the picker opened and was dismissed, not refused');
    await page.getByTestId('work-file').getByRole('button', { name: 'ファイルに保存' }).click();
    await page.waitForTimeout(300);
    assertEqual(await page.getByTestId('work-file-message').innerText(), '', 'a cancelled picker says nothing');
  }],
];
