/* Loa "Nghe tiếp": after the end, optionally go on with the next article (the "Nghe sau" list first, then
   the chuyên mục, newest first), announced and cancellable; the "Nghe sau" button. Uses root.loaPlayer. */
(function () {
  "use strict";
  var root = document.querySelector("[data-readaloud-player]"), p = root && root.loaPlayer, source = document.getElementById("readaloud-next");
  if (!p || !source) return;
  var ui = p.ui, store = p.store, id = +root.dataset.pageId, timer = 0, left = 0, next = null;
  var LATER = "loa.readaloud.later", HEARD = "loa.readaloud.heard", AUTO = "loa.readaloud.autonext", START = "loa.readaloud.start";
  var WAIT = 5;  // seconds between the announcement and the next article

  ui.autonext.checked = store.get(AUTO) === "1";
  ui.autonext.addEventListener("change", function () { store.set(AUTO, ui.autonext.checked ? "1" : "0"); });
  ui.later.addEventListener("click", function () {
    var list = read(LATER), on = !has(list, id);
    write(LATER, on ? list.concat([{ id: id, title: ui.later.dataset.title, url: ui.later.dataset.url }]) : without(list, id));
    later();
    p.announce(on ? "Đã thêm vào danh sách nghe sau." : "Đã bỏ khỏi danh sách nghe sau.");
  });
  later();

  p.audio.addEventListener("ended", function () {
    write(HEARD, [id].concat(read(HEARD).filter(function (x) { return x !== id; })).slice(0, 200));
    write(LATER, without(read(LATER), id));
    later();
    next = ui.autonext.checked && pick();
    if (!next) return;
    left = WAIT;
    ui.next.hidden = false;
    count();
    p.announce("Đã đọc hết bài. " + ui["next-text"].textContent + " Bấm Hủy hoặc phím Esc để dừng.");
    timer = setInterval(function () { if (--left <= 0) go(); else count(); }, 1000);
  });
  p.audio.addEventListener("play", cancel);
  ui["next-now"].addEventListener("click", go);
  ui["next-cancel"].addEventListener("click", stop);
  document.addEventListener("keydown", function (e) { if (e.key === "Escape" && timer) stop(); });

  function count() { ui["next-text"].textContent = "Bài tiếp theo: " + next.title + ". Tự động phát sau " + left + " giây."; }
  function stop() { cancel(); p.announce("Đã hủy nghe bài tiếp theo."); }

  // Arrived here through "Nghe tiếp": go on playing (the browser may ask for a tap first).
  try {
    if (sessionStorage.getItem(START) === String(id)) { sessionStorage.removeItem(START); p.play(); }
  } catch (e) { /* storage blocked */ }

  function pick() {
    var heard = read(HEARD), candidates = read(LATER).concat(JSON.parse(source.textContent));
    for (var k = 0; k < candidates.length; k++) {
      var c = candidates[k];
      if (c.id !== id && /^\/(?!\/)/.test(c.url) && heard.indexOf(c.id) < 0) return c;  // paths of this site only
    }
    return null;
  }

  function go() {
    if (!next) return;
    var target = next;
    cancel();
    try { sessionStorage.setItem(START, String(target.id)); } catch (e) { /* plays after a tap */ }
    location.assign(target.url);
  }

  function cancel() {
    clearInterval(timer);
    timer = 0;
    ui.next.hidden = true;
  }

  function later() { ui.later.setAttribute("aria-pressed", String(has(read(LATER), id))); }

  function read(key) {
    try { var v = JSON.parse(store.get(key) || "[]"); return Array.isArray(v) ? v : []; } catch (e) { return []; }
  }
  function write(key, list) { store.set(key, JSON.stringify(list)); }
  function has(list, x) { return list.some(function (c) { return c.id === x; }); }
  function without(list, x) { return list.filter(function (c) { return c.id !== x; }); }
})();
