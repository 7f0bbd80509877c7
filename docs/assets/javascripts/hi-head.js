// Material's start-up helpers, from its partials/javascripts/base.html (Material 9.8.1),
// as a file instead of an inline script, so the Content-Security-Policy can forbid
// inline scripts (script-src 'self'). Then our guard that keeps Material from storing
// the colour scheme until the reader chooses one. Loaded in <head>, before the bundle.
(function () {
  "use strict";

  // This file is <site>/assets/javascripts/hi-head.js: the site's root is two folders up.
  // Material computes the same address from its base_url (it scopes storage keys to it).
  window.__md_scope = new URL("../../", document.currentScript.src);

  // A small string hash (Material uses it to remember a dismissed announcement).
  window.__md_hash = function (text) {
    return Array.from(text).reduce(function (hash, char) {
      return (hash << 5) - hash + char.charCodeAt(0);
    }, 0);
  };

  // Read a value Material saved, under the site's own path. Unlike Material's own, storage
  // that throws (turned off, or a privacy setting) reads as nothing saved.
  window.__md_get = function (key, storage, scope) {
    try {
      storage = storage || localStorage;
      scope = scope || window.__md_scope;
      return JSON.parse(storage.getItem(scope.pathname + "." + key));
    } catch (error) {
      return null;
    }
  };

  // Save a value under the site's own path; storage that throws is ignored.
  window.__md_set = function (key, value, storage, scope) {
    try {
      storage = storage || localStorage;
      scope = scope || window.__md_scope;
      storage.setItem(scope.pathname + "." + key, JSON.stringify(value));
    } catch (error) {
      // Private mode or storage turned off: nothing is saved.
    }
  };

  // Material saves the colour scheme on every visit. We store nothing the reader did not
  // choose: it is saved only once they use the toggle themselves.
  var save = window.__md_set;
  var chosen = false;
  document.addEventListener(
    "change",
    function (event) {
      if (event.target.closest("[data-md-component=palette]")) chosen = true;
    },
    true
  );
  window.__md_set = function (key) {
    if (key === "__palette" && !chosen) return undefined;
    return save.apply(this, arguments);
  };
})();
