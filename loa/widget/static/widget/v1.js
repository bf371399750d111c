/* Loa: the read-aloud player for a portal that is not Loa.
   <script src="https://loa.example/widget/v1.js" data-site="KEY" [data-target="#id"] async></script>
   The player lives in a Shadow DOM (the host's CSS cannot reach it, it cannot reach the host);
   it asks Loa for nothing until the page is idle (the voices) or the reader presses play (the audio).
   Loa reads the page from its own copy, fetched from the registered site, and sends the texts of the
   blocks it read: they are found again in this DOM by their text, and the sentence and word being
   read are highlighted in the host's own text (CSS Custom Highlight API; else the block is marked). */
(function () {
  "use strict";
  var me = document.currentScript || document.querySelector('script[src*="/widget/v1.js"]');
  if (!me || window.__loaWidget) return;
  window.__loaWidget = 1;
  var LOA = new URL(me.src, location.href).origin, KEY = me.getAttribute("data-site") || "";
  var API = LOA + "/api/widget/v1/", Q = "?site=" + encodeURIComponent(KEY);
  var SPEEDS = [0.75, 1, 1.25, 1.5, 2];
  var HL = window.CSS && CSS.highlights && window.Highlight;

  // Fixed rows and a fixed height: nothing the host, the voices' names or a message do changes its size.
  var CSS_TEXT =
    ":host{all:initial!important;display:block!important;height:166px!important;contain:layout}" +
    ".p{box-sizing:border-box;height:166px;font:15px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,Arial,sans-serif;color:#1a1a1a;" +
    "background:#f6f7f9;border:1px solid #c9ced6;border-radius:10px;padding:8px 10px;display:flex;flex-direction:column;gap:6px;max-width:100%}" +
    ".p.m{position:fixed;left:8px;right:8px;bottom:8px;z-index:2147483000;box-shadow:0 4px 16px #0004;max-width:40rem;margin:auto}" +
    ".r{display:flex;align-items:center;gap:8px;flex-wrap:nowrap;min-width:0}" +
    "button,select,a{font:inherit;color:#1a1a1a;height:44px;min-width:44px;border-radius:8px;border:1px solid #6b7480;background:#fff;cursor:pointer;box-sizing:border-box;flex:none}" +
    "button{padding:0 8px}a{display:inline-flex;align-items:center;padding:0 10px;text-decoration:none}" +
    "select{min-width:0;max-width:100%;padding:0 4px}.v{flex:1 1 auto;width:40px}" +
    ".pl{background:#0b5cad;color:#fff;border-color:#0b5cad;font-weight:600;min-width:96px}" +
    "button:focus-visible,select:focus-visible,a:focus-visible,input:focus-visible{outline:3px solid #e8a200;outline-offset:2px}" +
    ".t{font-variant-numeric:tabular-nums;white-space:nowrap;margin-left:auto}" +
    "input{margin:0;height:24px;width:100%;accent-color:#0b5cad}" +
    ".s{margin:0;height:18px;font-size:13px;color:#3d4450;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}" +
    "a[aria-disabled=true]{opacity:.6;pointer-events:none}" +
    ".x{margin-left:auto}";
  var HOST_CSS = "::highlight(loa-cau){background:#fff1a8;color:inherit}::highlight(loa-tu){background:#9ed3ff;color:inherit}" +
    ".loa-dang-doc{background:#fff1a8!important}";

  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs) e.setAttribute(k, attrs[k]);
    if (text) e.textContent = text;
    return e;
  }
  function sheet(text) {
    try { var s = new CSSStyleSheet(); s.replaceSync(text); return s; } catch (e) { return null; }
  }
  function clock(t) {
    t = Math.max(0, Math.floor(t || 0));
    var s = t % 60;
    return Math.floor(t / 60) + ":" + (s < 10 ? "0" : "") + s;
  }

  // -- the player ---------------------------------------------------------------------------
  var target = me.getAttribute("data-target") && document.querySelector(me.getAttribute("data-target"));
  var host = document.createElement("loa-nghe");
  if (target) target.appendChild(host);
  else {
    var h1 = document.querySelector("article h1, main h1, h1");
    if (h1) h1.insertAdjacentElement("afterend", host);
    else document.body.insertBefore(host, document.body.firstChild);
  }
  var root = host.attachShadow({ mode: "open" });
  var own = sheet(CSS_TEXT), hostSheet = sheet(HOST_CSS);
  if (own) root.adoptedStyleSheets = [own];
  if (hostSheet) document.adoptedStyleSheets = document.adoptedStyleSheets.concat([hostSheet]);

  var box = el("div", { class: "p", role: "region", "aria-label": "Trình nghe đọc bài" });
  var play = el("button", { type: "button", class: "pl", "aria-label": "Nghe đọc bài" }, "▶ Nghe");
  var back = el("button", { type: "button", "aria-label": "Lùi 10 giây" }, "−10");
  var fwd = el("button", { type: "button", "aria-label": "Tới 10 giây" }, "+10");
  var time = el("span", { class: "t", "aria-label": "Thời gian" }, "0:00 / 0:00");
  var speed = el("select", { "aria-label": "Tốc độ đọc" });
  SPEEDS.forEach(function (v) { var o = el("option", { value: v }, v + "×"); if (v === 1) o.selected = true; speed.appendChild(o); });
  var voice = el("select", { "aria-label": "Giọng đọc", class: "v" });
  voice.appendChild(el("option", { value: "" }, "Giọng mặc định"));
  var down = el("a", { href: "#", "aria-disabled": "true", target: "_blank", rel: "noopener", download: "" }, "Tải về");
  var close = el("button", { type: "button", class: "x", "aria-label": "Đóng trình nghe thu nhỏ", hidden: "" }, "×");
  var seek = el("input", { type: "range", min: 0, max: 0, step: 1, value: 0, "aria-label": "Vị trí đang nghe" });
  var status = el("p", { class: "s", role: "status" });
  var row1 = el("div", { class: "r" }), row2 = el("div", { class: "r" });
  [play, back, fwd, time, close].forEach(function (n) { row1.appendChild(n); });
  [speed, voice, down].forEach(function (n) { row2.appendChild(n); });
  [row1, seek, row2, status].forEach(function (n) { box.appendChild(n); });
  root.appendChild(box);

  var audio = new Audio();
  audio.preload = "none";
  var data = null, blockEls = [], voiceLoaded = false, pendingSeek = null, current = -1, word = -1;
  var reported = {}, poll = 0, loading = false, want = false;  // want: the reader asked to hear it

  function say(text) { status.textContent = text; }
  function api(path, options) {
    return fetch(API + path, Object.assign({ credentials: "omit", mode: "cors" }, options || {})).then(function (r) {
      return r.json().then(function (j) { j._http = r.status; return j; }, function () { return { _http: r.status }; });
    });
  }

  function loadVoices() {
    if (voiceLoaded) return;
    voiceLoaded = true;
    api("site" + Q).then(function (j) {
      if (!j.voices) return;
      voice.textContent = "";
      j.voices.forEach(function (v) {
        var o = el("option", { value: v.id }, v.name);
        if (v.id === j.default_voice) o.selected = true;
        voice.appendChild(o);
      });
    }, function () {});
  }
  (window.requestIdleCallback || function (f) { setTimeout(f, 1500); })(loadVoices);

  // -- narration -------------------------------------------------------------------------------
  function load() {
    if (loading) return;
    loading = true;
    clearTimeout(poll);
    say("Đang chuẩn bị âm thanh…");
    var url = "narration" + Q + "&url=" + encodeURIComponent(location.href.split("#")[0]) +
      (voice.value ? "&voice=" + encodeURIComponent(voice.value) : "");
    api(url).then(function (j) {
      loading = false;
      if (j._http !== 200) return say(j.error || "Không nghe được bài này.");
      data = j;
      if (!blockEls.length) blockEls = findBlocks(j.blocks || []);
      if (j.status === "ready") return use(j.audio_url, true);
      if (j.status === "failed") return say(j.error || "Không tạo được âm thanh.");
      if (j.stream_url && !audio.src) use(j.stream_url, false);
      else if (!audio.src) say("Đang tạo âm thanh…");
      poll = setTimeout(load, 1000 * (j.retry_after || 1));
    }, function () { loading = false; say("Không kết nối được tới Loa."); });
  }

  function use(src, final) {
    var at = audio.src ? audio.currentTime : (pendingSeek || 0);
    if (final) { down.href = src; down.removeAttribute("aria-disabled"); }
    if (audio.src === src) return;
    audio.src = src;
    audio.playbackRate = +speed.value;
    if (at) audio.addEventListener("loadedmetadata", function f() { audio.removeEventListener("loadedmetadata", f); audio.currentTime = at; });
    pendingSeek = null;
    if (want) audio.play().catch(function () { say("Trình duyệt chặn tự phát; hãy bấm Nghe."); });
    say(final ? "" : "Đang phát trong khi tạo âm thanh…");
  }

  // -- finding Loa's blocks in the host's DOM ----------------------------------------------
  function squash(s) { // [normalized text, normalized index of each raw index, raw index of each normalized index]
    var out = "", r2n = [], n2r = [], sp = false;
    for (var i = 0; i < s.length; i++) {
      var c = s.charAt(i);
      r2n.push(out.length);
      if (/\s/.test(c)) { if (out.length && !sp) { out += " "; n2r.push(i); sp = true; } }
      else { out += c; n2r.push(i); sp = false; }
    }
    if (sp) { out = out.slice(0, -1); n2r.pop(); }
    r2n.push(out.length); n2r.push(s.length);
    return [out, r2n, n2r];
  }
  function findBlocks(blocks) {
    var used = [];
    return blocks.map(function (b) {
      var want = squash(b.text), list = document.body.getElementsByTagName(b.tag);
      for (var i = 0; i < list.length; i++) {
        var e = list[i];
        if (used.indexOf(e) >= 0 || host.contains(e)) continue;
        var got = squash(e.textContent);
        if (got[0] === want[0]) { used.push(e); return { el: e, from: want[1], to: got[2] }; }
      }
      return null;
    });
  }
  function domOffset(b, o) { return b.to[Math.min(b.from[Math.min(o, b.from.length - 1)], b.to.length - 1)]; }
  function range(b, start, end) {
    var a = domOffset(b, start), z = domOffset(b, end), walk = document.createTreeWalker(b.el, NodeFilter.SHOW_TEXT);
    var r = document.createRange(), pos = 0, n, set = false;
    while ((n = walk.nextNode())) {
      var len = n.data.length;
      if (!set && a <= pos + len) { r.setStart(n, a - pos); set = true; }
      if (set && z <= pos + len) { r.setEnd(n, z - pos); return r; }
      pos += len;
    }
    return set ? r : null;
  }
  function blockOf(s) { return blockEls[+s.block] || null; }

  // -- highlighting --------------------------------------------------------------------------
  var marked = null;
  function paint(si, wi) {
    if (si === current && wi === word) return;
    current = si; word = wi;
    var s = data && data.sentences[si], b = s && blockOf(s);
    if (HL) {
      CSS.highlights.delete("loa-cau"); CSS.highlights.delete("loa-tu");
      if (!b) return;
      var r = range(b, s.char_start, s.char_end);
      if (r) CSS.highlights.set("loa-cau", new Highlight(r));
      var w = s.words && s.words[wi];
      var wr = w && range(b, w.char_start, w.char_end);
      if (wr) CSS.highlights.set("loa-tu", new Highlight(wr));
    } else {
      if (marked) marked.classList.remove("loa-dang-doc");
      marked = b && b.el;
      if (marked) marked.classList.add("loa-dang-doc");
    }
  }
  function tick() {
    var t = audio.currentTime, list = (data && data.sentences) || [], si = -1, wi = -1;
    for (var i = 0; i < list.length; i++) if (list[i].start <= t && t < list[i].end + 0.35) { si = i; if (t < list[i].end) break; }
    if (si >= 0) {
      var ws = list[si].words || [];
      for (var k = 0; k < ws.length; k++) if (ws[k].start <= t && t < ws[k].end) { wi = k; break; }
    }
    paint(si, wi);
    var d = (data && data.status === "ready" && data.duration) || audio.duration || 0;
    if (!isFinite(d)) d = 0;
    time.textContent = clock(t) + " / " + clock(d);
    seek.max = Math.floor(d); seek.value = Math.floor(t);
    seek.setAttribute("aria-valuetext", clock(t) + " trên " + clock(d));
    if (data && d && !reported.listen && (t >= 30 || t >= d / 4)) report("listen");
    if (!audio.paused) requestAnimationFrame(tick);
  }

  // -- controls ------------------------------------------------------------------------------
  function toggle() {
    want = audio.paused;
    if (!audio.src) return load();
    if (want) audio.play(); else audio.pause();
  }
  function jump(dt) { if (audio.src) audio.currentTime = Math.max(0, audio.currentTime + dt); tick(); }
  play.onclick = toggle;
  back.onclick = function () { jump(-10); };
  fwd.onclick = function () { jump(10); };
  speed.onchange = function () { audio.playbackRate = +speed.value; };
  voice.onchange = function () { if (audio.src) { pendingSeek = audio.currentTime; audio.pause(); audio.removeAttribute("src"); audio.load(); data = null; load(); } };
  voice.onfocus = loadVoices;
  seek.oninput = function () { if (audio.src) audio.currentTime = +seek.value; tick(); };
  close.onclick = function () { box.classList.remove("m"); close.hidden = true; mini = false; };
  box.addEventListener("keydown", function (e) {
    if (e.target.tagName === "SELECT" || e.target.tagName === "INPUT") return;
    if (e.key === "k" || e.key === "K") { toggle(); e.preventDefault(); }
    else if (e.key === "j" || e.key === "J") jump(-10);
    else if (e.key === "l" || e.key === "L") jump(10);
    else if (e.key === "Escape" && box.classList.contains("m")) close.onclick();
  });
  audio.addEventListener("play", function () {
    play.textContent = "❚❚ Dừng"; play.setAttribute("aria-label", "Tạm dừng");
    if (!reported.play) report("play");
    requestAnimationFrame(tick);
  });
  audio.addEventListener("pause", function () { play.textContent = "▶ Nghe"; play.setAttribute("aria-label", "Nghe đọc bài"); tick(); });
  audio.addEventListener("ended", function () {
    if (data && data.status === "ready") { want = false; report("ended"); paint(-1, -1); }
    else { pendingSeek = audio.currentTime; audio.removeAttribute("src"); load(); }  // the stream ran out first
  });
  audio.addEventListener("timeupdate", function () { if (audio.paused) tick(); });
  audio.addEventListener("error", function () {  // a stream that finished before it was asked for: use the file
    if (data && data.status !== "ready" && audio.getAttribute("src")) { pendingSeek = 0; audio.removeAttribute("src"); }
  });

  function report(kind) {
    reported[kind] = 1;
    if (!data) return;
    fetch(API + "listen" + Q, { method: "POST", mode: "cors", credentials: "omit", keepalive: true,
      headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ page: data.page, event: kind }) }).catch(function () {});
  }

  // Click a sentence in the article to play from it (not links, not while nothing is loaded).
  document.addEventListener("click", function (e) {
    if (!data || !audio.src || e.target.closest("a,button,input,select,textarea")) return;
    var pos = document.caretPositionFromPoint ? document.caretPositionFromPoint(e.clientX, e.clientY) : null;
    var r = pos ? null : document.caretRangeFromPoint && document.caretRangeFromPoint(e.clientX, e.clientY);
    var node = pos ? pos.offsetNode : r && r.startContainer, off = pos ? pos.offset : r && r.startOffset;
    if (!node) return;
    for (var i = 0; i < data.sentences.length; i++) {
      var s = data.sentences[i], b = blockOf(s);
      if (!b || !b.el.contains(node)) continue;
      var sr = range(b, s.char_start, s.char_end);
      if (sr && sr.comparePoint(node, off) === 0) { audio.currentTime = s.start; want = true; audio.play(); tick(); return; }
    }
  });

  // The mini-player: once playing, when the player is scrolled out of view (its place keeps its size).
  var mini = true;
  if (window.IntersectionObserver) new IntersectionObserver(function (entries) {
    var out = !entries[0].isIntersecting;
    if (out && audio.src && !audio.paused && mini) { box.classList.add("m"); close.hidden = false; }
    else if (!out) { box.classList.remove("m"); close.hidden = true; mini = true; }
  }).observe(host);
})();
