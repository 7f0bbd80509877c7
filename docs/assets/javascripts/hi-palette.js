// Material's partials/javascripts/palette.html (Material 9.8.1) as a file, for the
// Content-Security-Policy: apply the colour scheme the reader chose, before the page paints.
(function () {
  "use strict";
  var palette = window.__md_get("__palette");
  if (!palette || !palette.color) return;
  if (palette.color.media === "(prefers-color-scheme)") {
    var light = matchMedia("(prefers-color-scheme: light)").matches;
    var input = document.querySelector(
      light
        ? "[data-md-color-media='(prefers-color-scheme: light)']"
        : "[data-md-color-media='(prefers-color-scheme: dark)']"
    );
    palette.color.media = input.getAttribute("data-md-color-media");
    palette.color.scheme = input.getAttribute("data-md-color-scheme");
    palette.color.primary = input.getAttribute("data-md-color-primary");
    palette.color.accent = input.getAttribute("data-md-color-accent");
  }
  for (var key in palette.color) {
    document.body.setAttribute("data-md-color-" + key, palette.color[key]);
  }
})();
