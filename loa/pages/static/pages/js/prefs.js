/* In <head>, before the first paint: the visitor's text size and contrast, and "js" (the player keeps its height). */
(function (h) {
  h.className = h.className.replace(/\bno-js\b/, "js");
  try {
    var size = localStorage.getItem("loa.textSize");
    if (/^(-1|[1-3])$/.test(size || "")) h.setAttribute("data-text-size", size);
    if (localStorage.getItem("loa.contrast") === "high") h.setAttribute("data-contrast", "high");
  } catch (e) { /* storage blocked: defaults */ }
})(document.documentElement);
