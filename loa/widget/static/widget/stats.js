/* Loa: the "THỐNG KÊ TRUY CẬP" box for a portal that is not Loa.
   <script src="https://loa.example/widget/v1/stats.js" data-site="KEY" [data-target="#id"] async></script>
   One request per page view (no cookie, nothing stored in the browser): Loa counts the view and
   answers the four numbers, counted exactly as on Loa's own pages. */
(function () {
  "use strict";
  var me = document.currentScript || document.querySelector('script[src*="/widget/v1/stats.js"]');
  if (!me || window.__loaStats) return;
  window.__loaStats = 1;
  var LOA = new URL(me.src, location.href).origin, KEY = me.getAttribute("data-site") || "";
  var target = me.getAttribute("data-target") && document.querySelector(me.getAttribute("data-target"));
  var host = document.createElement("loa-thong-ke");
  if (target) target.appendChild(host); else me.insertAdjacentElement("afterend", host);
  var root = host.attachShadow({ mode: "open" });
  try {
    var s = new CSSStyleSheet();
    s.replaceSync(":host{all:initial!important;display:block!important;min-height:7.5rem!important}" +
      "section{font:14px/1.5 system-ui,Arial,sans-serif;color:#1a1a1a;background:#fff;border:1px solid #c9ced6;padding:6px 10px}" +
      "h2{font-size:14px;margin:0 0 4px;color:#7a0000}ul{margin:0;padding:0 0 0 18px}b{font-variant-numeric:tabular-nums}");
    root.adoptedStyleSheets = [s];
  } catch (e) {}
  var box = document.createElement("section");
  box.setAttribute("aria-label", "Thống kê truy cập");
  var h = document.createElement("h2");
  h.textContent = "THỐNG KÊ TRUY CẬP";
  var list = document.createElement("ul");
  var rows = [["online", "Đang online"], ["today", "Hôm nay"], ["month", "Trong tháng"], ["total", "Tất cả"]];
  var cells = {};
  rows.forEach(function (r) {
    var li = document.createElement("li"), b = document.createElement("b");
    li.textContent = r[1] + ": ";
    b.textContent = "…";
    li.appendChild(b);
    list.appendChild(li);
    cells[r[0]] = b;
  });
  box.appendChild(h);
  box.appendChild(list);
  root.appendChild(box);
  var fmt = window.Intl ? new Intl.NumberFormat("vi-VN") : { format: String };
  fetch(LOA + "/api/widget/v1/hit?site=" + encodeURIComponent(KEY), {
    method: "POST", mode: "cors", credentials: "omit", headers: { "Content-Type": "text/plain" },
    body: JSON.stringify({ url: location.href.split("#")[0] })
  }).then(function (r) { return r.json(); }).then(function (j) {
    rows.forEach(function (r) { if (typeof j[r[0]] === "number") cells[r[0]].textContent = fmt.format(j[r[0]]); });
    host.setAttribute("data-loaded", "1");
  }).catch(function () {});
})();
