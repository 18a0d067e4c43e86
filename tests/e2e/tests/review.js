// Browser tests — Review through Word (#27): a 課長's returned DOCX is read back, each remark is
// shown on its question, one change is applied and one left, a comment is marked 対応済み;
// a reload keeps it all; the 決裁用 export carries the applied text and no remark. Bad files get
// their own message and leave the draft as it was, a reader panic included.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { assert, assertEqual } = require('../harness.js');
const { expectNoAxeViolations, DRAFT_KEY, openApp, waitSaved, REPO_ROOT, OUT_DIR } = require('../helpers.js');

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'review');
const MIDORI = fs.readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'midori-town-draft.json'), 'utf8');
const stored = (page) => page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);
const answerOf = async (page, q) => JSON.parse(await stored(page)).answers[q].value;

module.exports = [
  ['a returned Word review is read onto its questions; one change applied, one left, a comment answered; reload keeps all; the 決裁用 carries the applied text and no remark', async ({ page, url, shot }) => {
    await openApp(page, url, '#/');
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFT_KEY, MIDORI]);
    await page.reload();
    await page.getByRole('link', { name: 'レビュー結果の取り込みと対応' }).click();
    await page.getByRole('heading', { level: 1, name: 'レビュー結果の取り込みと対応' }).waitFor();
    const before = await stored(page);
    const message = page.getByTestId('review-message');
    const input = page.getByLabel('意見が書き込まれた Word ファイルを選ぶ');

    // Bad files: each its own reason, the draft as it was.
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'review-'));
    const doc = path.join(tmp, '課長確認.doc');
    fs.writeFileSync(doc, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await input.setInputFiles(doc);
    await message.filter({ hasText: 'Word 97-2003 形式（.doc）' }).waitFor();
    const big = path.join(tmp, '大きい.docx');
    fs.writeFileSync(big, Buffer.alloc(10 * 1024 * 1024 + 1, 0x50));
    await input.setInputFiles(big);
    await message.filter({ hasText: '大きすぎます' }).waitFor();
    const damaged = path.join(tmp, '壊れた.docx');
    fs.writeFileSync(damaged, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 1)]));
    await input.setInputFiles(damaged);
    await message.filter({ hasText: 'ファイルが壊れているため' }).waitFor();
    // docx-rs panics on this one: the worker stops, the page says the file is damaged and goes on.
    await input.setInputFiles(path.join(FIXTURES, 'malformed-comment.docx'));
    await message.filter({ hasText: '「malformed-comment.docx」：ファイルが壊れているため' }).waitFor();
    // Another draft's export: refused until the user chooses to compare anyway.
    await input.setInputFiles(path.join(FIXTURES, 'other-draft.docx'));
    const refused = page.getByTestId('review-refused');
    await refused.filter({ hasText: '別の下書きから書き出したもの' }).waitFor();
    await refused.getByRole('button', { name: 'やめる' }).click();
    await message.filter({ hasText: '取り込みをやめました' }).waitFor();
    assertEqual(await stored(page), before, 'refused files leave the draft untouched');

    // The 課長's file: six remarks, each on its question (a fresh worker reads it).
    await input.setInputFiles(path.join(FIXTURES, 'reviewed-word.docx'));
    await message.filter({ hasText: '「reviewed-word.docx」から 6 件の意見を取り込みました' }).waitFor();
    const items = page.getByTestId('review-item');
    assertEqual(await items.count(), 6, 'six remarks');
    const item = (q) => page.locator(`[data-testid="review-item"][data-question="${q}"]`);
    await item('development.ojt').getByRole('link', { name: '職場における育成（OJT）' }).waitFor();
    assert((await item('development.ojt').innerText()).includes('総務課長'), 'the reviewer');
    assertEqual(await item('development.ojt').locator('del').textContent(), '（削除：）1年間', 'the deletion, named');
    assertEqual(await item('development.ojt').locator('ins').textContent(), '（追加：）2年間', 'the insertion, named');
    assert((await item('digital.targets').innerText()).includes('課等の数（13課等）を根拠に追記します。'), 'the reply under its comment');
    assert((await item('governance.pdca').innerText()).includes('解決済み'), 'the done flag');
    assert((await item('recruitment.outreach').innerText()).includes('変更履歴なしの修正'), 'an edit without 変更履歴');
    const nowhere = page.locator('.review-group').filter({ has: page.getByRole('heading', { name: '場所を特定できない意見' }) });
    assert((await nowhere.innerText()).includes('表紙の日付は決裁の月にしてください。'), 'the cover remark is kept unplaced');
    await waitSaved(page);
    assert((await stored(page)).includes('"review":['), 'the remarks are stored');
    assertEqual(await answerOf(page, 'development.ojt'), JSON.parse(MIDORI).answers['development.ojt'].value, 'no answer changed by reading');
    await shot('review-list.png');
    await expectNoAxeViolations(page, 'review page');

    // Apply one change, leave one, answer a comment.
    await item('development.ojt').getByRole('button', { name: '反映する' }).click();
    await message.filter({ hasText: '回答に反映しました' }).waitFor();
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).answers['development.ojt'].value.includes('2年間付け'), DRAFT_KEY);
    await item('development.ojt').getByTestId('review-decision').filter({ hasText: '反映済み' }).waitFor();
    await item('recruitment.outreach').getByRole('button', { name: '反映しない' }).click();
    await item('recruitment.outreach').getByTestId('review-decision').filter({ hasText: '反映しない' }).waitFor();
    await item('digital.targets').getByLabel('対応メモ（任意）').fill('課等の数を根拠に追記した');
    await item('digital.targets').getByRole('button', { name: '対応済みにする' }).click();
    await item('digital.targets').getByText('対応メモ：課等の数を根拠に追記した').waitFor();
    await waitSaved(page);
    assert(!(await answerOf(page, 'recruitment.outreach')).includes('発信する'), 'the declined edit is not applied');

    // The same file again adds nothing; a reload keeps every decision and the version saved first.
    await input.setInputFiles(path.join(FIXTURES, 'reviewed-libreoffice.docx'));
    await message.filter({ hasText: '0 件の意見を取り込みました（6 件は取り込み済みです）' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'レビュー結果の取り込みと対応' }).waitFor();
    assertEqual(await items.count(), 6, 'six remarks after a reload');
    await item('development.ojt').getByTestId('review-decision').filter({ hasText: '反映済み' }).waitFor();
    await item('recruitment.outreach').getByTestId('review-decision').filter({ hasText: '反映しない' }).waitFor();
    await item('digital.targets').getByTestId('review-decision').filter({ hasText: '対応済み' }).waitFor();
    await page.getByTestId('review-summary').filter({ hasText: '6 件の意見のうち、未対応は 3 件です。' }).waitFor();
    await shot('review-decided.png');
    await page.goto(url + '#/versions');
    await page.getByText('レビュー反映前（総務課長の意見）').first().waitFor();

    // The 決裁用 export: the applied text, no remark.
    await page.goto(url + '#/export');
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
    const target = path.join(OUT_DIR, 'review-approval.docx');
    await file.saveAs(target);
    const xml = execFileSync('unzip', ['-p', target, 'word/document.xml']).toString();
    assert(xml.includes('2年間付け'), 'the applied change is exported');
    assert(!xml.includes('意見と対応') && !xml.includes('総務課長') && !xml.includes('w:comment'), 'no remark in the 決裁用');
    execFileSync(path.join(REPO_ROOT, '.ci', 'venv', 'bin', 'openxml-audit'), ['-f', 'office2019', '-q', target]);
    await page.getByLabel('検討資料（質問文と指針との対応表つき）').check();
    const [reviewFile] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
    const reviewTarget = path.join(OUT_DIR, 'review-trail.docx');
    await reviewFile.saveAs(reviewTarget);
    const reviewXml = execFileSync('unzip', ['-p', reviewTarget, 'word/document.xml']).toString();
    assert(reviewXml.includes('（参考）意見と対応の一覧') && reviewXml.includes('対応済み（課等の数を根拠に追記した）'), 'the 検討資料 carries the trail');
    execFileSync(path.join(REPO_ROOT, '.ci', 'venv', 'bin', 'openxml-audit'), ['-f', 'office2019', '-q', reviewTarget]);
  }],

  ['the review page reflows at 320 px and is used with the keyboard', async ({ page, url, shot }) => {
    await page.setViewportSize({ width: 320, height: 900 });
    await openApp(page, url, '#/');
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [DRAFT_KEY, MIDORI]);
    await page.goto(url + '#/review');
    await page.getByRole('heading', { level: 1, name: 'レビュー結果の取り込みと対応' }).waitFor();
    await page.reload();
    await page.getByLabel('意見が書き込まれた Word ファイルを選ぶ').setInputFiles(path.join(FIXTURES, 'bookmark-removed.docx'));
    await page.getByTestId('review-message').filter({ hasText: '6 件の意見を取り込みました' }).waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    assertEqual(overflow, 0, 'no horizontal scroll at 320 px');
    const decline = page.locator('[data-question="development.ojt"]').getByRole('button', { name: '反映しない' });
    await decline.focus();
    await page.keyboard.press('Enter');
    await page.locator('[data-question="development.ojt"]').getByTestId('review-decision').filter({ hasText: '反映しない' }).waitFor();
    await shot('review-320.png');
    await expectNoAxeViolations(page, 'review page at 320 px');
  }],
];
