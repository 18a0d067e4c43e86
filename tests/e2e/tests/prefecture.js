// Browser tests — A prefecture's 決裁用 (#24): every prefecture 記入例 tells one 市町村支援 story
// (and, #29, reads like a prefecture's in です・ます: no town word, no である ending, 本県 and 市町村)
// (one name per body, one timing per measure), the help sends each measure to its one place, the
// KPI library is one key away and its notes stay on screen, the 仕上げチェック lists every
// sentence, the 検討資料 says so on its cover, the 目次 depth is a choice, and the current-policy
// panel adds a paragraph as a list item or a table row.
'use strict';
const fs = require('fs');
const path = require('path');
const { assert, assertEqual } = require('../harness.js');
const { expectNoAxeViolations, DRAFT_KEY, openApp, waitSaved, REPO_ROOT } = require('../helpers.js');

/** さくら県, 都道府県, です・ます調. */
async function prefectureProfile(page, url) {
  await openApp(page, url, '#/section/profile');
  await page.getByLabel('団体名').fill('さくら県');
  await page.getByLabel('都道府県', { exact: true }).check();
  await page.getByLabel('です・ます調', { exact: true }).check();
  await waitSaved(page);
}

/** Every text the stored draft holds (text answers, list items, table cells). */
async function storedTexts(page) {
  const draft = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY));
  return Object.values(draft.answers).flatMap((a) => {
    if (a.kind === 'text') return [a.value];
    if (a.kind === 'list') return a.value;
    if (a.kind === 'table') return a.value.flat();
    return [];
  });
}

/** The names of bodies ending in one of `suffixes`, grouped as the 仕上げチェック groups them (a
 *  name that ends with another is the same body). */
function bodies(texts, suffixes) {
  const names = new Set();
  const alternation = suffixes.join('|');
  const quoted = new RegExp(`「([^「」]*(?:${alternation}))」`, 'g');
  const bare = new RegExp(`[\\u4E00-\\u9FFFァ-ヺ・ー々]*(?:${alternation})`, 'g');
  for (const text of texts) {
    for (const m of text.matchAll(quoted)) names.add(m[1]);
    for (const m of text.replace(quoted, '').matchAll(bare)) names.add(m[0]);
  }
  const longest = [...names].sort((a, b) => b.length - a.length);
  const groups = [];
  for (const n of longest) if (!groups.some((g) => g.endsWith(n))) groups.push(n);
  return groups;
}

/** The sentences of `texts` holding one of `keywords`. */
function sentencesAbout(texts, keywords) {
  return texts.flatMap((t) => t.split(/(?<=。)|\n/)).filter((s) => keywords.some((k) => s.includes(k)));
}

