// Material's partials/javascripts/content.html (Material 9.8.1) as a file, for the
// Content-Security-Policy: a link to a content tab (#__tabbed_1_2) opens that tab.
(function () {
  "use strict";
  var target = document.getElementById(location.hash.slice(1));
  if (target && target.name) target.checked = target.name.startsWith("__tabbed_");
})();
