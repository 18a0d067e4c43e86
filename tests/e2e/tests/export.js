// Browser tests — Export: DOCX and Markdown downloads, their names, presets and the 対応表 option.
'use strict';
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { assert, assertEqual } = require('../harness.js');
const {
  expectNoAxeViolations, openApp, waitSaved, OUT_DIR, REPO_ROOT,
} = require('../helpers.js');

module.exports = [
  ['DOCX and Markdown downloads carry the typed text; Markdown equals the native export', async ({ page, url, shot }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('みなと町');
    await page.getByLabel('町', { exact: true }).check();
    await page.goto(url + '#/section/purpose');
    const field = page.locator('.question textarea').first();
    await field.fill('一行目の趣旨です。\n# 見出しにならない行\n<script>alert(1)</script>');
    const question = (await field.getAttribute('id')).replace(/^q-/, '');
    await page.goto(url + '#/section/purpose');
    await page.getByLabel('作業メモ').fill('秘密のメモ');
    await waitSaved(page);
    await page.goto(url + '#/export');
    await page.getByRole('heading', { level: 1, name: '書き出し・印刷' }).waitFor();
    const preview = page.getByTestId('preview');
    // The preview is built by the worker, so it arrives a moment after the page.
    await preview.getByRole('heading', { name: '第1　策定（改定）の趣旨' }).waitFor();
    assert(!(await preview.innerText()).includes('秘密のメモ'), 'memo not in preview');
    const out = OUT_DIR;
    // Record every status text, to see the 「作成中…」 state.
    await page.evaluate(() => {
      window.__statuses = [];
      const el = document.querySelector('[data-testid="export-status"]');
      new MutationObserver(() => window.__statuses.push(el.textContent)).observe(el, { childList: true, subtree: true, characterData: true });
    });
    const [docx] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-docx').click()]);
    const today = await page.evaluate(() => { const d = new Date(); return [d.getFullYear(), d.getMonth() + 1, d.getDate()]; });
    const stamp = `${today[0]}${String(today[1]).padStart(2, '0')}${String(today[2]).padStart(2, '0')}`;
    assertEqual(docx.suggestedFilename(), `みなと町_人材育成・確保基本方針_案_決裁用_${stamp}.docx`, 'docx file name');
    const docxPath = path.join(out, 'download.docx');
    await docx.saveAs(docxPath);
    await page.getByTestId('export-status').filter({ hasText: '保存しました' }).waitFor();
    const statuses = await page.evaluate(() => window.__statuses);
    assert(statuses.some((s) => s.includes('作成中')), `作成中 shown (${statuses})`);
    const documentXml = execFileSync('unzip', ['-p', docxPath, 'word/document.xml']).toString();
    assert(documentXml.includes('一行目の趣旨です。'), 'typed text in the DOCX');
    assert(documentXml.includes('みなと町'), 'organisation in the DOCX');
    assert(!documentXml.includes('秘密のメモ'), 'memo not in the DOCX');
    assert(documentXml.includes('&lt;script&gt;'), 'markup kept as text');
    // The marks a returned copy is read back by (#27): the answer's hidden bookmark, and the draft's
    // id and the export's time in the custom properties.
    const bookmark = `_Q_${question.replace(/\./g, '_').replace(/-/g, '__')}`;
    const marked = documentXml.slice(documentXml.indexOf(`w:name="${bookmark}"`));
    const typedAt = marked.indexOf('一行目の趣旨です。');
    assert(marked.length < documentXml.length && typedAt >= 0 && typedAt < marked.indexOf('<w:bookmarkEnd'), `the answer sits in its bookmark ${bookmark}`);
    const custom = execFileSync('unzip', ['-p', docxPath, 'docProps/custom.xml']).toString();
    const draftId = await page.evaluate(() => JSON.parse(localStorage.getItem('jinzai-hoshin.draft')).id);
    assert(custom.includes(`name="jinzai-hoshin.draft"><vt:lpwstr>${draftId}</vt:lpwstr>`), `the draft's id in the DOCX (${custom})`);
    const exportedAt = Number((custom.match(/name="jinzai-hoshin.exported"><vt:lpwstr>(\d+)</) || [])[1]);
    assert(Math.abs(exportedAt - Date.now()) < 10 * 60 * 1000, `the export's time in the DOCX (${custom})`);
    const [md] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-markdown').click()]);
    const mdPath = path.join(out, 'download.md');
    await md.saveAs(mdPath);
    const markdown = fs.readFileSync(mdPath, 'utf8');
    assert(markdown.includes('\\# 見出しにならない行'), 'user # line stays body text');
    // The browser's Markdown equals the native exporter's output for the same stored draft.
    const stored = await page.evaluate(() => localStorage.getItem('jinzai-hoshin.draft'));
    const draftPath = path.join(out, 'browser-draft.json');
    fs.writeFileSync(draftPath, stored);
    execFileSync('cargo', ['run', '--quiet', '--example', 'export_sample', '--', draftPath, out, 'approval', String(today[0]), String(today[1])]);
    assertEqual(markdown, fs.readFileSync(path.join(out, 'browser-draft-approval.md'), 'utf8'), 'Markdown identical to the native export');
    await shot('export.png');
    await page.emulateMedia({ media: 'print' });
    assert(!(await page.locator('.site-header').isVisible()), 'print hides the header');
    assert(!(await page.getByTestId('export-docx').isVisible()), 'print hides the buttons');
    assert(await preview.isVisible(), 'print shows the document');
    await page.emulateMedia({ media: 'screen' });
    await expectNoAxeViolations(page, 'export page');
  }],

  ['決裁用 and 検討資料 download under their own names; the 対応表 option puts it in or leaves it out', async ({ page, url, shot }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('団体名').fill('みどり町');
    await page.getByLabel('町', { exact: true }).check();
    await page.getByLabel('策定（改定）年月').fill('令和8年3月');
    await page.getByText('（令和8年3月）').waitFor();
    await page.getByLabel('である調').check();
    await page.goto(url + '#/section/positioning');
    await page.getByLabel('書く', { exact: true }).check();
    await page.locator('[data-question="positioning.related-plans"] textarea').fill('第6次みどり町総合計画\nみどり町DX推進計画');
    await waitSaved(page);
    await page.goto(url + '#/export');
    const preview = page.getByTestId('preview');
    await preview.getByRole('heading', { name: '第1　方針の位置付けと計画期間' }).waitFor();
    const previewText = await preview.innerText();
    assert(previewText.includes('令和8年3月') && previewText.includes('（案）'), 'cover: set month and （案）');
    assert(previewText.includes('本方針と関係する主な計画は、次のとおりである。'), 'lead sentence in である調');
    assert(previewText.includes('地方公務員法第39条第3項'), 'the legal-basis choice became a sentence');
    assert(!/^書く$/m.test(previewText), 'the choice label never appears');
    assert(!previewText.includes('指針との対応表'), '決裁用: no 対応表 by default');
    const stamp = await page.evaluate(() => { const d = new Date(); return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`; });
    const download = async (testid) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testid).click()]);
      const target = path.join(OUT_DIR, file.suggestedFilename());
      await file.saveAs(target);
      await page.getByTestId('export-status').filter({ hasText: file.suggestedFilename() }).waitFor();
      return { name: file.suggestedFilename(), path: target };
    };
    const approval = await download('export-docx');
    assertEqual(approval.name, `みどり町_人材育成・確保基本方針_案_決裁用_${stamp}.docx`, '決裁用 file name');
    // Every file the browser writes is schema-valid (the same validator as tests/docx/check.sh).
    const audit = (file) => execFileSync(path.join(REPO_ROOT, '.ci', 'venv', 'bin', 'openxml-audit'), ['-f', 'office2019', '-q', file]);
    audit(approval.path);
    const approvalXml = execFileSync('unzip', ['-p', approval.path, 'word/document.xml']).toString();
    assert(!approvalXml.includes('指針との対応表') && !approvalXml.includes('【問】'), '決裁用 holds only the policy');
    assert(approvalXml.includes('<w:tblHeader />') || !approvalXml.includes('<w:tbl>'), 'header rows repeat');

    await page.getByLabel('検討資料（質問文と指針との対応表つき）').check();
    // The other presets too: 第1章 numbering and the BIZ UD fonts.
    await page.getByLabel('第1章／1／(1)／ア', { exact: true }).check();
    await page.getByLabel('BIZ UD明朝／BIZ UDゴシック').check();
    await preview.getByRole('heading', { name: '第1章　方針の位置付けと計画期間' }).waitFor();
    await preview.getByRole('heading', { name: '（参考）指針との対応表' }).waitFor();
    const review = await download('export-docx');
    audit(review.path);
    assertEqual(review.name, `みどり町_人材育成・確保基本方針_案_検討資料_${stamp}.docx`, '検討資料 file name');
    const reviewXml = execFileSync('unzip', ['-p', review.path, 'word/document.xml']).toString();
    assert(reviewXml.includes('指針との対応表') && reviewXml.includes('【問】'), '検討資料 adds questions and the 対応表');
    await shot('export-review.png');

    // The option overrides the version's default, both ways.
    await page.getByLabel('入れない', { exact: true }).check();
    await page.waitForFunction(() => !document.querySelector('[data-testid="preview"]').innerText.includes('指針との対応表'));
    const reviewMd = await download('export-markdown');
    assertEqual(reviewMd.name, `みどり町_人材育成・確保基本方針_案_検討資料_${stamp}.md`, '検討資料 Markdown name');
    assert(!fs.readFileSync(reviewMd.path, 'utf8').includes('指針との対応表'), '「入れない」 leaves it out');
    await page.getByLabel('決裁用（方針の本文のみ）').check();
    await page.getByLabel('入れる', { exact: true }).check();
    await preview.getByRole('heading', { name: '（参考）指針との対応表' }).waitFor();
    const approvalMd = await download('export-markdown');
    assertEqual(approvalMd.name, `みどり町_人材育成・確保基本方針_案_決裁用_${stamp}.md`, '決裁用 Markdown name');
    const approvalText = fs.readFileSync(approvalMd.path, 'utf8');
    assert(approvalText.includes('指針との対応表') && !approvalText.includes('【問】'), '「入れる」 adds it to 決裁用');
    // Without 「（案）」 the file name drops 案 too.
    await page.getByLabel('表示しない（決定後）').check();
    const final = await download('export-markdown');
    assertEqual(final.name, `みどり町_人材育成・確保基本方針_決裁用_${stamp}.md`, 'final version name');
    await expectNoAxeViolations(page, 'export page with options');
  }],
];
