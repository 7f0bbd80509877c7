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

  nameSearchDialog();
  // With instant navigation the header can be rendered again: name it again then.
  if (window.document$) window.document$.subscribe(nameSearchDialog);
})();
