// Browser tests — The 新旧対照表 (#27 item 5): no button without a current policy; with one, the
// export page offers 「新旧対照表（DOCX）」, and its download has 改定後/改定前 and the changed phrase
// underlined; the page stays accessible and fits 320 px.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { assert, assertEqual } = require('../harness.js');
const { expectNoAxeViolations, openApp, waitSaved } = require('../helpers.js');

// The town's current policy: the same purpose, with 「意欲を持って」 added in the new draft and
// 「（改定）」 in the chapter's name.
const CURRENT = [
  'みどり町人材育成基本方針',
  '令和３年３月',
  'みどり町',
  '',
  '第１　策定の趣旨',
  '　本町では、職員一人ひとりが力を発揮できる職場をつくるため、人材の育成に関する基本的な方針として本方針を定める。',
].join('\n');
const NEW_AIM = '本町では、職員一人ひとりが意欲を持って力を発揮できる職場をつくるため、人材の育成に関する基本的な方針として本方針を定める。';

async function expectNoSidewaysScroll(page, where) {
  const { scroll, width } = await page.evaluate(() => ({
    scroll: document.documentElement.scrollWidth,
    width: window.innerWidth,
  }));
  assert(scroll <= width, `${where}: the page is ${scroll}px wide in a ${width}px viewport`);
}

module.exports = [
  ['with a current policy the export page offers the 新旧対照表, whose DOCX has both columns and the change underlined', async ({ page, url, shot }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('みどり町');
    await page.getByLabel('町', { exact: true }).check();
    await page.goto(url + '#/section/purpose');
    await page.locator('[data-question="purpose.aim"] textarea').fill(NEW_AIM);
    await waitSaved(page);

    // No current policy: no button.
    await page.goto(url + '#/export');
    await page.getByTestId('preview').getByText('意欲を持って').first().waitFor();
    assertEqual(await page.getByTestId('export-shinkyu').count(), 0, 'no 新旧対照表 without a current policy');

    // Import the current policy as pasted text, filed under 策定の趣旨.
    await page.goto(url + '#/import');
    await page.getByLabel('現行の方針の本文').fill(CURRENT);
    await page.getByRole('button', { name: '貼り付けた文章を読み取る' }).click();
    const mapping = page.getByTestId('policy-mapping');
    await mapping.waitFor();
    await mapping.locator('li').filter({ hasText: '第１　策定の趣旨' }).getByLabel('取り込む章').selectOption('purpose');
    await mapping.getByRole('button', { name: 'この内容で取り込む' }).click();
    await page.getByTestId('stored-policy').waitFor();
    await waitSaved(page);

    // The button, named for what it saves, described by its hint.
    await page.goto(url + '#/export');
    const button = page.getByRole('button', { name: '新旧対照表（DOCX）' });
    await button.waitFor();
    const hint = await button.getAttribute('aria-describedby');
    assert((await page.locator(`#${hint}`).innerText()).includes('改定後（左）と改定前（右）'), 'the hint says what the file is');
    await expectNoAxeViolations(page, 'export page with the 新旧対照表');
    await button.focus();
    assertEqual(await page.evaluate(() => document.activeElement.dataset.testid), 'export-shinkyu', 'reachable by focus');

    const [download] = await Promise.all([page.waitForEvent('download'), button.click()]);
    const today = await page.evaluate(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; });
    const stamp = `${today[0]}${String(today[1]).padStart(2, '0')}${String(today[2]).padStart(2, '0')}`;
    assertEqual(download.suggestedFilename(), `みどり町_人材育成・確保基本方針_新旧対照表_${stamp}.docx`, 'file name (D11)');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shinkyu-'));
    const docxPath = path.join(tmp, 'shinkyu.docx');
    await download.saveAs(docxPath);
    await page.getByTestId('export-shinkyu-status').filter({ hasText: '保存しました' }).waitFor();
    const xml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml']).toString();
    assert(xml.includes('>改定後<') && xml.includes('>改定前<'), 'both column names');
    assert(xml.indexOf('>改定後<') < xml.indexOf('>改定前<'), '改定後 on the left');
    assert(xml.includes('みどり町人材育成・確保基本方針　新旧対照表'), 'the caption');
    assert(xml.includes('（傍線部分は改定部分）'), 'the 備考 line');
    // The inserted phrase is an underlined run; the unchanged text around it is not.
    const underlined = [...xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*?<w:u w:val="single" \/>(?:(?!<\/w:r>).)*?<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]);
    assert(underlined.includes('意欲を持って'), `the change is underlined (${underlined})`);
    assert(!underlined.some((t) => t.includes('職場をつくるため')), 'unchanged text is not');
    await shot('export-shinkyu.png');

    // 320 px: the block wraps, nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 800 });
    await button.scrollIntoViewIfNeeded();
    await expectNoSidewaysScroll(page, 'export page at 320px');
    await page.setViewportSize({ width: 1280, height: 900 });
  }],
];
