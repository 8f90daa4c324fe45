// flexrules pages: keyboard moves within a calendar (arrow keys, Home, End) and a day's detail
// takes the focus when opened, so the page works without a mouse. No data, no network.
(function () {
  "use strict";
  function links(table) {
    return Array.prototype.slice.call(table.querySelectorAll("a.day-link"));
  }
  function step(key) {
    return { ArrowRight: 1, ArrowLeft: -1, ArrowDown: 7, ArrowUp: -7 }[key] || 0;
  }
  document.querySelectorAll("table.calendar").forEach(function (table) {
    table.addEventListener("keydown", function (event) {
      var all = links(table);
      var here = all.indexOf(document.activeElement);
      if (here < 0) { return; }
      var next = here + step(event.key);
      if (event.key === "Home") { next = 0; }
      if (event.key === "End") { next = all.length - 1; }
      if (next !== here && next >= 0 && next < all.length) {
        all[next].focus();
        event.preventDefault();
      }
    });
  });
  function focusTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tabIndex < 0 && target.hasAttribute("tabindex")) {
      target.focus();
    }
  }
  window.addEventListener("hashchange", focusTarget);
})();
