// waiting.js: keeps the "waiting for you" counts fresh without a reload; the page works without it.
(function () {
  'use strict';
  function show(n) {
    document.querySelectorAll('[data-waiting]').forEach(function (el) {
      el.textContent = String(n);
      el.hidden = n === 0 && el.closest('nav') !== null;
    });
  }
  function poll() {
    fetch('/admin/counts', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) { if (data && typeof data.waiting === 'number') show(data.waiting); })
      .catch(function () { /* offline or logged out: keep what the page shows */ });
  }
  poll();
  setInterval(poll, 60000);
}());
