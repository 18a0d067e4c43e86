// Static file server for dist/ on 127.0.0.1 (used by `./task serve`, the browser tests and the
// benchmark). No dependencies. Serves the correct MIME types for wasm and the manifest.
'use strict';
const http = require('http');
const fs = require('fs');
const path = require('path');

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.wasm': 'application/wasm',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Starts a server for `root`, at `prefix` (e.g. `/jinji/tool/`: everything else is 404, as on a
 *  server where the tool is one folder among others); resolves with the http.Server once listening. */
function serve(root, port, host = '127.0.0.1', prefix = '/') {
  const base = path.resolve(root);
  const server = http.createServer((req, res) => {
    const requested = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    if (!requested.startsWith(prefix)) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const urlPath = `/${requested.slice(prefix.length)}`;
    let file = path.join(base, urlPath === '/' ? 'index.html' : urlPath);
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    fs.readFile(file, (err, body) => {
      if (err) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      const type = TYPES[path.extname(file)] || 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-cache' });
      res.end(body);
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve(server));
  });
}

module.exports = { serve };

if (require.main === module) {
  const [root = 'dist', port = '8080'] = process.argv.slice(2);
  serve(root, Number(port)).then(() => console.log(`http://127.0.0.1:${port}/`));
}
