// The API documentation page: its reference is written by the server; Swagger UI, whose
// script weighs more than a whole page should, is loaded only when someone asks to try
// the calls. Its scripts run one after the other (the bundle, Ninja's start-up, our
// accessibility fixes), then the reference gives way to it.
(function () {
  "use strict";
  var button = document.getElementById("api-try");
  if (!button) return;
  button.parentElement.hidden = false;

  function load(sources, done) {
    if (!sources.length) return done();
    var script = document.createElement("script");
    script.src = sources[0];
    script.onload = function () { load(sources.slice(1), done); };
    document.body.appendChild(script);
  }

  button.addEventListener("click", function () {
    button.disabled = true;
    button.textContent = "Loading Swagger UI…";
    var styles = document.createElement("link");
    styles.rel = "stylesheet";
    styles.href = button.dataset.styles;
    document.head.insertBefore(styles, document.head.querySelector("link[rel=stylesheet]"));
    load(button.dataset.scripts.split(" "), function () {
      document.getElementById("api-reference").hidden = true;
      var target = document.getElementById("swagger-ui");
      target.setAttribute("tabindex", "-1");
      target.focus();
    });
  });
})();
