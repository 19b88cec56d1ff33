// Swagger UI, made readable by screen readers and keyboards. Swagger UI redraws parts of
// the page as people open operations and try them, so each redraw is corrected again.
// - It titles the page with an h1 and starts its sections at h3: every heading below the
//   title is announced one level up (h3 as 2, h4 as 3, ...).
// - Its copy buttons are empty: they get a name.
// - Its code blocks scroll sideways: they can take the focus, so keyboards can scroll them.
(function () {
  "use strict";
  function correct(root) {
    root.querySelectorAll("h3, h4, h5, h6").forEach(function (heading) {
      var level = String(Number(heading.tagName.charAt(1)) - 1);
      if (heading.getAttribute("aria-level") !== level) {
        heading.setAttribute("role", "heading");
        heading.setAttribute("aria-level", level);
      }
    });
    root.querySelectorAll(".copy-to-clipboard button:not([aria-label])").forEach(function (button) {
      button.setAttribute("aria-label", "Copy to clipboard");
    });
    root.querySelectorAll("pre:not([tabindex])").forEach(function (block) {
      block.setAttribute("tabindex", "0");
    });
  }
  var root = document.getElementById("swagger-ui");
  if (!root) return;
  new MutationObserver(function () { correct(root); }).observe(root, { childList: true, subtree: true });
  correct(root);
})();