module.exports = [
  ['a prefecture that inserts every 記入例 gets one name per 会議体 and one timing for 共同採用 and 派遣', async ({ page, url, shot }) => {
    await prefectureProfile(page, url);
    await page.goto(url + '#/');
    const sections = await page.locator('.task-list__item[data-section]').evaluateAll((els) => els.map((e) => e.dataset.section));
    let inserted = 0;
    for (const section of sections.filter((s) => s !== 'profile')) {
      await page.goto(url + `#/section/${section}`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      const helps = page.locator('.question-help');
      for (let i = 0; i < await helps.count(); i++) {
        const help = helps.nth(i);
        await help.locator('summary').click();
        const buttons = help.getByRole('button', { name: 'この記入例を入れる' });
        await buttons.first().waitFor({ timeout: 3000 }).catch(() => {});
        for (let b = 0; b < await buttons.count(); b++) {
          await buttons.nth(b).click();
          inserted++;
        }
      }
    }
    assert(inserted >= 60, `every prefecture 記入例 inserted (${inserted})`);
    await waitSaved(page);
    const texts = await storedTexts(page);
    // One body per name: the 推進本部 and its short form, one 連絡会議 with 市町村.
    const governance = bodies(texts, ['推進本部', '推進会議', '推進チーム', '推進委員会']);
    assertEqual(governance.length, 1, `one 会議体 name: ${governance.join(' / ')}`);
    const liaison = bodies(texts, ['連絡会議', '連絡協議会']);
    assertEqual(liaison.length, 1, `one 連絡会議 name: ${liaison.join(' / ')}`);
    // One timing: no sentence about joint hiring or dispatch is still 検討 when another does it.
    for (const [measure, keywords] of [
      ['共同採用', ['共同採用', '共同での採用', '共同で行う採用', '共同の採用']],
      ['派遣', ['市町村に派遣', '市町村への派遣', '技術職員の派遣', '技術職員を派遣', '派遣する仕組み']],
    ]) {
      const about = sentencesAbout(texts, keywords);
      assert(about.length >= 2, `${measure} is written about (${about.length})`);
      const undecided = about.filter((s) => /検討|研究|話し合/.test(s));
      assert(undecided.length === 0 || undecided.length === about.length,
        `${measure} has one timing:\n  ${about.join('\n  ')}`);
      const years = new Set(about.flatMap((s) => [...s.matchAll(/令和(\d+)年度/g)].map((m) => m[1])));
      assert(years.size <= 1, `${measure}: one year (${[...years]})`);
    }
    // #29: a prefecture's draft reads like a prefecture's, in です・ます: no town or city word, no
    // である ending, and the prefecture's own words (本県, 市町村) where it speaks of itself and them.
    const all = texts.join('\n');
    const townWords = all.match(/本市|本町|本村|本区|市民|町民|村民|区民|市長|町長|村長|市議会|町議会|村議会/g) || [];
    assertEqual(townWords.join(' '), '', 'no town or city word in a prefecture\'s 記入例');
    const dearu = texts.flatMap((t) => t.split(/(?<=。)/)).map((sentence) => sentence.trim())
      .filter((sentence) => /(である|であった|だ|する|した|いる|いた|ない|なかった|ある|あった|れる|れた|なる|なった|できる)。$/.test(sentence)
        && !/(ました|でした|ません)。$/.test(sentence));
    assertEqual(dearu.length, 0, `no である ending:\n  ${dearu.slice(0, 5).join('\n  ')}`);
    assert(all.includes('本県') && all.includes('市町村'), '本県 and 市町村 are there');
    // The 仕上げチェック agrees: nothing to align.
    await page.goto(url + '#/check');
    const finishing = page.getByTestId('finishing');
    await finishing.waitFor();
    assert(!(await finishing.innerText()).includes('名前や時期がほかの回答とそろっていない箇所'), 'no consistency finding');
    await shot('prefecture-every-example-check.png');
  }],

  ['the help of a prefecture question sends 共同採用 to its one place; a town sees no such pointer', async ({ page, url, shot }) => {
    await prefectureProfile(page, url);
    await page.goto(url + '#/section/recruitment');
    const question = page.locator('[data-question="recruitment.pref-role"]');
    await question.getByText('書き方のヒントと記入例').click();
    const pointers = question.locator('.question-help__elsewhere');
    await pointers.waitFor();
    assert((await pointers.innerText()).includes('次の事項は、この項目ではなく'), await pointers.innerText());
    const pointer = pointers.locator('li').filter({ hasText: '共同採用' });
    await shot('prefecture-help-pointer.png');
    await expectNoAxeViolations(page, 'help with a pointer');
    await pointer.getByRole('link').click();
    await page.waitForFunction(() => location.hash.startsWith('#/section/collaboration'));
    await page.waitForFunction(() => document.activeElement && (document.activeElement.id || '').includes('collaboration.pref-joint'));
    // A town is never sent to a question it is not asked.
    await page.goto(url + '#/section/profile');
    await page.getByLabel('町', { exact: true }).check();
    await waitSaved(page);
    await page.goto(url + '#/section/collaboration');
    const forms = page.locator('[data-question="collaboration.forms"]');
    await forms.getByText('書き方のヒントと記入例').click();
    await forms.locator('.examples__item').first().waitFor();
    assertEqual(await page.locator('.question-help__elsewhere').count(), 0, 'no pointer for a town');
  }],

  ['the KPI library is one button from the top of the page, and its notes are marked as not printed', async ({ page, url, shot }) => {
    await openApp(page, url, '#/section/targets');
    await page.getByRole('heading', { level: 1 }).focus();
    let presses = 0;
    while (presses < 10) {
      await page.keyboard.press('Tab');
      presses++;
      if (await page.evaluate(() => document.activeElement.dataset.testid === 'kpi-skip-to-library')) break;
    }
    assert(presses < 10, `the skip button is near the top (${presses} Tab presses)`);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.activeElement.id === 'kpi-library-summary');
    assert(await page.locator('#kpi-library').evaluate((d) => d.open), 'the library is open');
    const note = page.locator('.kpi-library__item').filter({ hasText: '女性管理職比率' }).locator('.kpi-library__note');
    await note.waitFor();
    assert((await note.innerText()).startsWith('記入のヒント（方針には載りません）'), await note.innerText());
    await shot('kpi-library-notes.png');
    await expectNoAxeViolations(page, 'KPI library with notes');
    // Added from the library, the row carries the definition and source, never the note.
    const added = page.locator('.kpi-library__item').filter({ hasText: '女性管理職比率' });
    await added.getByRole('button', { name: /を指標に追加/ }).click();
    await waitSaved(page);
    const draft = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY));
    const row = draft.kpis.find((k) => k.indicator === '女性管理職比率');
    assert(row && row.definition && row.data_source, 'definition and source copied');
    const noteText = (await note.innerText()).replace('記入のヒント（方針には載りません）：', '');
    assert(!JSON.stringify(row).includes(noteText.slice(0, 12)), 'the note stays in the library');
  }],

  ['the 仕上げチェック lists every sentence of a field under one link', async ({ page, url }) => {
    await openApp(page, url, '#/section/profile');
    await page.getByLabel('である調', { exact: true }).check();
    await page.goto(url + '#/section/purpose');
    await page.locator('#q-purpose\\.aim').fill('人口が減っています。採用も難しくなっています。そのため方針を改める。');
    await waitSaved(page);
    await page.goto(url + '#/check');
    const item = page.getByTestId('finishing').locator('.finishing__list > li').filter({ hasText: 'である調ではない文です' });
    await item.waitFor();
    assertEqual(await item.count(), 1, 'one item for the field');
    const text = await item.innerText();
    assert(text.includes('（2文）') && text.includes('人口が減っています。') && text.includes('採用も難しくなっています。'), text);
  }],

  ['the 検討資料 says so on its cover and the 目次 can list chapters only', async ({ page, url, shot }) => {
    await prefectureProfile(page, url);
    // Two topics in a chapter, so it has numbered sub-headings for the 目次.
    await page.goto(url + '#/section/purpose');
    await page.locator('#q-purpose\\.aim').fill('職員の力を高めます。');
    await page.locator('#q-purpose\\.review').fill('研修は充実しましたが、採用が課題です。');
    await page.goto(url + '#/section/development');
    const training = page.locator('[data-question="development.training"]');
    await training.getByText('書き方のヒントと記入例').click();
    await training.getByRole('button', { name: 'この記入例を入れる' }).first().click();
    await waitSaved(page);
    await page.goto(url + '#/export');
    const preview = page.getByTestId('preview');
    await preview.locator('.preview__title').waitFor();
    assertEqual(await preview.locator('.preview__version').count(), 0, '決裁用: no version mark');
    await page.getByLabel('検討資料（質問文と指針との対応表つき）').check();
    await preview.locator('.preview__version').filter({ hasText: '【検討資料】' }).waitFor();
    const entries = () => preview.locator('.preview__toc li').allTextContents();
    assert((await entries()).some((e) => /^\d/.test(e) || /^[１-９]/.test(e)), `two levels by default: ${await entries()}`);
    await page.getByLabel('章のみ（第1、第2…）').check();
    await page.waitForFunction(() => [...document.querySelectorAll('.preview__toc li')].every((li) => li.className.includes('preview__toc1')));
    await shot('export-review-cover.png');
    await expectNoAxeViolations(page, 'export page with the 目次 option');
  }],

  ['the current-policy panel adds a paragraph as a list item or as a table row in the chosen column', async ({ page, url, shot }) => {
    await openApp(page, url, '#/import');
    const pasted = fs.readFileSync(path.join(REPO_ROOT, 'tests', 'fixtures', 'import', 'sakuragawa-2015-pasted.txt'), 'utf8');
    await page.getByLabel('現行の方針の本文').fill(pasted);
    await page.getByRole('button', { name: '貼り付けた文章を読み取る' }).click();
    const mapping = page.getByTestId('policy-mapping');
    await mapping.waitFor();
    // The parts on the 職員像 and the 職位 go where the list and the table are.
    await mapping.locator('li').filter({ hasText: '（１）町民の視点に立ち、信頼される職員' }).getByLabel('取り込む章').selectOption('ideal-staff');
    await mapping.locator('li').filter({ hasText: '（１）係員' }).getByLabel('取り込む章').selectOption('competencies');
    await mapping.getByRole('button', { name: 'この内容で取り込む' }).click();
    await page.getByTestId('stored-policy').waitFor();
    await waitSaved(page);

    await page.goto(url + '#/section/ideal-staff');
    let panel = page.getByTestId('policy-panel');
    await panel.locator('summary').click();
    const profileParagraph = panel.locator('.policy-panel__paragraph').filter({ hasText: '町民の声に耳を傾け' });
    await profileParagraph.waitFor();
    await panel.getByLabel('段落を追加する入力欄').selectOption('ideal-staff.profiles');
    await profileParagraph.getByRole('button', { name: /この段落を入力欄に追加/ }).click();
    await page.getByTestId('policy-panel-message').filter({ hasText: 'の最後の項目として追加しました' }).waitFor();
    await waitSaved(page);
    const draft = JSON.parse(await page.evaluate((k) => localStorage.getItem(k), DRAFT_KEY));
    const items = draft.answers['ideal-staff.profiles'].value;
    assert(items.length === 1 && items[0].startsWith('町民の声に耳を傾け'), `a list item: ${JSON.stringify(items)}`);

    await page.goto(url + '#/section/competencies');
    panel = page.getByTestId('policy-panel');
    await panel.locator('summary').click();
    const role = panel.locator('.policy-panel__paragraph').filter({ hasText: '係員は、担当する業務の実務を担う' });
    await role.waitFor();
    await panel.getByLabel('段落を追加する入力欄').selectOption({ label: '職位ごとの役割と求められる能力（表に1行追加、「求められる役割」の欄に）' });
    await role.getByRole('button', { name: /この段落を入力欄に追加/ }).click();
    await page.getByTestId('policy-panel-message').filter({ hasText: '最後の行に追加しました' }).waitFor();
    await page.waitForFunction(() => document.activeElement.id === 'q-competencies.role-matrix-0-1');
    assert((await page.locator('#q-competencies\\.role-matrix-0-1').inputValue()).startsWith('係員は、'), 'the paragraph is in the chosen column');
    assertEqual(await page.locator('#q-competencies\\.role-matrix-0-0').inputValue(), '', 'the other cells wait for the user');
    await shot('policy-panel-table-row.png');
    await expectNoAxeViolations(page, 'panel after adding a table row');
  }],
];
