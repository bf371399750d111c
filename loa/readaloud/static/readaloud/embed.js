/* /embed/<id>/: the frame's view counts as a view of the article, with the embedding site as referrer
   (POST /api/stats/hit, as the site's own beacon does; the frame's own path is no page). */
(function (d, n) {
  var hit = d.querySelector("[data-stats-hit]");
  if (!hit || d.prerendering) return;
  var body = JSON.stringify({ path: hit.getAttribute("data-path"), referrer: d.referrer });
  if (!(n.sendBeacon && n.sendBeacon(hit.getAttribute("data-stats-hit"), body)) && window.fetch) {
    fetch(hit.getAttribute("data-stats-hit"), { method: "POST", body: body, keepalive: true }).catch(function () {});
  }
})(document, navigator);
