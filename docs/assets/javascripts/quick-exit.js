// Quick exit: see overrides/partials/hi-quick-exit.html.
(function () {
  "use strict";
  var SHIFT_GAP_MS = 1000; // a longer pause between Shift presses starts again
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
    var link = event.target.closest("a[data-quick-exit]");
    if (link) {
      event.preventDefault();
      leave(link.href);
    }
  }

  // Shift released three times in a row on its own (Shift+A starts again).
  function onKeyUp(event) {
    var link = document.querySelector("a[data-quick-exit]");
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

  document.addEventListener("click", onClick);
  document.addEventListener("keyup", onKeyUp);
  addEventListener("pageshow", onPageShow);
})();
