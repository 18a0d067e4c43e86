// Trunk post-build hook (see Trunk.toml). Runs on the staging directory before it becomes dist/:
//  1. writes this build's version and the list of every emitted file into sw.js, so each deployment
//     installs a new service worker with a complete precache;
//  2. fills the Content-Security-Policy in index.html with the hashes of Trunk's inline scripts, so
//     no 'unsafe-inline' is needed.
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set (run through trunk build)');

function files(dir, prefix = '') {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(path.join(dir, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
  );
}

const indexPath = path.join(staging, 'index.html');
let index = fs.readFileSync(indexPath, 'utf8');
const hashes = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${crypto.createHash('sha256').update(m[1]).digest('base64')}'`,
);
if (!index.includes('__INLINE_SCRIPT_HASHES__')) throw new Error('index.html lacks the CSP placeholder');
index = index.replace('__INLINE_SCRIPT_HASHES__', hashes.join(' '));
fs.writeFileSync(indexPath, index);

const emitted = files(staging).filter((f) => f !== 'sw.js').sort();
const version = crypto.createHash('sha256');
for (const f of emitted) version.update(f).update(fs.readFileSync(path.join(staging, f)));
const swPath = path.join(staging, 'sw.js');
const sw = fs
  .readFileSync(swPath, 'utf8')
  .replace("'__BUILD_VERSION__'", JSON.stringify(version.digest('hex').slice(0, 16)))
  .replace('__PRECACHE_LIST__', JSON.stringify(['./', ...emitted.map((f) => `./${f}`)]));
fs.writeFileSync(swPath, sw);
console.log(`stamp-sw: ${emitted.length} files precached, ${hashes.length} inline script hash(es) in the CSP`);
