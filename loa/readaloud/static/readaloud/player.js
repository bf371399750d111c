/* Loa read-aloud player: plays an article, highlights the sentence and the word being read.
   Without it the page keeps its plain <audio controls>. mini.js and next.js use root.loaPlayer. */
(function () {
  "use strict";
  var root = document.querySelector("[data-readaloud-player]");
  if (!root || !window.fetch || !window.CSS || !CSS.escape) return;

  var ds = root.dataset;
  var words = JSON.parse(document.getElementById("readaloud-text").textContent);
  var ui = {};
  root.querySelectorAll("[data-ra]").forEach(function (el) { ui[el.getAttribute("data-ra")] = el; });
  var store = storage();
  var posKey = "loa.readaloud.pos." + ds.pageId;
  var audio = root.querySelector("audio") || document.createElement("audio");
  var data = null;        // the API answer, once ready
  var voice = pick(store.get("loa.readaloud.voice"), ui.voice, ds.defaultVoice);
  var wantPlay = false;   // play once ready
  var pending = null;     // position to restore (voice change, reload)
  var switching = false;  // paused to change voice
  var current = -1, pollTimer = 0, pollDelay = 1000, savedAt = 0, reported = {}, beatAt = 0, blocks = {};
  var word = -1, frame = 0, lit = {};  // word being read, rAF loop, ranges shown

  document.documentElement.classList.replace("no-js", "js");

  audio.removeAttribute("controls");
  audio.preload = "none";
  audio.hidden = true;
  if (!audio.parentNode) root.appendChild(audio);
  root.querySelector("[data-readaloud-basic]").hidden = true;
  root.querySelector("[data-readaloud-controls]").hidden = false;
  ui.voice.value = voice;
  ui.speed.value = pick(store.get("loa.readaloud.speed"), ui.speed, "1");
  if (ui.follow) ui.follow.checked = store.get("loa.readaloud.follow") === "1";
  restorePosition();
  load();

  // -- the API
  function load() {
    clearTimeout(pollTimer);
    var asked = voice;
    fetch(ds.api + "?voice=" + encodeURIComponent(asked))
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (answer) { if (asked === voice) received(answer); })
      .catch(function () { status(say("retrying")); poll(); });
  }

  function received(answer) {
    ds.status = answer.status;  // ready, pending or failed
    if (answer.status === "ready") {
      pollDelay = 1000;
      use(answer);
    } else if (answer.status === "pending") {
      pollDelay = Math.min(pollDelay, (answer.retry_after || 1) * 1000);  // ask as often as the server says
      if (answer.stream_url) streamPending(answer);
      else if (wantPlay || pending || !data) status(say("making"));
      poll((answer.retry_after || 1) * 1000);
    } else {
      status(say("failed"));
      wantPlay = false;
      setPlaying(false);
    }
  }

  function poll(delay) {
    pollTimer = setTimeout(load, Math.max(delay || 0, pollDelay));
    pollDelay = Math.min(pollDelay * 1.5, 10000);
  }

  function use(answer) {
    leaveStream();
    var wasPlaying = !audio.paused;
    var restore = pending || (data ? where(audio.currentTime) : null);
    data = answer;
    pending = null;
    switching = false;
    status("");
    audio.src = answer.audio_url;
    audio.playbackRate = audio.defaultPlaybackRate = +ui.speed.value;
    ui.seek.max = Math.floor(answer.duration);
    ui.download.href = answer.audio_url;
    ui.download.hidden = false;
    current = -1;
    if (restore) seek(timeOf(restore));
    else showTime(0);
    if (wantPlay || wasPlaying || (restore && restore.playing)) play();
  }

  // -- a narration still being made: play its growing stream (same sentence times as the
  //    finished file), then use() moves to the finished file at the same currentTime.
  var streaming = null;  // the URL of the stream being played

  function streamPending(answer) {
    var sentences = answer.sentences || [], made = answer.progress || {};
    var known = sentences.length ? sentences[sentences.length - 1].end : 0;
    status(say("making_count", { done: made.done || 0, total: made.total || "?" }));
    if (streaming === answer.stream_url) {
      data.sentences = sentences;
      data.duration = known;
      ui.seek.max = Math.floor(known);
      return;
    }
    if (data && !data.streaming) return;  // already playing a finished file
    // A stream plays from its start: a later place waits for the finished file.
    if (pending && pending.time > 1) return;
    var restore = pending;
    pending = null;
    streaming = answer.stream_url;
    data = { sentences: sentences, duration: known, streaming: true };
    root.setAttribute("data-streaming", "");
    audio.src = streaming;
    audio.playbackRate = audio.defaultPlaybackRate = +ui.speed.value;
    ui.seek.max = Math.floor(known);
    current = -1;
    if (wantPlay || (restore && restore.playing)) play();
  }

  function leaveStream() {
    streaming = null;
    root.removeAttribute("data-streaming");
  }

  function streamSeekable(t) {  // a stream only seeks within what the browser holds of it
    if (!data || !data.streaming) return true;
    for (var k = 0; k < audio.seekable.length; k++) if (t >= audio.seekable.start(k) && t <= audio.seekable.end(k)) return true;
    return false;
  }

  function streamEnded() {  // caught up with the generation: wait for more, or for the finished file
    if (!streaming) return false;
    pending = where(audio.currentTime);
    pending.playing = true;
    wantPlay = true;
    data = null;
    leaveStream();
    status(say("making"));
    pollDelay = 1000;
    load();
    return true;
  }

  on(audio, "error", function () {  // the stream was refused (busy, or already finished): wait for the file
    if (!streaming) return;
    leaveStream();
    data = null;
    pollDelay = 1000;
    poll(2000);
  });

  // -- playback
  function play() {
    wantPlay = true;
    if (!data) { status(say("making")); setPlaying(true); return; }
    audio.play().catch(function (e) {
      if (e.name !== "AbortError") { wantPlay = false; setPlaying(false); status(say("press_play")); }
    });
  }

  function pause() { wantPlay = false; if (!data) setPlaying(false); audio.pause(); }
  function toggle() { if (audio.paused && !(wantPlay && !data)) play(); else pause(); }

  function seek(t, announceIt) {
    if (!data || !streamSeekable(t)) return;
    t = Math.max(0, Math.min(t, data.duration - 0.05));
    audio.currentTime = t;
    showTime(t);
    follow(t);
    if (announceIt) announce(say("position", { time: of(t) }));
  }

  function setPlaying(yes) {
    ui.play.querySelector(".ra-icon").textContent = yes ? "❚❚" : "▶";
    ui["play-label"].textContent = say(yes ? "pause" : "play");
  }

  on(ui.play, "click", toggle);
  on(ui.back, "click", function () { seek(audio.currentTime - 10, true); });
  on(ui.forward, "click", function () { seek(audio.currentTime + 10, true); });
  on(ui.seek, "input", function () { seek(+ui.seek.value); });
  on(ui.seek, "change", function () { if (data) announce(say("position", { time: of(audio.currentTime) })); });
  on(ui.speed, "change", function () {
    audio.playbackRate = audio.defaultPlaybackRate = +ui.speed.value;
    store.set("loa.readaloud.speed", ui.speed.value);
  });
  on(ui.voice, "change", function () {
    pending = data ? where(audio.currentTime) : pending;
    if (pending) pending.playing = !audio.paused || wantPlay;
    if (!audio.paused) { switching = true; audio.pause(); }
    voice = ui.voice.value;
    store.set("loa.readaloud.voice", voice);
    data = null;
    ui.download.hidden = true;
    announce(say("chosen", { voice: voiceName() }));
    pollDelay = 1000;
    load();
  });
  if (ui.follow) on(ui.follow, "change", function () {
    store.set("loa.readaloud.follow", ui.follow.checked ? "1" : "0");
    if (ui.follow.checked && current >= 0) scrollTo(current);
  });

  on(audio, "play", function () { setPlaying(true); status(""); beatAt = Date.now(); report("play"); session(); tick(); });
  on(audio, "pause", function () {
    if (switching) return;
    wantPlay = false;
    setPlaying(false);
    if (data && !audio.ended) { announce(say("paused_at", { time: of(audio.currentTime) })); report("pause"); }
    savePosition(true);
  });
  on(audio, "ended", function () {
    if (streamEnded()) return;
    wantPlay = false; setPlaying(false); report("ended"); store.remove(posKey); announce(say("finished"));
    root.dispatchEvent(new CustomEvent("readaloud:ended"));  // the real end, not a stream's
  });
  on(audio, "waiting", function () { if (wantPlay) status(say("loading")); });
  on(audio, "playing", function () { status(""); });
  on(audio, "timeupdate", function () {
    var t = audio.currentTime;
    showTime(t);
    follow(t);
    savePosition(false);
    progress(t);
  });

  // -- time, position
  function showTime(t) {  // only what changed: no layout work on most timeupdates
    var total = data ? data.duration : +ui.seek.max, now = clock(t), text = now + " / " + clock(total);
    if (ui.time.textContent === text) return;
    ui.time.textContent = text;
    ui.seek.value = Math.floor(t);
    ui.seek.setAttribute("aria-valuetext", say("of", { now: now, total: clock(total) }));
    var ms = navigator.mediaSession;
    if (ms && ms.setPositionState && data) {
      try { ms.setPositionState({ duration: total, playbackRate: audio.playbackRate, position: Math.min(t, total) }); } catch (e) { /* unsupported */ }
    }
  }

  function clock(t) {
    t = Math.max(0, Math.floor(t || 0));
    var h = Math.floor(t / 3600), m = Math.floor(t % 3600 / 60), s = t % 60;
    return (h ? h + ":" + pad(m) : m) + ":" + pad(s);
  }
  function pad(n) { return (n < 10 ? "0" : "") + n; }
  function of(t) { return say("of", { now: clock(t), total: clock(data.duration) }); }

  function indexAt(t, list) {  // the last sentence (or word of `list`) started at t
    list = list || data.sentences;
    var lo = 0, hi = list.length - 1, found = -1;
    while (lo <= hi) {
      var mid = (lo + hi) >> 1;
      if (list[mid].start <= t) { found = mid; lo = mid + 1; } else hi = mid - 1;
    }
    return found;
  }

  // "Sentence i, fraction f": the same place in another voice's file.
  function where(t) {
    var i = indexAt(t), s = data.sentences[i], pos = { time: t, total: data.duration };
    if (s) { pos.index = i; pos.fraction = Math.min(1, (t - s.start) / (s.end - s.start || 1)); }
    return pos;
  }
  function timeOf(pos) {
    var s = pos.index != null && data.sentences[pos.index];
    if (s && data.sentences.length === (pos.count || data.sentences.length)) return s.start + pos.fraction * (s.end - s.start);
    return pos.total ? pos.time / pos.total * data.duration : pos.time;
  }

  function savePosition(now) {
    if (!data || (!now && Date.now() - savedAt < 2000)) return;
    savedAt = Date.now();
    var pos = where(audio.currentTime);
    pos.count = data.sentences.length;
    if (audio.currentTime > 1) store.set(posKey, JSON.stringify(pos));
  }
  function restorePosition() {
    try { pending = JSON.parse(store.get(posKey) || "null"); } catch (e) { pending = null; }
    if (pending) { pending.playing = false; showTime(pending.time); }
  }

  // -- the sentence and the word being read
  function follow(t) {
    if (!data) return;
    var i = indexAt(t);
    if (i !== current) {
      current = i;
      word = -2;  // repainted below
      root.setAttribute("data-sentence", i);
      lit.sentence = paint("loa-readaloud", i >= 0 ? data.sentences[i] : null, "ra-mark");
      if (ui.follow && ui.follow.checked && i >= 0) scrollTo(i);
      changed();
    }
    followWord(t);
  }

  function followWord(t) {  // words have offsets in their sentence's block
    var s = data.sentences[current], list = s && s.words, k = list && list.length ? indexAt(t, list) : -1;
    if (k >= 0 && k === list.length - 1 && t >= list[k].end) k = -1;  // the last one has ended
    if (k === word) return;
    word = k;
    root.setAttribute("data-word", k);
    if (k >= 0) list[k].block = s.block;
    lit.word = paint("loa-readaloud-word", k >= 0 ? list[k] : null, "ra-word");
    changed();
  }

  // timeupdate comes 4 times a second; words are shorter: look once a frame.
  function tick() {
    cancelAnimationFrame(frame);
    if (audio.paused || !data) return;
    follow(audio.currentTime);
    frame = requestAnimationFrame(tick);
  }

  function changed() { root.dispatchEvent(new CustomEvent("readaloud:highlight")); }

  function blockElement(id) {
    if (!(id in blocks)) {
      blocks[id] = id === "title"
        ? document.querySelector("[data-readaloud-title], [data-readaloud-block='title']")
        : document.querySelector("[data-readaloud-block='" + CSS.escape(id) + "']");
    }
    return blocks[id];
  }

  function texts(el) {
    var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), list = [], n;
    while ((n = walker.nextNode())) list.push(n);
    return list;
  }

  // Offsets are in the block's textContent (UTF-16 units), exactly as the server counted them.
  function rangeOf(s) {
    var el = s && blockElement(s.block);
    if (!el) return null;
    var range = document.createRange(), at = 0, started = false, nodes = texts(el);
    for (var k = 0; k < nodes.length; k++) {
      var len = nodes[k].data.length;
      if (!started && s.char_start <= at + len) { range.setStart(nodes[k], s.char_start - at); started = true; }
      if (started && s.char_end <= at + len) { range.setEnd(nodes[k], s.char_end - at); return range; }
      at += len;
    }
    return started ? range : null;
  }

  function paint(name, s, cls) {  // `s`, a sentence or a word, as the highlight `name`; its range
    var range = s && rangeOf(s);
    if (CSS.highlights && window.Highlight) {
      if (!range) CSS.highlights.delete(name);
      else {
        var h = new Highlight(range);
        h.priority = cls === "ra-word" ? 1 : 0;
        CSS.highlights.set(name, h);
      }
      return range;
    }
    document.querySelectorAll(cls === "ra-word" ? "mark.ra-word" : "mark.ra-word, mark.ra-mark").forEach(function (m) {
      var parent = m.parentNode;
      while (m.firstChild) parent.insertBefore(m.firstChild, m);
      parent.removeChild(m);
      parent.normalize();
    });
    if (range) wrap(range, blockElement(s.block), cls);
    return s && rangeOf(s);
  }

  function wrap(range, el, cls) {  // for browsers without the CSS Custom Highlight API
    texts(el).filter(function (n) { return range.intersectsNode(n); }).forEach(function (n) {
      var start = n === range.startContainer ? range.startOffset : 0;
      var end = n === range.endContainer ? range.endOffset : n.data.length;
      if (end <= start) return;
      var part = n.splitText(start);
      part.splitText(end - start);
      var mark = document.createElement("mark");
      mark.className = cls;
      part.parentNode.insertBefore(mark, part);
      mark.appendChild(part);
    });
  }

  function scrollTo(i) {
    var range = rangeOf(data.sentences[i]);
    if (!range) return;
    var box = range.getBoundingClientRect();
    if (box.top >= 0 && box.bottom <= window.innerHeight) return;
    // far jumps are instant: the text on the way is laid out only once seen (content-visibility)
    var smooth = !matchMedia("(prefers-reduced-motion: reduce)").matches && Math.abs(box.top) < 2 * innerHeight;
    window.scrollTo({ top: window.scrollY + box.top - innerHeight / 3, behavior: smooth ? "smooth" : "auto" });
  }

  // A click on a sentence plays from it.
  on(document, "click", function (event) {
    if (!data || event.button !== 0 || event.target.closest("a, button, input, select, label")) return;
    if (!getSelection().isCollapsed) return;
    var el = event.target.closest("[data-readaloud-block], [data-readaloud-title]");
    if (!el || el.hasAttribute("data-readaloud-skip")) return;
    var id = el.hasAttribute("data-readaloud-title") ? "title" : el.getAttribute("data-readaloud-block");
    var offset = caretOffset(el, event.clientX, event.clientY);
    var best = -1;
    data.sentences.forEach(function (s, i) {
      if (s.block === id && (best < 0 || s.char_start <= offset)) best = i;
    });
    if (best < 0) return;
    var s = data.sentences[best], at = s.start;
    (s.words || []).forEach(function (w) { if (w.char_start <= offset) at = w.start; });
    seek(at);
    play();
  });

  function caretOffset(el, x, y) {
    var node, offset;
    if (document.caretPositionFromPoint) {
      var pos = document.caretPositionFromPoint(x, y);
      if (pos) { node = pos.offsetNode; offset = pos.offset; }
    } else if (document.caretRangeFromPoint) {
      var r = document.caretRangeFromPoint(x, y);
      if (r) { node = r.startContainer; offset = r.startOffset; }
    }
    if (!node || node.nodeType !== 3) return 0;
    if (offset === node.data.length && offset > 0) offset--;  // past the end of a text: still that text
    for (var k = 0, at = 0, nodes = texts(el); k < nodes.length; k++) {
      if (nodes[k] === node) return at + offset;
      at += nodes[k].data.length;
    }
    return 0;
  }

  // -- lock screen, statistics, messages
  function session() {
    var ms = navigator.mediaSession;
    if (!ms || !window.MediaMetadata) return;
    ms.metadata = new MediaMetadata({
      title: ds.title, artist: ds.site || "", album: voiceName(),
      artwork: [{ src: ds.artwork, sizes: "1400x1400", type: "image/png" }]
    });
    var actions = {
      play: play, pause: pause,
      seekbackward: function (d) { seek(audio.currentTime - (d.seekOffset || 10)); },
      seekforward: function (d) { seek(audio.currentTime + (d.seekOffset || 10)); },
      seekto: function (d) { seek(d.seekTime); }
    };
    Object.keys(actions).forEach(function (name) {
      try { ms.setActionHandler(name, actions[name]); } catch (e) { /* unsupported */ }
    });
  }

  function progress(t) {
    if (!data || data.streaming || audio.paused) return;
    [25, 50, 75].forEach(function (p) {
      if (!reported[p] && t >= data.duration * p / 100) { reported[p] = true; report("progress"); }
    });
    if (Date.now() - beatAt > 60000) { beatAt = Date.now(); if (reported.play) report("heartbeat"); }
  }

  function report(event) {
    if (!ds.stats || !data) return;
    if (event === "play") reported.play = true;
    var body = JSON.stringify({
      page_id: +ds.pageId, event: event, voice: voice, speed: audio.playbackRate,
      position: Math.round(audio.currentTime * 10) / 10, duration: data.duration
    });
    if (navigator.sendBeacon) navigator.sendBeacon(ds.stats, body);
  }

  function on(target, type, fn) { target.addEventListener(type, fn); }
  function voiceName() { return ui.voice.options[ui.voice.selectedIndex].text; }
  function say(key, fill) {  // in the page's language
    return words[key].replace(/\{(\w+)\}/g, function (all, name) { return fill && name in fill ? fill[name] : all; });
  }
  function status(text) { ui.status.textContent = text; }
  function announce(text) { ui.announce.textContent = text; }

  function pick(value, select, fallback) {
    for (var k = 0; k < select.options.length; k++) if (select.options[k].value === value) return value;
    return fallback;
  }

  function storage() {  // localStorage, or memory when it is blocked or full (no slow test write)
    var s = null, mem = {};
    try { s = localStorage; s.getItem("loa.t"); } catch (e) { s = null; }
    return {
      get: function (k) { return k in mem ? mem[k] : s ? s.getItem(k) : null; },
      set: function (k, v) { try { s.setItem(k, v); delete mem[k]; } catch (e) { mem[k] = v; } },
      remove: function (k) { delete mem[k]; if (s) s.removeItem(k); }
    };
  }

  root.loaPlayer = {
    audio: audio, ui: ui, store: store, play: play, toggle: toggle, clock: clock, announce: announce, say: say,
    skip: function (d) { seek(audio.currentTime + d, true); },
    data: function () { return data; },
    range: function () { return lit.word || lit.sentence || null; }
  };

  on(window, "pagehide", function () { savePosition(true); });
})();
