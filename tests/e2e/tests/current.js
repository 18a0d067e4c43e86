// Browser tests — The current policy (#17): import a DOCX and pasted PDF text, confirm the
// sections, read it beside the questions, insert a paragraph, compare with the guideline, and
// export without it.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { assert, assertEqual } = require('../harness.js');
const {
  expectNoAxeViolations, DRAFT_KEY, openApp, waitSaved, failNextDraftWrite, REPO_ROOT,
} = require('../helpers.js');

const FIXTURES = path.join(REPO_ROOT, 'tests', 'fixtures', 'import');
const stored = (page) => page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY);

async function download(page, testid) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
  return fs.readFileSync(await file.path());
}

module.exports = [
  ['a DOCX is refused with a reason or imported after the sections are confirmed; the panel adds a paragraph; reload keeps all; the 決裁用 export leaves it out', async ({ page, url, shot }) => {
    page.on('dialog', (d) => d.accept());
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('桜川町');
    await page.getByLabel('町', { exact: true }).check();
    await waitSaved(page);
    await page.goto(url + '#/');
    await page.getByTestId('start-from-current').getByRole('link', { name: '現行の方針を取り込む' }).click();
    await page.getByRole('heading', { level: 1, name: '現行の方針を取り込む' }).waitFor();
    const before = await stored(page);

    // Wrong files: a clear Japanese reason each, and the draft as it was.
    const message = page.getByTestId('import-message');
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'policy-'));
    const pdf = path.join(tmp, '方針.pdf');
    fs.writeFileSync(pdf, '%PDF-1.7 not a Word file');
    await page.locator('#policy-file-input').setInputFiles(pdf);
    await message.filter({ hasText: 'Word 文書（.docx）ではない' }).waitFor();
    assert((await message.innerText()).includes('下書きは変更していません'), 'says nothing changed');
    const big = path.join(tmp, '大きい.docx');
    fs.writeFileSync(big, Buffer.alloc(10 * 1024 * 1024 + 1, 0x50));
    await page.locator('#policy-file-input').setInputFiles(big);
    await message.filter({ hasText: '大きすぎます' }).waitFor();
    const damaged = path.join(tmp, '壊れた.docx');
    fs.writeFileSync(damaged, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200, 1)]));
    await page.locator('#policy-file-input').setInputFiles(damaged);
    await message.filter({ hasText: '壊れているおそれ' }).waitFor();
    assertEqual(await stored(page), before, 'failed imports leave the draft untouched');

    // The DOCX with heading styles: every part listed with a suggested section.
    await page.locator('#policy-file-input').setInputFiles(path.join(FIXTURES, 'sakuragawa-2015-styles.docx'));
    const mapping = page.getByTestId('policy-mapping');
    await mapping.waitFor();
    assertEqual(await mapping.locator('select').count(), 19, 'one choice per part');
    const focused = await page.evaluate(() => document.activeElement.id);
    assertEqual(focused, 'mapping-heading', 'focus moves to the list');
    const training = mapping.locator('li').filter({ hasText: '人材育成の具体的な方策 ＞ 職員研修' });
    assertEqual(await training.locator('select').inputValue(), 'development', 'suggested section');
    const closing = mapping.locator('li').filter({ hasText: 'おわりに' });
    assertEqual(await closing.locator('select').inputValue(), '', 'nothing suggested: 取り込まない');
    await closing.getByLabel('取り込む章').selectOption('purpose');
    assertEqual(await stored(page), before, 'nothing is stored before confirming');
    await shot('import-mapping.png');
    await expectNoAxeViolations(page, 'import mapping');
    await mapping.getByRole('button', { name: 'この内容で取り込む' }).click();
    await message.filter({ hasText: '取り込みました（19の部分のうち18を各章に割り当て）' }).waitFor();
    await page.getByTestId('stored-policy').filter({ hasText: 'sakuragawa-2015-styles.docx' }).waitFor();
    await waitSaved(page);
    await shot('import-stored.png');

    // The section page: the panel, and a paragraph into the chosen field.
    await page.goto(url + '#/section/development');
    const panel = page.getByTestId('policy-panel');
    await panel.locator('summary').click();
    const first = panel.locator('.policy-panel__paragraph').filter({ hasText: '職員研修は、職員が職務に' });
    await first.waitFor();
    const paragraph = (await first.locator('p').innerText()).trim();
    assert(paragraph.startsWith('職員研修は、'), paragraph);
    await panel.getByLabel('段落を追加する入力欄').selectOption('development.training');
    await first.getByRole('button', { name: /この段落を入力欄に追加/ }).click();
    const field = page.locator('#q-development\\.training');
    assertEqual(await field.inputValue(), paragraph, 'inserted into the chosen field');
    assertEqual(await page.evaluate(() => document.activeElement.id), 'q-development.training', 'focus on the field');
    await page.getByTestId('policy-panel-message').filter({ hasText: '最後に追加しました' }).waitFor();
    await shot('section-policy-panel.png');
    await expectNoAxeViolations(page, 'section page with the panel');
    // The closing part went to 策定の趣旨 as chosen.
    await waitSaved(page);
    await page.reload();
    await page.getByRole('heading', { level: 1 }).waitFor();
    assertEqual(await field.inputValue(), paragraph, 'the inserted paragraph survives a reload');
    await page.getByTestId('policy-panel').waitFor();
    await page.goto(url + '#/section/purpose');
    await page.getByTestId('policy-panel').locator('summary').click();
    await page.getByTestId('policy-panel').getByText('人材育成は、短い期間で成果が現れるもの', { exact: false }).waitFor();

    // What the new guideline adds: grouped, with links to the questions.
    await page.goto(url + '#/comparison');
    const missing = page.getByTestId('comparison-missing');
    await missing.getByRole('heading', { name: /デジタル人材の育成・確保/ }).waitFor();
    await shot('comparison.png');
    await expectNoAxeViolations(page, 'comparison page');
    await missing.locator('a[href*="#/section/digital"]').first().click();
    await page.getByRole('heading', { level: 1, name: 'デジタル人材の育成・確保' }).waitFor();
    await page.getByRole('link', { name: '現行方針と新指針の対応に戻る' }).first().waitFor();

    // The 決裁用 export carries what was inserted, nothing else of the current policy.
    await page.goto(url + '#/export');
    await page.getByTestId('preview').getByText('職員研修は、').first().waitFor();
    const notInserted = '人事管理は、職員の能力を引き出し';
    const md = (await download(page, 'export-markdown')).toString('utf8');
    assert(md.includes(paragraph), 'the inserted paragraph is in the policy');
    assert(!md.includes(notInserted) && !md.includes('現行方針'), '決裁用 Markdown has no imported text');
    const docxPath = path.join(tmp, 'approval.docx');
    fs.writeFileSync(docxPath, await download(page, 'export-docx'));
    const xml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml']).toString();
    assert(!xml.includes(notInserted) && !xml.includes('現行方針と新指針'), '決裁用 DOCX has no imported text');
    // The 検討資料 may carry the comparison, as asked.
    await page.getByLabel('検討資料（質問文と指針との対応表つき）').check();
    await page.getByLabel('検討資料に付ける（現行の方針を取り込んだ場合）').check();
    await page.getByTestId('preview').getByRole('heading', { name: '（参考）現行方針と新指針の対応' }).waitFor();
    const review = (await download(page, 'export-markdown')).toString('utf8');
    assert(review.includes('記載が見当たらない') && !review.includes(notInserted), '検討資料: the comparison, not the text');
  }],

  ['text pasted from a PDF is cleaned, split and replaces the imported DOCX after confirmation', async ({ page, url, shot }) => {
    const dialogs = [];
    page.on('dialog', (d) => { dialogs.push(d.message()); d.accept(); });
    await openApp(page, url, '#/import');
    const message = page.getByTestId('import-message');
    await page.getByRole('button', { name: '貼り付けた文章を読み取る' }).click();
    await message.filter({ hasText: '貼り付けた文章がありません' }).waitFor();
    await page.locator('#policy-file-input').setInputFiles(path.join(FIXTURES, 'sakuragawa-2015-numbered.docx'));
    await page.getByTestId('policy-mapping').getByRole('button', { name: 'この内容で取り込む' }).click();
    await page.getByTestId('stored-policy').waitFor();
    // The import is saved (debounced) before the comparison point is read below.
    await waitSaved(page);
    const pasted = fs.readFileSync(path.join(FIXTURES, 'sakuragawa-2015-pasted.txt'), 'utf8');
    await page.getByLabel('現行の方針の本文').fill(pasted);
    await page.getByRole('button', { name: '貼り付けた文章を読み取る' }).click();
    const mapping = page.getByTestId('policy-mapping');
    await mapping.waitFor();
    const text = await mapping.innerText();
    assert(text.includes('第４　人材育成の具体的な方策 ＞ ３　職場環境づくり'), 'numbered headings');
    assert(!text.includes('－ 2 －') && !text.includes('・・・'), 'page numbers and the 目次 are gone');
    assertEqual(await mapping.locator('select').count(), 19, 'the same 19 parts');
    // 取り込まずに戻る keeps the DOCX.
    const before = await stored(page);
    await mapping.getByRole('button', { name: '取り込まずに戻る' }).click();
    await message.filter({ hasText: '取り込みをやめました' }).waitFor();
    assertEqual(await stored(page), before, 'cancel changes nothing');
    await page.getByRole('button', { name: '貼り付けた文章を読み取る' }).click();
    await page.getByTestId('policy-mapping').getByRole('button', { name: 'この内容で取り込む' }).click();
    await page.getByTestId('stored-policy').filter({ hasText: '貼り付けた文章' }).waitFor();
    assertEqual(dialogs.join('\n'), '取り込み済みの「sakuragawa-2015-numbered.docx」を、この内容で置き換えますか。', 'replacing asks first');
    await waitSaved(page);
    await page.reload();
    await page.getByTestId('stored-policy').filter({ hasText: '貼り付けた文章' }).waitFor();
    // Filing a part again, then removing the import, leaves the rest of the draft.
    await page.getByRole('button', { name: '取り込む章を選び直す' }).click();
    await page.getByTestId('policy-mapping').locator('li').filter({ hasText: '第６　おわりに' }).getByLabel('取り込む章').selectOption('governance');
    await page.getByTestId('policy-mapping').getByRole('button', { name: 'この内容で取り込む' }).click();
    await waitSaved(page);
    assert((await stored(page)).includes('"section":"governance"}'), 'the new choice is stored');
    assertEqual(dialogs.length, 1, 'choosing the sections again does not ask to replace');
    await shot('import-pasted.png');
    await page.getByRole('button', { name: '取り込んだ内容を削除する' }).click();
    await message.filter({ hasText: '削除しました' }).waitFor();
    await waitSaved(page);
    assert(!(await stored(page)).includes('current_policy'), 'removed');
  }],

  ['an import whose save fails is retried and kept; another tab on the same draft locks instead of overwriting it', async ({ page, context, url }) => {
    await openApp(page, url, '#/section/purpose');
    await page.locator('[data-question="purpose.aim"] textarea').fill('取り込む前の本文');
    await waitSaved(page);
    const other = await context.newPage();
    await openApp(other, url, '#/section/purpose');
    await page.goto(url + '#/import');
    await failNextDraftWrite(page);
    await page.locator('#policy-file-input').setInputFiles(path.join(FIXTURES, 'sakuragawa-2015-numbered.docx'));
    await page.getByTestId('policy-mapping').getByRole('button', { name: 'この内容で取り込む' }).click();
    await page.getByTestId('save-status').filter({ hasText: '保存できませんでした' }).waitFor();
    await page.getByTestId('save-status').filter({ hasText: '保存しました' }).waitFor({ timeout: 6000 });
    const saved = JSON.parse(await stored(page));
    assertEqual(saved.current_policy.parts.length, 19, 'the retried save holds the policy');
    assertEqual(saved.answers['purpose.aim'].value, '取り込む前の本文', 'and the text written before');
    // The other tab, which still holds the draft without the policy, must not save over it.
    const lock = other.getByTestId('tab-lock');
    await lock.getByRole('heading', { name: '別のタブで編集中です' }).waitFor();
    assert(await other.locator('main').evaluate((m) => m.inert), 'the other tab is inert behind its notice');
    await other.waitForTimeout(800);
    assertEqual(JSON.parse(await stored(page)).current_policy.parts.length, 19, 'still stored');
    // Taking over there shows the imported policy, so the other tab carries on with it.
    await lock.getByRole('button', { name: /このタブで編集を続ける/ }).click();
    await lock.waitFor({ state: 'detached' });
    await other.getByTestId('policy-panel').waitFor();
    await other.close();
  }],
];
