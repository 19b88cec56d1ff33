/* Enhancements of the shared components (templates/components/); every page works without them. */
(function () {
  "use strict";

  // The header menu: Escape closes it and gives the focus back to its button; a click elsewhere closes it.
  var menu = document.querySelector("[data-menu]");
  if (menu) {
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
    document.addEventListener("click", function (event) {
      if (menu.open && !menu.contains(event.target)) {
        menu.open = false;
      }
    });
  }

  // On wide screens the filters stand beside the results. A browser that cannot show the content
  // of a closed <details> (no ::details-content) gets it open there instead.
  var canShowClosed = window.CSS && CSS.supports && CSS.supports("selector(::details-content)");
  if (!canShowClosed && window.matchMedia("(min-width: 48em)").matches) {
    document.querySelectorAll("[data-refine]").forEach(function (details) {
      details.open = true;
    });
  }

  // A refused form's error summary takes the focus, so that it is read first.
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }

  // A role's city or field hidden when another role is checked (RevealingRadioSelect): emptied,
  // so that what is sent is what is seen.
  document.addEventListener("change", function (event) {
    var radio = event.target;
    if (!radio.form || !radio.matches("input[type=radio][name]") || !radio.form.querySelector("[data-reveals]")) {
      return;
    }
    var needs = radio.getAttribute("data-reveals") || "";
    radio.form.querySelectorAll("[data-revealed-by]").forEach(function (control) {
      if (control.getAttribute("data-revealed-by") !== needs && control.value !== "") {
        control.value = "";
        control.dispatchEvent(new Event("change", { bubbles: true }));
      }
    });
  });

  // "Copy the link" of the share links: copied, and said so.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("[data-copy-link]");
    if (!link || !navigator.clipboard) {
      return;
    }
    event.preventDefault();
    navigator.clipboard.writeText(link.href).then(function () {
      var words = link.getAttribute("data-copied-text");
      link.setAttribute("data-copied", words);
      var status = link.closest(".share-links").querySelector("[data-copy-status]");
      if (status) {
        status.textContent = words;
      }
    });
  });
})();
