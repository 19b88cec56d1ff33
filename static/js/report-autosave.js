// Saves a report section's text in the background once typing pauses, as the Save button would.
// The form carries the revision it was read at; each answer gives the new one. When someone
// else saved the section meanwhile, the background saves stop and the person is told to press
// Save, which shows both texts: nothing typed is lost.
(function () {
  "use strict";
  var PAUSE = 2000;

  function start(form) {
    var url = form.getAttribute("data-autosave");
    var text = form.querySelector("textarea[name=text]");
    var status = form.querySelector("[data-autosave-status]");
    if (!url || !text || !window.fetch || !window.FormData) { return; }
    var timer = null;
    var sending = false;
    var stopped = false;
    var last = text.value;

    function field(name) { return form.querySelector("input[name=" + name + "]"); }

    function say(message) { if (status) { status.textContent = message; } }

    function save() {
      timer = null;
      if (stopped || text.value === last) { return; }
      if (sending) { timer = window.setTimeout(save, PAUSE); return; }
      sending = true;
      var sent = text.value;
      var body = new FormData();
      body.append("csrfmiddlewaretoken", field("csrfmiddlewaretoken").value);
      body.append("revision", field("revision").value);
      body.append("base", field("base").value);
      body.append("text", sent);
      window.fetch(url, { method: "POST", body: body, credentials: "same-origin", headers: { "Accept": "application/json" } })
        .then(function (response) { return response.json().then(function (answer) { return [response.status, answer]; }); })
        .then(function (result) {
          var answer = result[1];
          if (answer.saved) {
            field("revision").value = answer.revision;
            field("base").value = answer.base;
            last = sent;
          } else if (answer.conflict) {
            stopped = true;
          }
          if (answer.message) { say(answer.message); }
        })
        .catch(function () { /* offline or refused: the Save button still works */ })
        .then(function () { sending = false; });
    }

    // The Save button takes over: no background save may cross it.
    form.addEventListener("submit", function () {
      stopped = true;
      if (timer) { window.clearTimeout(timer); }
    });

    text.addEventListener("input", function () {
      if (timer) { window.clearTimeout(timer); }
      if (!stopped) { timer = window.setTimeout(save, PAUSE); }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    var forms = document.querySelectorAll("form[data-autosave]");
    for (var i = 0; i < forms.length; i += 1) { start(forms[i]); }
  });
})();
