// Runs before the app (a classic script, no wasm): when the app cannot start, the page says why and
// what to do instead of staying blank (#13). The app removes the message once it has started.
'use strict';
(function () {
  var started = false;
  var REASONS = {
    file:
      'このファイルは Web サーバーに置いて使う形式のため、パソコンのフォルダーから直接開くと動きません。' +
      'フォルダーから開いて使う場合は、1つのファイルにまとめた版（jinzai-hoshin.html）を使ってください。' +
      'Web サーバーに置く方法は、配布資料の「docs/deploy.md」にあります。',
    load:
      'ツールのファイルの一部を読み込めませんでした。ネットワークの状態を確かめて再読み込みしてください。' +
      '続く場合は、Web サーバーの設定（.wasm を application/wasm として配信しているか）をシステム担当に確認してください。',
    run:
      'ブラウザーがこのツールのプログラム（WebAssembly）を実行できませんでした。Microsoft Edge または Google Chrome の最新版でお試しください。' +
      '組織の設定で WebAssembly や JavaScript が制限されている場合は、システム担当にご相談ください。',
    slow:
      'ツールがまだ起動していません。しばらく待っても表示されない場合は、再読み込みしてください。',
  };

  function show(kind, detail) {
    if (started) return;
    var box = document.getElementById('startup-problem');
    // A definite reason is not replaced by the later 「まだ起動していません」.
    if (!box || (kind === 'slow' && !box.hidden)) return;
    document.getElementById('startup-problem-reason').textContent = REASONS[kind];
    var extra = document.getElementById('startup-problem-detail');
    extra.textContent = detail ? '（詳細：' + detail + '）' : '';
    box.hidden = false;
    box.setAttribute('data-reason', kind);
  }

  window.addEventListener('TrunkApplicationStarted', function () {
    started = true;
    var box = document.getElementById('startup-problem');
    if (box) box.remove();
  });
  // A script, stylesheet or wasm file that did not load (error events of elements do not bubble,
  // so listen while capturing).
  window.addEventListener(
    'error',
    function (event) {
      var target = event.target;
      if (target && target !== window && (target.tagName === 'SCRIPT' || target.tagName === 'LINK')) {
        show('load', target.src || target.href);
      } else if (event.message) {
        show('run', event.message);
      }
    },
    true,
  );
  window.addEventListener('unhandledrejection', function (event) {
    var reason = event.reason;
    show('run', reason && reason.message ? reason.message : String(reason));
  });
  document.addEventListener('DOMContentLoaded', function () {
    if (location.protocol === 'file:' && !window.JINZAI_HOSHIN_SINGLE_FILE) show('file');
  });
  setTimeout(function () {
    show('slow');
  }, 20000);
})();
