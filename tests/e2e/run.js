// Browser tests of what a user does: type, reload, mark complete, recover from bad storage.
// Usage: node tests/e2e/run.js <dist-dir>     (ONLY=<name part>[,<part>…] runs a subset;
//        DIST_PACKAGE=<dir> tests another dist-package/ than the repository's)
// The tests live in tests/e2e/tests/ by area; the shared page helpers in tests/e2e/helpers.js.
'use strict';
const path = require('path');
const { run } = require('./harness.js');

const AREAS = ['editing', 'writing', 'export', 'offline', 'data', 'versions', 'packs', 'deploy', 'trust', 'current', 'prefecture', 'workfile', 'review', 'shinkyu', 'actuals'];
const tests = AREAS.flatMap((area) => require(`./tests/${area}.js`));

// ONLY= selects by name, so every name must be unique.
const seen = new Set();
for (const [name] of tests) {
  if (seen.has(name)) throw new Error(`two browser tests are named ${JSON.stringify(name)}`);
  seen.add(name);
}

const DIST = path.resolve(process.argv[2] || 'dist');
run(DIST, tests);
