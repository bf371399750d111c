// Keeps the "THỐNG KÊ TRUY CẬP" numbers fresh on pages served from a cache.
(function () {
  var box = document.querySelector("[data-stats-widget]");
  if (!box || !window.fetch) return;
  // 1234567 -> "1.234.567" as vi-VN writes it ("1,234,567" on English pages: data-thousands);
  // Intl.NumberFormat would load locale data on the main thread.
  var separator = box.getAttribute("data-thousands") || ".";
  function format(n) { return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, separator); }
  function refresh() {
    fetch(box.getAttribute("data-summary-url"), { credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) return;
        ["online", "today", "month", "total"].forEach(function (k) {
          var el = box.querySelector('[data-stat="' + k + '"]');
          if (el && typeof s[k] === "number") el.textContent = format(s[k]);
        });
      })
      .catch(function () {});
  }
  setTimeout(refresh, 1500);
  setInterval(refresh, 60000);
})();
