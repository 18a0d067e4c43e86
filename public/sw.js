// Service worker: the app keeps working offline after the first visit.
// `.ci/trunk-post-build.js` (a Trunk post-build hook) replaces the two placeholders below with this build's
// version and the list of every file it emitted, so each deployment gets a new worker and cache.
'use strict';
const VERSION = '__BUILD_VERSION__';
const PRECACHE = __PRECACHE_LIST__;
// One cache per deployment folder: two copies of the tool on one server (say /a/ and /b/) must not
// delete each other's caches on activation.
const PREFIX = `jinzai-hoshin-${self.registration.scope}-`;
const CACHE = `${PREFIX}${VERSION}`;

self.addEventListener('install', (event) => {
  // No skipWaiting here: a new version waits until the user chooses 「再読み込み」.
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((url) => new Request(url, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('message', (event) => {
  if (event.data === 'SKIP_WAITING') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET' || new URL(request.url).origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Network first, so a deployed update is seen at once; the cached page when offline.
    event.respondWith(
      fetch(request)
        .then((response) => {
          const copy = response.clone();
          if (response.ok) caches.open(CACHE).then((cache) => cache.put('./index.html', copy));
          return response;
        })
        .catch(() => caches.open(CACHE).then((cache) => cache.match('./index.html'))),
    );
    return;
  }
  // Hashed assets never change: cache first.
  event.respondWith(
    caches.open(CACHE).then((cache) =>
      cache.match(request).then(
        (hit) =>
          hit ||
          fetch(request).then((response) => {
            if (response.ok) cache.put(request, response.clone());
            return response;
          }),
      ),
    ),
  );
});
