/* Loa player controls away from the main player, using root.loaPlayer (player.js):
   - the mini-player, on screen while the main player is scrolled away, kept clear of the text being read
     (at the top when that text reaches the bottom);
   - keyboard shortcuts (listed under "Phím tắt khi nghe"): K, J/L, < >; never while typing in a field. */
(function () {
  "use strict";
  var root = document.querySelector("[data-readaloud-player]"), p = root && root.loaPlayer;
  if (!p) return;
  var audio = p.audio, speed = p.ui.speed;
  var keys = {
    k: p.toggle,
    j: function () { p.skip(-10); },
    l: function () { p.skip(10); },
    "<": function () { step(-1); },
    ">": function () { step(1); }
  };
  on(document, "keydown", function (e) {
    var fn = keys.hasOwnProperty(e.key.toLowerCase()) && keys[e.key.toLowerCase()], t = e.target;
    if (!fn || e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || t.isContentEditable || t.closest("input, textarea, select")) return;
    e.preventDefault();
    fn();
  });

  function step(d) {
    var k = Math.max(0, Math.min(speed.options.length - 1, speed.selectedIndex + d));
    speed.selectedIndex = k;
    speed.dispatchEvent(new Event("change"));
    p.announce(p.say("speed", { speed: speed.options[k].text }));
  }

  // -- the mini-player
  var mini = document.querySelector("[data-readaloud-mini]"), m = {}, started = 0, closed = 0, away = 0, told = 0, queued = 0;
  if (!mini || !window.IntersectionObserver) return;
  mini.querySelectorAll("[data-mini]").forEach(function (el) { m[el.getAttribute("data-mini")] = el; });
  new IntersectionObserver(function (entries) { away = !entries[0].isIntersecting; update(); }).observe(root);
  on(audio, "play", function () { started = 1; closed = 0; update(); state(); });
  on(audio, "pause", state);
  on(audio, "timeupdate", time);
  on(root, "readaloud:highlight", place);
  on(window, "scroll", function () {
    if (!mini.hidden && !queued) queued = requestAnimationFrame(function () { queued = 0; place(); });
  }, { passive: true });
  on(m.play, "click", p.toggle);
  on(m.back, "click", function () { p.skip(-10); });
  on(m.forward, "click", function () { p.skip(10); });
  on(m.reveal, "click", reveal);
  on(m.close, "click", close);
  on(mini, "keydown", function (e) { if (e.key === "Escape") close(); });

  function update() {
    var show = !!(started && away && !closed && p.data());
    if (show === !mini.hidden) return;
    mini.hidden = !show;
    document.body.classList.toggle("ra-mini-on", show);
    if (!show) return;
    state(); time(); place();
    if (!told++) p.announce(p.say("mini_shown"));
  }

  function state() {
    m.icon.textContent = audio.paused ? "▶" : "❚❚";
    m.label.textContent = p.say(audio.paused ? "play" : "pause");
  }

  function time() {  // once a second
    var data = p.data(), t = audio.currentTime, text = data && p.clock(t) + " / " + p.clock(data.duration);
    if (mini.hidden || !data || m.time.textContent === text) return;
    m.time.textContent = text;
    m.progress.max = Math.max(1, Math.floor(data.duration));
    m.progress.value = Math.floor(t);
  }

  // At the bottom unless the word (or sentence) being read is under it there; then at the top.
  function place() {
    var range = p.range();
    if (mini.hidden || !range) return;
    var r = range.getBoundingClientRect(), h = mini.offsetHeight, vh = innerHeight;
    var bottom = r.bottom > vh - h && r.top < vh, top = r.top < h && r.bottom > 0, up = mini.classList.contains("ra-mini-top");
    if (up ? top && !bottom : bottom && !top) mini.classList.toggle("ra-mini-top", !up);
  }

  // "Về đoạn đang đọc": the sentence being read on screen, the focus on its block (the player when none).
  function reveal() {
    var range = p.range(), node = range && range.startContainer;
    var el = node && (node.nodeType === 1 ? node : node.parentElement).closest("[data-readaloud-block], [data-readaloud-title]");
    if (!el) { root.scrollIntoView(); p.ui.play.focus(); return; }
    if (!el.hasAttribute("tabindex")) el.setAttribute("tabindex", "-1");
    el.focus({ preventScroll: true });
    scrollTo(0, scrollY + range.getBoundingClientRect().top - innerHeight / 3);  // a jump: where am I is clear at once
  }

  function close() {
    var inside = mini.contains(document.activeElement);
    closed = 1;
    update();
    if (inside) p.ui.play.focus({ preventScroll: true });
  }

  function on(el, type, fn, options) { el.addEventListener(type, fn, options); }
})();
