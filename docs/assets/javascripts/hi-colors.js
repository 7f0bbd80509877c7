// The clinic's colours (extra.colors in mkdocs.yml), from the data- attributes of this
// script's own tag (overrides/partials/hi-colors.html), set as CSS custom properties on
// <html>. Loaded in <head> without defer, so the page is drawn in the clinic's colours
// from the start. Setting properties from a script is allowed by the Content-Security-
// Policy (style-src 'self'), where an inline <style> would not be. Without JavaScript, or
// for a colour left out, site.css keeps the defaults.
(function () {
  "use strict";

  // Which custom properties each setting fills (site.css and Material read them).
  var PROPERTIES = {
    hiPrimary: ["--md-primary-fg-color", "--md-primary-fg-color--dark", "--md-accent-fg-color"],
    hiLink: ["--hi-link-color"],
    hiLinkDark: ["--hi-link-color-dark"],
  };

  // Only a colour code: the build checked the settings, this keeps anything else out.
  var COLOR = /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i;

  // Set each colour the tag carries on the root element.
  function applyColors(script) {
    var root = document.documentElement.style;
    Object.keys(PROPERTIES).forEach(function (key) {
      var value = (script.dataset[key] || "").trim();
      if (!COLOR.test(value)) return;
      PROPERTIES[key].forEach(function (property) {
        root.setProperty(property, value);
      });
    });
  }

  if (document.currentScript) applyColors(document.currentScript);
})();
