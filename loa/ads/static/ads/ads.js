// Count ad impressions with one small request after the page has loaded, so
// counting never delays rendering and cached pages are counted too.
(function () {
  "use strict";
  function report() {
    var ids = [];
    document.querySelectorAll("[data-ad-id]").forEach(function (el) {
      ids.push(el.getAttribute("data-ad-id"));
    });
    if (!ids.length) return;
    var body = ids.join(",");
    var url = "/ads/impressions";
    if (navigator.sendBeacon && navigator.sendBeacon(url, new Blob([body], { type: "text/plain" }))) return;
    if (window.fetch) fetch(url, { method: "POST", body: body, keepalive: true, credentials: "omit" });
  }
  if (document.readyState === "complete") report();
  else window.addEventListener("load", report);
})();
