// Charter's service worker for the inspection pages only (scope /internal/inspections/): a round page the
// inspector opened once opens again without a network. Network first, so a rebuilt site is seen as soon
// as there is a connection; the cache answers when the network fails or is too slow (a basement plant
// room). Answers themselves never pass through here: they live in the page's localStorage.
var CACHE = 'charter-inspections-v1';
var SCOPE = self.registration.scope;
var PRECACHE = [SCOPE, '__STYLE__', SCOPE + 'form.css', SCOPE + 'form.js'];
var SLOW_MS = 4000;

self.addEventListener('install', function (e) {
  self.skipWaiting();
  e.waitUntil(caches.open(CACHE).then(function (c) { return c.addAll(PRECACHE); }).catch(function () {}));
});

self.addEventListener('activate', function (e) {
  e.waitUntil(
    caches.keys().then(function (keys) {
      return Promise.all(keys.filter(function (k) { return k.indexOf('charter-inspections-') === 0 && k !== CACHE; }).map(function (k) { return caches.delete(k); }));
    }).then(function () { return self.clients.claim(); })
  );
});

self.addEventListener('fetch', function (e) {
  var req = e.request;
  if (req.method !== 'GET' || new URL(req.url).origin !== self.location.origin) return;
  var fromNet = fetch(req).then(function (res) {
    if (res.ok && res.type === 'basic') {
      var copy = res.clone();
      caches.open(CACHE).then(function (c) { return c.put(req, copy); });
    }
    return res;
  });
  var fromCache = function () {
    return caches.match(req, { ignoreSearch: true }).then(function (hit) {
      return hit || Promise.reject(new Error('not cached'));
    });
  };
  e.respondWith(
    new Promise(function (resolve, reject) {
      var done = false;
      var timer = setTimeout(function () {
        fromCache().then(function (hit) { if (!done) { done = true; resolve(hit); } }, function () {});
      }, SLOW_MS);
      fromNet.then(
        function (res) { if (!done) { done = true; clearTimeout(timer); resolve(res); } },
        function (err) {
          clearTimeout(timer);
          fromCache().then(
            function (hit) { if (!done) { done = true; resolve(hit); } },
            function () { if (!done) { done = true; reject(err); } }
          );
        }
      );
    })
  );
});
