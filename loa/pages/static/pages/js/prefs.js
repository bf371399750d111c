/* In <head>, before the first paint: the visitor's text size and contrast (two small cookies, cheaper to read
   than opening localStorage), and "js" so that the player keeps its height. site.js writes them. */
(function (h) {
  h.className = h.className.replace(/\bno-js\b/, "js");
  var size = /(?:^|; )loa_text_size=(-1|[1-3])(?:;|$)/.exec(document.cookie);
  if (size) h.setAttribute("data-text-size", size[1]);
  if (/(?:^|; )loa_contrast=high(?:;|$)/.test(document.cookie)) h.setAttribute("data-contrast", "high");
})(document.documentElement);
