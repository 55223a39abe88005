// Newsdesk reader pages: progressive enhancements only; every feature works without this file.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy-target]").forEach(function (button) {
    var field = document.getElementById(button.getAttribute("data-copy-target"));
    if (!field || !navigator.clipboard) { return; }
    var status = button.parentElement.querySelector("[role=status]");
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        if (status) { status.textContent = button.getAttribute("data-copied-text"); }
      }, function () {
        field.focus();
        field.select();
      });
    });
  });
  document.querySelectorAll(".copy-link__url").forEach(function (field) {
    field.addEventListener("focus", function () { field.select(); });
  });
})();
