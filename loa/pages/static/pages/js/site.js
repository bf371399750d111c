/* Reading tools (text size A−/A/A+, high contrast, kept in the browser as two cookies that only the
   browser reads), copying a link or the embed code, printing, sharing. prefs.js applies them before the
   first paint. */
(function () {
  "use strict";
  var html = document.documentElement, said = document.querySelector("[data-tools-announce]");
  var LABELS = { "-1": "nhỏ", 0: "mặc định", 1: "lớn", 2: "lớn hơn", 3: "rất lớn" }, MIN = -1, MAX = 3;
  var size = +(html.getAttribute("data-text-size") || 0);

  document.querySelectorAll("[data-text-size-step]").forEach(function (button) {
    button.addEventListener("click", function () {
      if (button.getAttribute("aria-disabled") === "true") return;
      var step = +button.getAttribute("data-text-size-step");
      size = step ? Math.max(MIN, Math.min(MAX, size + step)) : 0;
      if (size) html.setAttribute("data-text-size", size); else html.removeAttribute("data-text-size");
      save("loa_text_size", size ? String(size) : "");
      say(said, "Cỡ chữ " + LABELS[size] + ".");
      sizeButtons();
    });
  });
  sizeButtons();

  document.querySelectorAll("[data-contrast-toggle]").forEach(function (button) {
    button.setAttribute("aria-pressed", html.getAttribute("data-contrast") === "high" ? "true" : "false");
    button.addEventListener("click", function () {
      var high = html.getAttribute("data-contrast") !== "high";
      if (high) html.setAttribute("data-contrast", "high"); else html.removeAttribute("data-contrast");
      button.setAttribute("aria-pressed", high ? "true" : "false");
      save("loa_contrast", high ? "high" : "");
      say(said, high ? "Đã bật tương phản cao." : "Đã tắt tương phản cao.");
    });
  });

  function sizeButtons() {
    document.querySelectorAll("[data-text-size-step]").forEach(function (button) {
      var step = +button.getAttribute("data-text-size-step");
      var off = (step < 0 && size <= MIN) || (step > 0 && size >= MAX) || (!step && !size);
      button.setAttribute("aria-disabled", off ? "true" : "false");
    });
  }

  // -- sharing
  var status = document.querySelector("[data-share-status]");
  document.querySelectorAll("[data-copy-text], [data-copy-from]").forEach(function (button) {
    button.addEventListener("click", function () {
      var from = button.getAttribute("data-copy-from"), field = from && document.querySelector(from);
      var text = field ? field.value : button.getAttribute("data-copy-text");
      copy(text, field).then(function () { say(status, button.getAttribute("data-copied")); },
        function () { if (field) field.select(); say(status, "Không sao chép được; hãy chọn và sao chép thủ công."); });
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  // On phones the system share sheet lists Zalo with the other apps.
  document.querySelectorAll("[data-share-native]").forEach(function (link) {
    link.addEventListener("click", function (event) {
      if (!navigator.share || !matchMedia("(pointer: coarse)").matches) return;
      event.preventDefault();
      navigator.share({ title: link.getAttribute("data-share-title"), url: link.getAttribute("data-share-url") }).catch(function () {});
    });
  });

  function copy(text, field) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {  // http:// sites: the old way, through a selected field
      var area = field || document.createElement("textarea");
      if (!field) { area.value = text; area.setAttribute("readonly", ""); area.className = "visually-hidden"; document.body.appendChild(area); }
      area.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      if (!field) area.remove();
      if (ok) resolve(); else reject();
    });
  }

  function save(name, value) {  // a year, every page of the site; an empty value deletes it
    document.cookie = name + "=" + value + "; path=/; SameSite=Lax; max-age=" + (value ? 31536000 : 0)
      + (location.protocol === "https:" ? "; Secure" : "");
  }
  function say(region, text) { if (region) region.textContent = text; }
})();
