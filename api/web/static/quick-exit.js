// Quick exit: someone at risk may need the page gone at once. One click, or Escape three times within
// a second, wipes what this tab kept and replaces the page, so Back does not bring it back.
(function () {
  "use strict";
  var link = document.getElementById("quick-exit");
  if (!link) return;
  var neutral = link.getAttribute("href");

  function leave(event) {
    if (event) event.preventDefault();
    try { window.sessionStorage.clear(); } catch (ignored) { /* storage may be disabled */ }
    var main = document.getElementById("main-content");
    if (main) main.textContent = "";
    document.title = "Loading";
    window.location.replace(neutral);
  }

  link.addEventListener("click", leave);
  var presses = [];
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var now = Date.now();
    presses = presses.filter(function (at) { return now - at < 1000; });
    presses.push(now);
    if (presses.length >= 3) leave(event);
  });
})();
