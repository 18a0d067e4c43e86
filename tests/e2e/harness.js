// Tiny test harness for the browser tests: serves dist/ on 127.0.0.1, launches Debian Chromium
// headless through playwright-core (no browser download), runs each test in a fresh context and
// fails on any page error or console error.
'use strict';
const path = require('path');
const fs = require('fs');
const { chromium } = require('playwright-core');
const { serve } = require('./serve.js');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
// Without these, Chromium keeps trying to reach Google's hosts on this closed network.
const CHROMIUM_ARGS = [
  '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-extensions',
];

function assert(condition, message) {
  if (!condition) throw new Error(`assertion failed: ${message}`);
}

function assertEqual(actual, expected, message) {
  if (actual !== expected) {
    throw new Error(`${message}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(actual)}`);
  }
}

async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
}

/** Runs `tests` ([name, async ({page, context, url, shot, dist}) => …]) and exits non-zero on failure. */
async function run(distDir, tests, { outDir = path.join(__dirname, 'out') } = {}) {
  const only = process.env.ONLY;
  fs.mkdirSync(outDir, { recursive: true });
  const server = await serve(distDir, 0);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const browser = await launch();
  let failed = 0;
  for (const [name, body] of tests) {
    // ONLY=a,b runs the tests whose names contain any of the comma-separated parts.
    if (only && !only.split(',').some((part) => name.includes(part))) continue;
    const context = await browser.newContext({ locale: 'ja-JP', acceptDownloads: true });
    const page = await context.newPage();
    const problems = [];
    const expected = []; // console and page errors a test provokes on purpose
    const expectConsoleError = (pattern) => expected.push(pattern);
    page.on('pageerror', (e) => {
      if (!expected.some((re) => re.test(e.message))) problems.push(`page error: ${e.message}`);
    });
    page.on('console', (m) => {
      if (m.type() === 'error' && !expected.some((re) => re.test(m.text()))) problems.push(`console error: ${m.text()}`);
    });
    const shot = (file) => page.screenshot({ path: path.join(outDir, file), fullPage: true });
    const started = Date.now();
    try {
      await body({ page, context, url, shot, server, expectConsoleError, dist: distDir });
      if (problems.length) throw new Error(problems.join('\n'));
      console.log(`  ok   ${name} (${Date.now() - started} ms)`);
    } catch (e) {
      failed += 1;
      console.log(`  FAIL ${name}\n       ${String(e.stack || e).split('\n').join('\n       ')}`);
      await shot(`FAIL-${name.replace(/[^\w-]+/g, '_')}.png`).catch(() => {});
    }
    await context.close();
  }
  await browser.close();
  server.close();
  if (failed) {
    console.log(`\n${failed} browser test(s) failed (screenshots in ${outDir})`);
    process.exit(1);
  }
  console.log('\nall browser tests passed');
}

module.exports = { run, assert, assertEqual, launch, CHROMIUM_ARGS };
