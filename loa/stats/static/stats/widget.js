// Keeps the "THỐNG KÊ TRUY CẬP" numbers fresh on pages served from a cache.
(function () {
  var box = document.querySelector("[data-stats-widget]");
  if (!box || !window.fetch) return;
  var format = new Intl.NumberFormat("vi-VN");
  function refresh() {
    fetch(box.getAttribute("data-summary-url"), { credentials: "omit" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (s) {
        if (!s) return;
        ["online", "today", "month", "total"].forEach(function (k) {
          var el = box.querySelector('[data-stat="' + k + '"]');
          if (el && typeof s[k] === "number") el.textContent = format.format(s[k]);
        });
      })
      .catch(function () {});
  }
  setTimeout(refresh, 1500);
  setInterval(refresh, 60000);
})();
