// `./task package` (#13): from the built dist/, writes
//   dist-package/jinzai-hoshin.html     one self-contained file for PCs without a server (file://)
//   dist-package/jinzai-hoshin-web.zip  dist/ ready to unpack into any folder of a web server
// With `--baked <file>` (the JSON array `bake-packs` printed: packs validated as an import does),
// both carry those packs as the edition's own (`ui::embedded`). `--out <dir>` writes them elsewhere
// (`./task test` puts its example edition in target/example-package/, never in dist-package/).
'use strict';
const fs = require('fs');
const path = require('path');
const crypto = require('crypto');
const zlib = require('zlib');
const { execFileSync } = require('child_process');

const root = path.join(__dirname, '..');
const dist = path.join(root, 'dist');
const args = process.argv.slice(2);
const outAt = args.indexOf('--out');
const out = outAt >= 0 ? path.resolve(args[outAt + 1]) : path.join(root, 'dist-package');
const esbuild = path.join(__dirname, 'tools', 'node_modules', '.bin', 'esbuild');

function fail(message) {
  console.error(`package: ${message}`);
  process.exit(1);
}

const bakedAt = args.indexOf('--baked');
const baked = bakedAt >= 0 ? fs.readFileSync(args[bakedAt + 1], 'utf8').trim() : '[]';

const names = fs.readdirSync(dist);
const one = (pattern) => {
  const found = names.filter((n) => pattern.test(n));
  if (found.length !== 1) fail(`expected one file like ${pattern} in dist/, found ${found.length} (run ./task build)`);
  return found[0];
};
const glue = one(/^jinzai-hoshin-[0-9a-f]+\.js$/);
const wasm = one(/^jinzai-hoshin-[0-9a-f]+_bg\.wasm$/);
const css = one(/^main-[0-9a-f]+\.css$/);
const icon = one(/^icon-[0-9a-f]+\.svg$/);
const texts = one(/^guideline-texts-[0-9a-f]+\.json$/);
const read = (name) => fs.readFileSync(path.join(dist, name));
const sha256 = (text) => `'sha256-${crypto.createHash('sha256').update(text).digest('base64')}'`;

/** The two wasm modules go into the single file gzipped, then base64: the file is less than half
 *  as large (#26: 4.5 MB before), so the browser reads and parses less before the app can start,
 *  and the browser's own DecompressionStream unpacks them (no library, nothing in the first load). */
const gzipBase64 = (bytes) => zlib.gzipSync(bytes, { level: 9 }).toString('base64');
/** Their unpacking, in the page's loader and in the worker: base64 → gzip → bytes. */
const GUNZIP_BASE64 = `const gunzipBase64 = (text) => {
  let packed;
  if (Uint8Array.fromBase64) packed = Uint8Array.fromBase64(text);
  else { const b = atob(text); packed = new Uint8Array(b.length); for (let i = 0; i < b.length; i++) packed[i] = b.charCodeAt(i); }
  return new Response(new Blob([packed]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer().then((buffer) => new Uint8Array(buffer));
};`;
/** JSON as the text of a script element: `<` escaped, so no `</script>` can end it early. */
const jsonData = (text) => text.replace(/</g, '\\u003c');
/** Text that must stand inside a script element unchanged. */
function scriptData(text, what) {
  if (/<\/script|<!--/i.test(text)) fail(`${what} contains </script or <!--; it cannot be inlined`);
  return text;
}
const bakedElement = `<script type="application/json" id="baked-packs">${jsonData(baked)}</script>`;

fs.rmSync(out, { recursive: true, force: true });
fs.mkdirSync(out, { recursive: true });

// 1. The web-server package: dist/ as built, the baked packs in index.html, and IIS's web.config.
const web = path.join(out, 'web');
fs.cpSync(dist, web, { recursive: true });
if (baked !== '[]') {
  const indexPath = path.join(web, 'index.html');
  fs.writeFileSync(indexPath, fs.readFileSync(indexPath, 'utf8').replace('</head>', `${bakedElement}</head>`));
}
fs.copyFileSync(path.join(__dirname, 'deploy', 'web.config'), path.join(web, 'web.config'));
execFileSync('python3', [
  '-c',
  'import sys, zipfile, pathlib\n' +
    'src = pathlib.Path(sys.argv[1])\n' +
    'with zipfile.ZipFile(sys.argv[2], "w", zipfile.ZIP_DEFLATED) as z:\n' +
    '    for f in sorted(src.rglob("*")):\n' +
    '        if f.is_file(): z.write(f, f.relative_to(src).as_posix())\n',
  web,
  path.join(out, 'jinzai-hoshin-web.zip'),
]);
fs.rmSync(web, { recursive: true });

