// Registers the service worker and offers 「新しいバージョンがあります — 再読み込み」 when a new
// version has been installed. Reloading fires `pagehide`, on which the app saves any pending input,
// so an update never loses what the user typed.
'use strict';
(function () {
  // Not in the single-file package (file://), where no service worker can exist or is needed.
  if (!('serviceWorker' in navigator) || !/^https?:$/.test(location.protocol)) return;
  let userAskedForUpdate = false;

  function offerUpdate(worker) {
    if (document.getElementById('update-banner')) return;
    const banner = document.createElement('div');
    banner.id = 'update-banner';
    banner.className = 'update-banner';
    banner.setAttribute('role', 'status');
    const text = document.createElement('p');
    text.textContent = '新しいバージョンがあります。入力内容は保存されたまま、再読み込みで最新版に切り替わります。';
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.textContent = '再読み込み';
    button.addEventListener('click', function () {
      userAskedForUpdate = true;
      button.disabled = true;
      worker.postMessage('SKIP_WAITING');
    });
    banner.append(text, button);
    document.body.prepend(banner);
  }

  navigator.serviceWorker.addEventListener('controllerchange', function () {
    if (userAskedForUpdate) window.location.reload();
  });

  // Registering installs the worker, which downloads and stores every file (about 1 MB) for offline
  // use. On a first visit that work competed with the start itself (the load event fires while the
  // wasm is still compiling), so it waits until the app has started and the page is idle (#26).
  var loaded = document.readyState === 'complete';
  var started = false;
  var asked = false;
  function registerWhenIdle() {
    if (!loaded || !started || asked) return;
    asked = true;
    var idle = window.requestIdleCallback || function (callback) { setTimeout(callback, 200); };
    idle(register, { timeout: 3000 });
  }
  window.addEventListener('load', function () {
    loaded = true;
    registerWhenIdle();
  });
  window.addEventListener('TrunkApplicationStarted', function () {
    started = true;
    registerWhenIdle();
  });

  function register() {
    navigator.serviceWorker.register('./sw.js').then(function (registration) {
      if (registration.waiting && navigator.serviceWorker.controller) offerUpdate(registration.waiting);
      registration.addEventListener('updatefound', function () {
        const installing = registration.installing;
        if (!installing) return;
        installing.addEventListener('statechange', function () {
          if (installing.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(installing);
        });
      });
      // Users keep the tab open for weeks: look for a new version every hour and on return.
      setInterval(function () { registration.update().catch(function () {}); }, 60 * 60 * 1000);
      document.addEventListener('visibilitychange', function () {
        if (document.visibilityState === 'visible') registration.update().catch(function () {});
      });
    }).catch(function () {
      // Without a service worker the app still works online; offline use needs a later visit.
    });
  }
})();
