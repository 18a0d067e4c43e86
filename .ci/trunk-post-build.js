// Trunk post-build hook (see Trunk.toml). Runs on the staging directory before it becomes dist/:
//  1. writes this build's version and the list of every emitted file into sw.js, so each deployment
//     installs a new service worker with a complete precache;
//  2. minifies the main wasm-bindgen glue with esbuild and renews its SRI hash;
//  3. fills the Content-Security-Policy in index.html with the hashes of its inline scripts (Trunk's
//     loader and the startup check), so no 'unsafe-inline' is needed;
//  4. copies the guideline texts file that build.rs split off the wasm into dist/.
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

// Minify the wasm-bindgen glue of the main app (Trunk leaves it as is) and renew its SRI hash.
const { execFileSync } = require('child_process');
const esbuild = path.join(__dirname, 'tools', 'node_modules', '.bin', 'esbuild');
for (const glue of fs.readdirSync(staging).filter((f) => /^jinzai-hoshin-[0-9a-f]+\.js$/.test(f))) {
  const file = path.join(staging, glue);
  execFileSync(esbuild, [file, '--minify', '--format=esm', `--outfile=${file}`, '--allow-overwrite', '--log-level=warning']);
  const integrity = `sha384-${crypto.createHash('sha384').update(fs.readFileSync(file)).digest('base64')}`;
  const linkPattern = new RegExp(`(href=["']?(?:\\.?/)?${glue.replace('.', '\\.')}["']?[^>]*?integrity=["']?)sha384-[A-Za-z0-9+/=]+`, 'g');
  const before = index;
  index = index.replace(linkPattern, `$1${integrity}`);
  if (index === before) throw new Error(`no integrity attribute found for ${glue}`);
}
const hashes = [...index.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
  (m) => `'sha256-${crypto.createHash('sha256').update(m[1]).digest('base64')}'`,
);
if (!index.includes('__INLINE_SCRIPT_HASHES__')) throw new Error('index.html lacks the CSP placeholder');
index = index.replace('__INLINE_SCRIPT_HASHES__', hashes.join(' '));
fs.writeFileSync(indexPath, index);

// The guideline's long texts, split off the wasm by build.rs (see src/content/mod.rs).
const targetDir = process.env.CARGO_TARGET_DIR || path.join(__dirname, '..', 'target');
const textsDir = path.join(targetDir, 'jinzai-hoshin');
const texts = fs.readdirSync(textsDir).filter((f) => /^guideline-texts-[0-9a-f]{16}\.json$/.test(f));
if (texts.length !== 1) throw new Error(`expected one guideline-texts file in ${textsDir}, found ${texts.length}`);
fs.copyFileSync(path.join(textsDir, texts[0]), path.join(staging, texts[0]));

const emitted = files(staging).filter((f) => f !== 'sw.js').sort();
const version = crypto.createHash('sha256');
for (const f of emitted) version.update(f).update(fs.readFileSync(path.join(staging, f)));
const swPath = path.join(staging, 'sw.js');
const sw = fs
  .readFileSync(swPath, 'utf8')
  .replace("'__BUILD_VERSION__'", JSON.stringify(version.digest('hex').slice(0, 16)))
  .replace('__PRECACHE_LIST__', JSON.stringify(['./', ...emitted.map((f) => `./${f}`)]));
fs.writeFileSync(swPath, sw);
console.log(`trunk-post-build: ${emitted.length} files precached, ${hashes.length} inline script hash(es) in the CSP`);
