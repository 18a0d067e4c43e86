// Browser tests — #13 deployments: the web package under a sub-path, file:// of the normal build, a broken wasm, the single HTML file.
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { execFileSync } = require('child_process');
const { assert, assertEqual } = require('../harness.js');
const {
  privateDeployment, waitControlled, openApp, waitSaved, OUT_DIR, DIST_PACKAGE,
} = require('../helpers.js');

module.exports = [
  ['#13 the web package under a deep sub-path: load, typing, reload, DOCX export and offline after the first visit', async ({ page, shot }) => {
    // What a 自治体 puts on its server: dist-package/jinzai-hoshin-web.zip, unpacked into a folder
    // (./task test packages it with the example pack baked in, into target/example-package/).
    const unpacked = fs.mkdtempSync(path.join(os.tmpdir(), 'jinzai-web-'));
    execFileSync('python3', ['-c', 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall(sys.argv[2])',
      path.join(DIST_PACKAGE, 'jinzai-hoshin-web.zip'), unpacked]);
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

  ['#13 the normal dist/index.html opened from disk explains what to do instead of a blank page', async ({ page, shot, expectConsoleError, dist }) => {
    // Chromium refuses module scripts from file:// (that refusal is what the message explains).
    expectConsoleError(/CORS|file:|Failed to load|net::ERR/);
    await page.goto(`file://${path.join(dist, 'index.html')}`);
    const problem = page.locator('#startup-problem');
    await problem.waitFor({ state: 'visible' });
    assertEqual(await problem.getAttribute('data-reason'), 'file', 'the reason is file://');
    const text = await problem.innerText();
    assert(text.includes('ツールを起動できませんでした') && text.includes('jinzai-hoshin.html'), text);
    assertEqual(await page.getByRole('alert').count(), 1, 'announced as an alert');
    await shot('file-normal-build.png');
  }],

  ['#13 a server that breaks the wasm gets a message, not a blank page', async ({ page, shot, expectConsoleError, dist }) => {
    expectConsoleError(/magic word|instantiate|wasm/i);   // the broken file is reported as well
    const deployment = await privateDeployment(dist);
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
    const file = `file://${path.join(DIST_PACKAGE, 'jinzai-hoshin.html')}`;
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
    const saved = path.join(OUT_DIR, 'single-file-backup.json');
    await backup.saveAs(saved);
    await reopened.getByRole('button', { name: 'この端末のデータをすべて削除' }).click();
    await reopened.getByTestId('data-message').filter({ hasText: '削除しました' }).waitFor();
    await reopened.getByLabel('読み込むファイル').setInputFiles(saved);
    // Only the untouched empty draft was left: the imported one replaces it (#15).
    await reopened.getByTestId('data-message').filter({ hasText: '1件の下書きを読み込み、開きました' }).waitFor();
    assert((await reopened.getByTestId('header-draft').innerText()).includes('ファイル町'), 'the imported draft is open');
    assert((await reopened.getByTestId('pack-list').innerText()).includes('この配布版に収録'), 'the baked pack survives deleting everything');
    await reopened.screenshot({ path: path.join(OUT_DIR, 'single-file-data.png'), fullPage: true });
    assertEqual(errors.join('\n'), '', 'no page errors in the reopened file');
  }],
];
