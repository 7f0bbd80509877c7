/*
 * Quick exit (overrides/partials/hi-quick-exit.html): the link, or Shift pressed three
 * times, hides the page at once, clears what the reader entered, tells quiz.js (which then
 * never asks "Leave site?"), and replaces this page in the history. The link stays in
 * view at every scroll position (quick-exit.css); this script tells the header how much
 * room to keep for it. Served minified as docs/assets/javascripts/quick-exit.js: after an
 * edit here, run `make assets`.
 */
(function () {
  "use strict";
  var SHIFT_GAP_MS = 1000; // a longer pause between Shift presses starts again
  var LINK = "a[data-quick-exit]";
  var shiftPresses = 0;
  var shiftTimer = 0;
  var lastKeyUsedShift = false;

  // Hide the page, clear every field, tell quiz.js, and leave with no history entry.
  function leave(url) {
    document.body.style.display = "none";
    document.querySelectorAll("input, textarea").forEach(function (field) {
      field.checked = field.defaultChecked;
      field.value = field.defaultValue;
    });
    document.dispatchEvent(new CustomEvent("hi:quick-exit"));
    location.replace(url);
  }

  // A click, tap or Enter on the link.
  function onClick(event) {
    var link = event.target.closest(LINK);
    if (link) {
      event.preventDefault();
      leave(link.href);
    }
  }

  // Shift released three times in a row on its own (Shift+A starts again).
  function onKeyUp(event) {
    var link = document.querySelector(LINK);
    if (event.key === "Shift" && !lastKeyUsedShift && link) {
      clearTimeout(shiftTimer);
      shiftTimer = setTimeout(function () { shiftPresses = 0; }, SHIFT_GAP_MS);
      if (++shiftPresses === 3) leave(link.href);
    } else {
      shiftPresses = 0;
    }
    lastKeyUsedShift = event.shiftKey;
  }

  // Back here from the browser's memory after a quick exit: load the page afresh.
  function onPageShow(event) {
    if (event.persisted && document.body.style.display) location.reload();
  }

  // The header and the banner keep room for the link as wide as it is (its label is the
  // clinic's, in the page's language); quick-exit.css has a default for no script.
  function keepRoom() {
    var link = document.querySelector(LINK);
    if (link) document.documentElement.style.setProperty("--hi-quick-exit-width", link.offsetWidth + "px");
  }

  document.addEventListener("click", onClick);
  document.addEventListener("keyup", onKeyUp);
  addEventListener("pageshow", onPageShow);
  addEventListener("resize", keepRoom);
  keepRoom(); // deferred: the page is parsed
})();
