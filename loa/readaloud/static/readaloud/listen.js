/* /nghe/: play each article in place (one at a time), and the visitor's "Nghe sau" list kept in the browser. */
(function () {
  "use strict";
  var items = document.querySelectorAll("[data-listen-item]");
  var said = document.querySelector("[data-listen-announce]"), box = document.querySelector("[data-listen-stats]");
  var stats = box && box.getAttribute("data-listen-stats");
  var KEY = "loa.readaloud.later", audio = new Audio(), playing = null, marks = {};
  audio.preload = "none";

  items.forEach(function (item) {
    var play = item.querySelector("[data-listen-play]"), later = item.querySelector("[data-listen-later-toggle]");
    if (play) play.addEventListener("click", function () { toggle(item); });
    later.addEventListener("click", function () {
      var list = read(), id = +item.dataset.id, on = !list.some(function (c) { return c.id === id; });
      write(on ? list.concat([{ id: id, title: item.dataset.title, url: item.dataset.url }]) : list.filter(function (c) { return c.id !== id; }));
      announce(on ? "Đã thêm vào danh sách nghe sau: " + item.dataset.title : "Đã bỏ khỏi danh sách nghe sau: " + item.dataset.title);
    });
  });
  render();

  function toggle(item) {
    if (playing === item && !audio.paused) { audio.pause(); return; }
    if (playing !== item) {
      if (playing) show(playing, false);
      playing = item;
      marks = {};
      audio.src = item.dataset.audio;
    }
    audio.play().catch(function () { show(item, false); });
  }

  audio.addEventListener("play", function () { show(playing, true); report("play"); });
  audio.addEventListener("pause", function () { show(playing, false); if (!audio.ended) report("pause"); });
  audio.addEventListener("ended", function () { report("ended"); announce("Đã nghe hết: " + playing.dataset.title); });
  audio.addEventListener("timeupdate", function () {
    var d = +playing.dataset.duration, t = audio.currentTime, el = playing.querySelector("[data-listen-time]");
    var text = clock(t) + " / " + clock(d);
    if (el.textContent !== text) el.textContent = text;
    [25, 50, 75].forEach(function (p) { if (!marks[p] && t >= d * p / 100) { marks[p] = 1; report("progress"); } });
  });

  function show(item, on) {
    var button = item.querySelector("[data-listen-play]");
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.querySelector(".ra-icon").textContent = on ? "❚❚" : "▶";
    item.classList.toggle("listen-playing", on);
  }

  function report(event) {
    if (!stats || !navigator.sendBeacon || !playing) return;
    navigator.sendBeacon(stats, JSON.stringify({
      page_id: +playing.dataset.id, event: event, speed: 1, position: Math.round(audio.currentTime * 10) / 10,
      duration: +playing.dataset.duration
    }));
  }

  // The "Nghe sau" list: links to the articles (their player plays them), with a button to take each off.
  function render() {
    var list = read(), box = document.querySelector("[data-listen-later]"), ol = box && box.querySelector("ol");
    items.forEach(function (item) {
      var on = list.some(function (c) { return c.id === +item.dataset.id; });
      item.querySelector("[data-listen-later-toggle]").setAttribute("aria-pressed", on ? "true" : "false");
    });
    if (!ol) return;
    box.hidden = !list.length;
    ol.textContent = "";
    list.forEach(function (c) {
      if (!/^\/(?!\/)/.test(c.url)) return;  // paths of this site only
      var li = document.createElement("li"), a = document.createElement("a"), b = document.createElement("button");
      a.href = c.url;
      a.textContent = c.title;
      b.type = "button";
      b.className = "ra-button listen-remove";
      b.textContent = "Bỏ";
      b.setAttribute("aria-label", "Bỏ khỏi danh sách: " + c.title);
      b.addEventListener("click", function () {
        write(read().filter(function (x) { return x.id !== c.id; }));
        announce("Đã bỏ khỏi danh sách nghe sau: " + c.title);
      });
      li.append(a, " ", b);
      ol.appendChild(li);
    });
  }

  function read() {
    try { var v = JSON.parse(localStorage.getItem(KEY) || "[]"); return Array.isArray(v) ? v : []; } catch (e) { return []; }
  }
  function write(list) {
    try { localStorage.setItem(KEY, JSON.stringify(list)); } catch (e) { /* blocked: the list lives as long as the page */ }
    render();
  }
  function announce(text) { if (said) said.textContent = text; }
  function clock(t) {
    t = Math.max(0, Math.floor(t || 0));
    var h = Math.floor(t / 3600), m = Math.floor(t % 3600 / 60), s = t % 60;
    return (h ? h + ":" + (m < 10 ? "0" : "") + m : m) + ":" + (s < 10 ? "0" : "") + s;
  }
})();
