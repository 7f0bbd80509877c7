/* Small accessibility fixes to the theme, the same under MkDocs + Material and Zensical,
   so no theme partial has to be copied and kept in step with the installed theme. */
(() => {
  "use strict";

  // Give the search dialog a name (axe rule aria-dialog-name). Material 9.x leaves it
  // unnamed; Zensical names it already, so a dialog with a name is left alone. The name is
  // the theme's own, in the site's language: the label of the search options or the
  // search box.
  function nameSearchDialog() {
    const dialog = document.querySelector('.md-search[role="dialog"]');
    if (!dialog || dialog.hasAttribute("aria-label") || dialog.hasAttribute("aria-labelledby")) {
      return;
    }
    const named = dialog.querySelector(".md-search__options[aria-label], .md-search__input");
    const name = named && (named.getAttribute("aria-label") || named.getAttribute("placeholder"));
    if (name) dialog.setAttribute("aria-label", name);
  }

  // Material's search results area is a Tab stop even while the search is closed, when it
  // has no height, so its focus cannot be seen. It leaves the tab order until the search
  // opens (then, with results to scroll, it is one again). Zensical has no such area.
  function searchAreaOnlyWhenOpen() {
    const toggle = document.getElementById("__search");
    const area = document.querySelector(".md-search__scrollwrap");
    if (!toggle || !area || area.dataset.hiTabs) return;
    const follow = () => (area.tabIndex = toggle.checked ? 0 : -1);
    area.dataset.hiTabs = "";
    toggle.addEventListener("change", follow);
    follow();
  }

  // Both again with instant navigation, which can render the header again.
  function fixTheme() {
    nameSearchDialog();
    searchAreaOnlyWhenOpen();
  }

  fixTheme();
  if (window.document$) window.document$.subscribe(fixTheme);
})();
