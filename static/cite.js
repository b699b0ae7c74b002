// cite.js: a passage of an article cited by its lines. An address ending in #L12-L14
// marks lines 12 to 14, scrolls to the first, and puts the lines and the address into
// the page's citation ("Zitieren"). Without it, #L12 still leads to line 12.
(function () {
  "use strict";
  var marked = [];
  function apply() {
    var m = /^#L(\d+)-L(\d+)$/.exec(location.hash);
    marked.forEach(function (el) { el.classList.remove("in-range"); });
    marked = [];
    var cite = document.querySelector("[data-cite-range]");
    if (!m) return;
    var from = +m[1], to = +m[2];
    if (to < from) { var t = from; from = to; to = t; }
    for (var n = from; n <= to; n++) {
      var el = document.getElementById("L" + n);
      if (el) { el.classList.add("in-range"); marked.push(el); }
    }
    if (!marked.length) return;
    marked[0].scrollIntoView();
    if (cite) {
      var url = (cite.getAttribute("data-cite-url") || location.href.split("#")[0]) + "#L" + from + "-L" + to;
      cite.textContent = cite.getAttribute("data-cite-range")
        .replace("{lines}", from === to ? String(from) : from + "\u2013" + to)
        .replace("{url}", url);
      var details = cite.closest("details");
      if (details) details.open = true;
    }
  }
  window.addEventListener("hashchange", apply);
  apply();
})();
