/* Loa mini-player: a small player on screen while the main one is scrolled away, kept clear of the text
   being read (it moves to the top when that text reaches the bottom). Uses root.loaPlayer (player.js). */
(function () {
  "use strict";
  var root = document.querySelector("[data-readaloud-player]"), mini = document.querySelector("[data-readaloud-mini]");
  var p = root && root.loaPlayer;
  if (!p || !mini || !window.IntersectionObserver) return;
  var audio = p.audio, m = {}, started = false, closed = false, away = false, told = false, queued = 0;
  mini.querySelectorAll("[data-mini]").forEach(function (el) { m[el.getAttribute("data-mini")] = el; });

  new IntersectionObserver(function (entries) { away = !entries[0].isIntersecting; update(); }).observe(root);
  audio.addEventListener("play", function () { started = true; closed = false; update(); state(); });
  audio.addEventListener("pause", state);
  audio.addEventListener("timeupdate", time);
  root.addEventListener("readaloud:highlight", place);
  window.addEventListener("scroll", function () {
    if (!mini.hidden && !queued) queued = requestAnimationFrame(function () { queued = 0; place(); });
  }, { passive: true });

  m.play.addEventListener("click", p.toggle);
  m.back.addEventListener("click", function () { p.skip(-10); });
  m.forward.addEventListener("click", function () { p.skip(10); });
  m.reveal.addEventListener("click", p.reveal);
  m.close.addEventListener("click", close);
  mini.addEventListener("keydown", function (e) { if (e.key === "Escape") close(); });

  function close() {
    var inside = mini.contains(document.activeElement);
    closed = true;
    update();
    if (inside) p.ui.play.focus({ preventScroll: true });
  }

  function update() {
    var show = started && away && !closed && !!p.data();
    if (show === !mini.hidden) return;
    mini.hidden = !show;
    document.body.classList.toggle("ra-mini-on", show);
    if (show) {
      state(); time(); place();
      if (!told) { told = true; p.announce("Trình phát thu gọn đang ở cạnh màn hình."); }
    }
  }

  function state() {
    var playing = !audio.paused;
    m.icon.textContent = playing ? "❚❚" : "▶";
    m.label.textContent = playing ? "Tạm dừng" : "Nghe";
  }

  function time() {
    var data = p.data();
    if (mini.hidden || !data) return;
    var t = audio.currentTime, text = p.clock(t) + " / " + p.clock(data.duration);
    if (m.time.textContent === text) return;  // once a second
    m.time.textContent = text;
    m.progress.max = Math.max(1, Math.floor(data.duration));
    m.progress.value = Math.floor(t);
  }

  // At the bottom unless the word (or sentence) being read is under it there; then at the top.
  function place() {
    var range = p.range();
    if (mini.hidden || !range) return;
    var r = range.getBoundingClientRect(), h = mini.offsetHeight, vh = window.innerHeight;
    var underBottom = r.bottom > vh - h && r.top < vh, underTop = r.top < h && r.bottom > 0;
    var top = mini.classList.contains("ra-mini-top");
    if (top ? underTop && !underBottom : underBottom && !underTop) mini.classList.toggle("ra-mini-top", !top);
  }
})();
