/* Loa "Nghe tiếp": at the end, optionally the next article (the "Nghe sau" list first, then the chuyên mục,
   newest first), announced and cancellable; the "Nghe sau" button. Uses root.loaPlayer (player.js). */
(function () {
  "use strict";
  var root = document.querySelector("[data-readaloud-player]"), p = root && root.loaPlayer, source = document.getElementById("readaloud-next");
  if (!p || !source) return;
  var ui = p.ui, store = p.store, id = +root.dataset.pageId, timer = 0, left = 0, next = null;
  var LATER = "loa.readaloud.later", HEARD = "loa.readaloud.heard", AUTO = "loa.readaloud.autonext", START = "loa.readaloud.start";

  ui.autonext.checked = store.get(AUTO) === "1";
  on(ui.autonext, "change", function () { store.set(AUTO, ui.autonext.checked ? "1" : "0"); });
  on(ui.later, "click", function () {
    var list = read(LATER), add = !has(list, id);
    write(LATER, add ? list.concat([{ id: id, title: ui.later.dataset.title, url: ui.later.dataset.url }]) : without(list, id));
    p.announce(p.say(add ? "later_added" : "later_removed"));
  });
  later();

  on(root, "readaloud:ended", function () {
    write(HEARD, [id].concat(without(read(HEARD), id)).slice(0, 200));
    write(LATER, without(read(LATER), id));
    next = ui.autonext.checked && pick();
    if (!next) return;
    left = 5;  // seconds between the announcement and the next article
    ui.next.hidden = false;
    count();
    p.announce(p.say("finished_next", { next: ui["next-text"].textContent }));
    timer = setInterval(function () { if (--left) count(); else go(); }, 1000);
  });
  on(p.audio, "play", cancel);
  on(ui["next-now"], "click", go);
  on(ui["next-cancel"], "click", stop);
  on(document, "keydown", function (e) { if (e.key === "Escape" && timer) stop(); });

  // Arrived here through "Nghe tiếp": go on playing (the browser may ask for a tap first).
  try {
    if (sessionStorage.getItem(START) === String(id)) { sessionStorage.removeItem(START); p.play(); }
  } catch (e) { /* storage blocked */ }

  function pick() {
    var heard = read(HEARD);
    return read(LATER).concat(JSON.parse(source.textContent)).filter(function (c) {
      return c.id !== id && /^\/(?!\/)/.test(c.url) && heard.indexOf(c.id) < 0;  // paths of this site only
    })[0];
  }

  function go() {
    var target = next;
    cancel();
    try { sessionStorage.setItem(START, String(target.id)); } catch (e) { /* plays after a tap */ }
    location.assign(target.url);
  }

  function count() { ui["next-text"].textContent = p.say("next_in", { title: next.title, seconds: left }); }
  function stop() { cancel(); p.announce(p.say("next_cancelled")); }
  function cancel() { clearInterval(timer); timer = 0; ui.next.hidden = true; }
  function later() { ui.later.setAttribute("aria-pressed", String(has(read(LATER), id))); }

  function read(key) {
    try { var v = JSON.parse(store.get(key) || "[]"); return Array.isArray(v) ? v : []; } catch (e) { return []; }
  }
  function write(key, list) { store.set(key, JSON.stringify(list)); later(); }
  function has(list, x) { return list.some(function (c) { return c.id === x || c === x; }); }
  function without(list, x) { return list.filter(function (c) { return c.id !== x && c !== x; }); }
  function on(el, type, fn) { el.addEventListener(type, fn); }
})();
