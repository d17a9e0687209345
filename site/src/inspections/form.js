// Charter's phone form for one inspection round (internal edition, /internal/inspections/<round id>/).
// No server: the rows come embedded in the page, the answers stay in this browser's localStorage (keyed by
// round id) as the inspector goes, and leave it only as <round id>.ndjson, canonical inspection-results
// rows that `charter submit <file> --kind inspection-results` reads unchanged. Plain ES2017, no modules,
// no network: it must run on an old phone, offline.
(function () {
  'use strict';
  // The rounds index: say which rounds this phone already holds answers for.
  var index = document.getElementById('insp-index');
  if (index) {
    var items = index.querySelectorAll('[data-round]');
    for (var n = 0; n < items.length; n++) {
      try {
        var st = JSON.parse(localStorage.getItem('charter-inspection:' + items[n].getAttribute('data-round')) || 'null');
        var k = st && st.answers ? Object.keys(st.answers).length : 0;
        if (k) {
          var tag = document.createElement('span');
          tag.className = 'tag insp-local';
          tag.textContent = '本机已记录 ' + k + ' 项';
          items[n].querySelector('a').insertAdjacentElement('afterend', tag);
        }
      } catch (e) {
        /* no storage: nothing to show */
      }
    }
    offline(index);
    return;
  }
  var app = document.getElementById('insp-app');
  if (!app) return;
  var R = JSON.parse(app.getAttribute('data-round'));
  var KEY = 'charter-inspection:' + R.id;
  var RESULTS = [
    ['passed', '合格'],
    ['failed', '不合格'],
    ['not-applicable', '不适用'],
  ];
  var KIND = { campus: '全校区', building: '楼宇', place: '场所' };

  // Rows in walking order, each with the record id the contract gives it: `${round}:${place}:${requirement}`.
  var rows = R.rows.map(function (x, i) {
    var p = R.places[x[0]];
    var q = R.requirements[x[1]];
    return { i: i, id: R.id + ':' + p[0] + ':' + q[0], place: p, req: q };
  });

  var esc = function (s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }[c];
    });
  };
  var pad = function (n) {
    return (n < 10 ? '0' : '') + n;
  };
  /** The device's local time with its UTC offset ("2026-04-14T09:31:05+08:00"): what inspected_at holds. */
  var stamp = function (d) {
    var off = -d.getTimezoneOffset();
    var a = Math.abs(off);
    return d.getFullYear() + '-' + pad(d.getMonth() + 1) + '-' + pad(d.getDate()) + 'T' + pad(d.getHours()) + ':' + pad(d.getMinutes()) + ':' + pad(d.getSeconds()) + (off < 0 ? '-' : '+') + pad(Math.floor(a / 60)) + ':' + pad(a % 60);
  };
  var showStamp = function (s) {
    // "2026-04-14T09:31:05+08:00" → "04-14 09:31（UTC+08:00）"
    return s.slice(5, 10) + ' ' + s.slice(11, 16) + '（UTC' + s.slice(19) + '）';
  };

  // ---- State: what the inspector has entered, saved on every change ----------------------------------
  var blank = function () {
    return { v: 1, round: R.id, inspector: '', accompanied_by: '', answers: {} };
  };
  var state = blank();
  var storageOk = true;
  try {
    var saved = JSON.parse(localStorage.getItem(KEY) || 'null');
    if (saved && saved.round === R.id && saved.answers) state = saved;
  } catch (e) {
    storageOk = false;
  }
  var save = function () {
    try {
      localStorage.setItem(KEY, JSON.stringify(state));
      storageOk = true;
    } catch (e) {
      storageOk = false;
    }
    warnings();
  };

  // ---- Drawing -----------------------------------------------------------------------------------
  var placeRows = R.places.map(function () {
    return [];
  });
  rows.forEach(function (r) {
    placeRows[R.places.indexOf(r.place)].push(r);
  });

  var rowHtml = function (r) {
    var n = 'r' + r.i;
    var choices = RESULTS.map(function (c) {
      return '<label class="choice c-' + c[0] + '"><input type="radio" name="' + n + '" value="' + c[0] + '"><span>' + c[1] + '</span></label>';
    }).join('');
    return (
      '<fieldset class="insp-row" id="row-' + r.i + '" data-row="' + esc(r.id) + '">' +
      '<legend><span class="ref">' + esc(r.req[1]) + '</span> ' + esc(r.req[2]) + '</legend>' +
      (r.req[3] && r.req[3] !== r.req[2] ? '<details class="insp-text"><summary>条文原文</summary><p>' + esc(r.req[3]) + '</p></details>' : '') +
      '<div class="choices">' + choices + '</div>' +
      '<div class="insp-more" hidden>' +
      '<label for="' + n + '-notes">问题描述</label><textarea id="' + n + '-notes" rows="3" data-field="notes"></textarea>' +
      '<label for="' + n + '-photos">照片编号<span class="sub">（选填，如 IMG_0231、0232）</span></label><input id="' + n + '-photos" type="text" data-field="photos" autocomplete="off">' +
      '</div>' +
      '<p class="insp-stamp" hidden><span class="when"></span> <button type="button" class="undo">撤销</button></p>' +
      '</fieldset>'
    );
  };

  var html =
    '<fieldset class="insp-people"><legend>检查人员（每轮填写一次）</legend>' +
    '<label for="insp-inspector">检查人<span class="req">（必填）</span></label><input id="insp-inspector" type="text" autocomplete="name" required aria-describedby="insp-inspector-err">' +
    '<p class="insp-err" id="insp-inspector-err" hidden>请填写检查人姓名后再导出。</p>' +
    '<label for="insp-accompanied">服务商陪同人员</label><input id="insp-accompanied" type="text" autocomplete="off">' +
    '</fieldset>' +
    '<div class="insp-bar"><p class="insp-progress" role="status">已查 <b class="n-done">0</b> / 共 <b>' + rows.length + '</b></p>' +
    '<div class="bar" aria-hidden="true"><div class="fill"></div></div>' +
    '<p class="insp-where" aria-hidden="true"></p>' +
    '<button type="button" class="next">下一未查项</button></div>' +
    '<div class="insp-warn" role="alert"></div>' +
    '<details class="insp-toc"><summary>地点目录（' + R.places.length + ' 处）</summary><ol>' +
    R.places.map(function (p, k) {
      return '<li><a href="#place-' + k + '">' + esc(p[1]) + '</a> <span class="count" data-place="' + k + '"></span></li>';
    }).join('') +
    '</ol></details>' +
    R.places.map(function (p, k) {
      return (
        '<section class="insp-place" aria-labelledby="place-' + k + '"><h2 id="place-' + k + '" tabindex="-1">' + esc(p[1]) +
        ' <span class="sub">' + (KIND[p[2]] ? KIND[p[2]] + ' · ' : '') + '<span class="count" data-place="' + k + '"></span></span></h2>' +
        placeRows[k].map(rowHtml).join('') +
        '</section>'
      );
    }).join('') +
    '<section class="insp-export" aria-labelledby="insp-export-h"><h2 id="insp-export-h">导出与清除</h2>' +
    '<p>导出文件 <code>' + esc(R.id) + '.ndjson</code> 只含已填写的项目，交后勤管理处导入：<code>charter submit ' + esc(R.id) + '.ndjson --kind inspection-results</code>。未填写的项目不导出，视为未检查。</p>' +
    '<p class="insp-export-warn" hidden></p>' +
    '<p><button type="button" class="export">导出检查结果</button></p>' +
    '<p class="insp-export-msg" role="status"></p>' +
    '<p>清除后，本轮在本机上的全部记录都将删除，且无法恢复。请先导出。</p>' +
    '<p><button type="button" class="clear">清除本机记录</button></p>' +
    '</section>';
  app.innerHTML = html;

  var $ = function (s) {
    return app.querySelector(s);
  };
  var inspector = $('#insp-inspector');
  var accompanied = $('#insp-accompanied');
  var fieldsets = app.querySelectorAll('.insp-row');

  /** One row's controls reflect its answer. */
  var paint = function (r) {
    var fs = fieldsets[r.i];
    var a = state.answers[r.id];
    var res = a ? a.result : '';
    fs.setAttribute('data-result', res);
    var inputs = fs.querySelectorAll('input[type=radio]');
    for (var k = 0; k < inputs.length; k++) inputs[k].checked = inputs[k].value === res;
    fs.querySelector('.insp-more').hidden = res !== 'failed';
    fs.querySelector('[data-field=notes]').value = (a && a.notes) || '';
    fs.querySelector('[data-field=photos]').value = (a && a.photos) || '';
    var st = fs.querySelector('.insp-stamp');
    st.hidden = !a;
    if (a) st.querySelector('.when').textContent = '已记录 ' + showStamp(a.at);
  };

  var progress = function () {
    var done = 0;
    var per = R.places.map(function () {
      return 0;
    });
    rows.forEach(function (r) {
      if (state.answers[r.id]) {
        done++;
        per[R.places.indexOf(r.place)]++;
      }
    });
    app.querySelector('.n-done').textContent = String(done);
    app.querySelector('.bar .fill').style.width = (rows.length ? (100 * done) / rows.length : 0) + '%';
    var counts = app.querySelectorAll('.count');
    for (var k = 0; k < counts.length; k++) {
      var p = Number(counts[k].getAttribute('data-place'));
      counts[k].textContent = '已查 ' + per[p] + ' / ' + placeRows[p].length;
    }
  };

  var warnings = function () {
    var w = [];
    if (!storageOk) w.push('无法保存到本机（浏览器可能处于无痕模式或存储已满）：请勿关闭本页，并尽快导出。');
    var today = stamp(new Date()).slice(0, 10);
    if (today < R.start || today > R.end) w.push('本机日期 ' + today + ' 不在本轮检查期间（' + R.start + ' 至 ' + R.end + '）内。记录的检查时间取自本机时钟，请核对手机日期。');
    if (navigator.onLine === false) w.push('当前无网络：可继续填写，结果保存在本机。');
    $('.insp-warn').innerHTML = w.map(function (x) {
      return '<p>' + esc(x) + '</p>';
    }).join('');
    var missing = rows.filter(function (r) {
      var a = state.answers[r.id];
      return a && a.result === 'failed' && !(a.notes || '').trim();
    }).length;
    var ew = app.querySelector('.insp-export-warn');
    ew.hidden = !missing;
    ew.textContent = missing ? '有 ' + missing + ' 项“不合格”尚未填写问题描述。' : '';
  };

  inspector.value = state.inspector || '';
  accompanied.value = state.accompanied_by || '';
  rows.forEach(paint);
  progress();
  warnings();

  // ---- Input -------------------------------------------------------------------------------------
  var rowOf = function (el) {
    var fs = el.closest('.insp-row');
    return fs ? rows[Number(fs.id.slice(4))] : null;
  };
  app.addEventListener('change', function (e) {
    var t = e.target;
    if (t.type !== 'radio' || !t.checked) return;
    var r = rowOf(t);
    if (!r) return;
    var a = state.answers[r.id] || {};
    // The time of an answer is when its result was given (or changed), by the device's clock.
    if (a.result !== t.value) {
      a.result = t.value;
      a.at = stamp(new Date());
    }
    state.answers[r.id] = a;
    save();
    paint(r);
    progress();
    if (t.value === 'failed') fieldsets[r.i].querySelector('textarea').focus();
  });
  app.addEventListener('input', function (e) {
    var t = e.target;
    if (t === inspector) state.inspector = t.value;
    else if (t === accompanied) state.accompanied_by = t.value;
    else {
      var f = t.getAttribute('data-field');
      var r = rowOf(t);
      if (!f || !r || !state.answers[r.id]) return;
      state.answers[r.id][f] = t.value;
    }
    if (t === inspector && t.value.trim()) $('#insp-inspector-err').hidden = true;
    save();
  });
  app.addEventListener('click', function (e) {
    var t = e.target;
    if (t.classList.contains('undo')) {
      var r = rowOf(t);
      delete state.answers[r.id];
      save();
      paint(r);
      progress();
      fieldsets[r.i].querySelector('input[type=radio]').focus();
    } else if (t.classList.contains('next')) {
      var next = rows.filter(function (x) {
        return !state.answers[x.id];
      })[0];
      if (!next) {
        $('.insp-export h2').focus();
        $('.insp-export').scrollIntoView();
        return;
      }
      fieldsets[next.i].scrollIntoView({ block: 'start' });
      fieldsets[next.i].querySelector('input[type=radio]').focus({ preventScroll: true });
    } else if (t.classList.contains('export')) exportFile();
    else if (t.classList.contains('clear')) {
      if (!window.confirm('确定清除本轮（' + R.id + '）在本机上的全部检查记录吗？清除后无法恢复。')) return;
      try {
        localStorage.removeItem(KEY);
      } catch (err) {
        /* nothing stored */
      }
      state = blank();
      inspector.value = '';
      accompanied.value = '';
      rows.forEach(paint);
      progress();
      warnings();
      $('.insp-export-msg').textContent = '已清除本机记录。';
    }
  });
  $('.insp-export h2').setAttribute('tabindex', '-1');

  // ---- Export: canonical inspection-results rows, one JSON object a line --------------------------
  var exportFile = function () {
    var msg = $('.insp-export-msg');
    var who = (state.inspector || '').trim();
    if (!who) {
      $('#insp-inspector-err').hidden = false;
      inspector.focus();
      msg.textContent = '未导出：请先填写检查人。';
      return;
    }
    var lines = [];
    rows.forEach(function (r) {
      var a = state.answers[r.id];
      if (!a || !a.result) return;
      var o = { id: r.id, round: R.id, place: r.place[0], campus: r.place[3] || R.campus };
      if (r.place[2] === 'building') o.building = r.place[0];
      o.requirement = r.req[0];
      o.provider = R.provider;
      o.inspected_at = a.at;
      o.inspector = who;
      var acc = (state.accompanied_by || '').trim();
      if (acc) o.accompanied_by = acc;
      o.result = a.result;
      // A note and photo numbers belong to a 不合格 answer; one left from an earlier answer is not sent.
      if (a.result === 'failed') {
        var notes = (a.notes || '').trim();
        var photos = (a.photos || '').trim();
        if (notes) o.notes = notes;
        if (photos) o.photos = photos;
      }
      lines.push(JSON.stringify(o));
    });
    if (!lines.length) {
      msg.textContent = '未导出：本轮还没有任何检查结果。';
      return;
    }
    var blob = new Blob([lines.join('\n') + '\n'], { type: 'application/x-ndjson' });
    var url = URL.createObjectURL(blob);
    var a = document.createElement('a');
    a.href = url;
    a.download = R.id + '.ndjson';
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () {
      URL.revokeObjectURL(url);
    }, 10000);
    msg.textContent = '已导出 ' + lines.length + ' 项到 ' + R.id + '.ndjson（' + showStamp(stamp(new Date())) + '）。本机记录仍保留。';
  };

  // The bar names the place being walked, so a row in the middle of a long building is never anonymous.
  var heads = app.querySelectorAll('.insp-place h2');
  var where = app.querySelector('.insp-where');
  var bar = app.querySelector('.insp-bar');
  var ticking = false;
  var showWhere = function () {
    ticking = false;
    var top = bar.getBoundingClientRect().bottom + 1;
    var cur = '';
    for (var k = 0; k < heads.length; k++) {
      if (heads[k].getBoundingClientRect().top <= top) cur = R.places[k][1];
      else break;
    }
    if (where.textContent !== cur) where.textContent = cur;
  };
  window.addEventListener('scroll', function () {
    if (!ticking) {
      ticking = true;
      window.requestAnimationFrame(showWhere);
    }
  }, { passive: true });
  showWhere();

  window.addEventListener('online', warnings);
  window.addEventListener('offline', warnings);

  // Another tab of the same round saved: take its answers, so two tabs never undo each other's work.
  window.addEventListener('storage', function (e) {
    if (e.key !== KEY) return;
    try {
      state = JSON.parse(e.newValue || 'null') || blank();
    } catch (err) {
      return;
    }
    inspector.value = state.inspector || '';
    accompanied.value = state.accompanied_by || '';
    rows.forEach(paint);
    progress();
    warnings();
  });

  offline(app);

  // ---- Offline: a service worker scoped to the inspection pages, and this page put in its cache -------
  function offline(el) {
    // The same cache the service worker (sw.js) fills: this page is in it from the first visit on.
    var cacheName = 'charter-inspections-v1';
    var assets = JSON.parse(el.getAttribute('data-assets'));
    if ('serviceWorker' in navigator) {
      navigator.serviceWorker.register(el.getAttribute('data-sw'), { scope: el.getAttribute('data-scope') }).catch(function () {});
    }
    // Ask the browser not to evict this site's storage under pressure (granted or not, nothing else changes).
    if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
    if (window.caches) {
      caches.open(cacheName).then(function (c) {
        return c.addAll([location.pathname].concat(assets));
      }).catch(function () {});
    }
  }
})();
