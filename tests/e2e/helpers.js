// Shared page helpers and paths for the browser tests in tests/e2e/tests/.
'use strict';
const fs = require('fs');
const path = require('path');
const os = require('os');
const { assert } = require('./harness.js');
const { serve } = require('./serve.js');

const REPO_ROOT = path.resolve(__dirname, '..', '..');
/** Screenshots and downloaded files (the same folder harness.js writes to). */
const OUT_DIR = path.join(__dirname, 'out');
/** Where ./task package puts the single HTML file and the web zip (DIST_PACKAGE=<dir> to test a copy). */
const DIST_PACKAGE = process.env.DIST_PACKAGE ? path.resolve(process.env.DIST_PACKAGE) : path.join(REPO_ROOT, 'dist-package');

/** A private copy of dist/ on its own server (at `prefix`), for tests that stop the server or
 *  redeploy. */
async function privateDeployment(distDir, prefix = '/') {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jinzai-dist-'));
  fs.cpSync(distDir, dir, { recursive: true });
  const server = await serve(dir, 0, '127.0.0.1', prefix);
  const url = `http://127.0.0.1:${server.address().port}${prefix}`;
  const stop = () => new Promise((resolve) => { server.closeAllConnections(); server.close(resolve); });
  return { dir, url, stop };
}

/** Waits until a service worker controls the page (the first visit is not controlled). */
async function waitControlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  }
}

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.x A/AA rules) on the current page; fails listing every violation. */
async function expectNoAxeViolations(page, where) {
  // Evaluated through DevTools, which the app's Content-Security-Policy (rightly) does not block.
  await page.evaluate(`${AXE_SOURCE};0`);
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

/** Presses Tab until the focused element matches `selector` (keyboard-only navigation). */
async function tabTo(page, selector, max = 400) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((sel) => document.activeElement && document.activeElement.matches(sel), selector)) return;
  }
  throw new Error(`could not reach ${selector} with Tab`);
}

async function sectionIds(page, url) {
  await openApp(page, url);
  return page.locator('.task-list__item[data-section]').evaluateAll((els) => els.map((e) => e.dataset.section));
}

function taskStatus(page, sectionId) {
  return page.locator(`.task-list__item[data-section="${sectionId}"] [data-testid="task-status"]`);
}

/** A stored draft (schema 2) whose purpose.aim holds `text`. */
function storedDraft(id, name, text, updated = 1) {
  return JSON.stringify({ schema_version: 2, id, name, created_at: updated, updated_at: updated,
    answers: { 'purpose.aim': { kind: 'text', value: text } } });
}

/** Fills this origin's localStorage with filler keys until a write throws, then frees `free` units. */
async function fillStorage(page, free) {
  await page.evaluate((free) => {
    // Reserve the room first (key + value = `free` units), fill the rest, then release it.
    localStorage.setItem('filler.free', 'x'.repeat(free - 'filler.free'.length));
    let n = 0;
    for (let size = 1 << 20; size >= 1; size >>= 1) {
      const chunk = 'x'.repeat(size);
      for (;;) {
        try { localStorage.setItem(`filler.${n}`, chunk); n++; } catch (e) { break; }
      }
    }
    localStorage.removeItem('filler.free');
  }, free);
}

/** Makes the next write of the open draft throw, as a full storage does, once. */
function failNextDraftWrite(page) {
  return page.evaluate(() => {
    const original = Storage.prototype.setItem;
    let failed = false;
    Storage.prototype.setItem = function (key, value) {
      if (key === 'jinzai-hoshin.draft' && !failed) { failed = true; throw new DOMException('full', 'QuotaExceededError'); }
      return original.call(this, key, value);
    };
  });
}

/** Every stored purpose.aim text of the app's drafts, by key. */
function storedTexts(page) {
  return page.evaluate(() => Object.fromEntries(Object.keys(localStorage)
    .filter((k) => k.startsWith('jinzai-hoshin.draft') || k.startsWith('jinzai-hoshin.kept.'))
    .map((k) => { try { const d = JSON.parse(localStorage.getItem(k)); return [k, ((d.answers || {})['purpose.aim'] || {}).value]; } catch (e) { return [k, null]; } })));
}

/** Pastes `text` into the control `locator` finds, as a copy from Excel arrives (plain text only). */
function pasteText(locator, text) {
  return locator.evaluate((el, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

module.exports = {
  REPO_ROOT, OUT_DIR, DIST_PACKAGE, AXE_SOURCE, DRAFT_KEY,
  privateDeployment, waitControlled, expectNoAxeViolations, openApp, waitSaved, tabTo, sectionIds, taskStatus,
  storedDraft, fillStorage, failNextDraftWrite, storedTexts, pasteText,
};