// 2. The single file. The page's loader is bundled with the wasm-bindgen glue into one inline
// module; the wasm, the worker (its glue and wasm) and the texts are data elements the browser
// never runs, read by the loader and by `ui::embedded`.
const loader = execFileSync(
  esbuild,
  ['--bundle', '--format=esm', '--minify', '--log-level=warning', `--sourcefile=single-file-loader.js`],
  {
    cwd: dist,
    input: [
      `import init from './${glue}';`,
      `const wasm = await init({ module_or_path: await window.jinzaiHoshinModule });`,
      `dispatchEvent(new CustomEvent('TrunkApplicationStarted', { detail: { wasm } }));`,
    ].join('\n'),
  },
).toString();
const workerSource =
  read('export-worker.js').toString() +
  `\n;${GUNZIP_BASE64}\ngunzipBase64(${JSON.stringify(gzipBase64(read('export-worker_bg.wasm')))})` +
  '.then((bytes) => wasm_bindgen({ module_or_path: bytes }));\n';
const index = read('index.html').toString();
// index.html's own startup check (an inline classic script), told it runs in the single file.
const check = [...index.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]).find((t) => t.includes('startup-problem'));
if (!check) fail('dist/index.html lacks the inline startup check');
const startup = `window.JINZAI_HOSHIN_SINGLE_FILE = true;\n${check}`;
// Right after the wasm's element: unpacks and compiles it while the parser goes on through the
// worker and the texts (#26: the module script only runs once the whole file is parsed).
const compileEarly = `${GUNZIP_BASE64}
window.jinzaiHoshinModule = gunzipBase64(document.getElementById('embedded-wasm').textContent).then((bytes) => {
  document.getElementById('embedded-wasm').remove();
  return WebAssembly.compile(bytes);
});`;
const style = read(css).toString();
const csp = [
  "default-src 'none'",
  `script-src 'wasm-unsafe-eval' ${sha256(startup)} ${sha256(compileEarly)} ${sha256(loader)}`,
  `style-src ${sha256(style)}`,
  'img-src data: blob:',
  'worker-src blob:',
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
const description = (index.match(/<meta content=([^>]*?) name=description>/) || [])[1] || '';
const problem = (index.match(/<div[^>]*id=startup-problem[\s\S]*?<\/div>/) || [])[0];
if (!problem) fail('dist/index.html lacks the startup-problem element');
const html = `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="description" content=${description}>
<meta name="color-scheme" content="light">
<title>人材育成・確保基本方針 策定支援ツール</title>
<link rel="icon" href="data:image/svg+xml;base64,${read(icon).toString('base64')}">
<style>${scriptData(style, 'the CSS')}</style>
<script>${scriptData(startup, 'startup-check.js')}</script>
<script type="application/octet-stream" id="embedded-wasm">${gzipBase64(read(wasm))}</script>
<script>${scriptData(compileEarly, 'the early compile')}</script>
<script type="application/json" id="embedded-texts">${jsonData(read(texts).toString())}</script>
${bakedElement}
<script type="text/plain" id="embedded-worker">${scriptData(workerSource, 'the worker')}</script>
<script type="module">${scriptData(loader, 'the loader')}</script>
</head>
<body>
<div class="single-file-note no-print" role="note" data-testid="single-file-note"><p>このファイル版では、入力内容はファイルの中ではなく、このパソコンのこのブラウザー（Edge・Chrome）の中に保存されます。ファイルを別のフォルダーや別のパソコンに移しても、入力内容は一緒には移りません。移すときや引き継ぐときは、作成の手順（一覧）の「作業ファイル」で「ファイルに保存」を押し、共有フォルダなどに作業ファイルを保存してください。移した先では「ファイルを開く」で続きから作業できます。</p></div>
${problem}
<noscript><p>このツールを使うには JavaScript を有効にしてください（Microsoft Edge または Google Chrome の最新版を推奨します）。</p></noscript>
</body>
</html>
`;
fs.writeFileSync(path.join(out, 'jinzai-hoshin.html'), html);
const size = (f) => `${(fs.statSync(path.join(out, f)).size / 1024).toFixed(0)} KB`;
console.log(
  `package: ${path.relative(root, out)}/jinzai-hoshin.html (${size('jinzai-hoshin.html')}), ${path.relative(root, out)}/jinzai-hoshin-web.zip (${size('jinzai-hoshin-web.zip')}), ${JSON.parse(baked).length} baked pack(s)`,
);
