// Browser tests — Offline and hardening: the service worker, a stopped server, redeploys, no outside requests, the manifest, the CSP.
'use strict';
const fs = require('fs');
const path = require('path');
const { assert, assertEqual } = require('../harness.js');
const {
  privateDeployment, waitControlled, DRAFT_KEY, openApp, waitSaved,
} = require('../helpers.js');

module.exports = [
  ['after one visit the app loads and works with the server stopped', async ({ page, shot, dist }) => {
    const deployment = await privateDeployment(dist);
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

  ['a new deployment offers 「再読み込み」 and keeps unsaved input', async ({ page, dist }) => {
    const deployment = await privateDeployment(dist);
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
];
