"use strict";
// The library chooser's popup (library/admin.py chooser_view): a choice goes back to the body
// editor's image dialog (django-prose-editor's "Browse..." picker), then the popup closes.
(function () {
  document.addEventListener("click", function (event) {
    var button = event.target.closest("[data-choose-image]");
    if (!button) {
      return;
    }
    var list = button.closest("[data-function-number]");
    var number = list ? list.dataset.functionNumber : "";
    var opener = window.opener;
    if (!number || !opener || !opener.CKEDITOR || !opener.CKEDITOR.tools) {
      return;
    }
    event.preventDefault();
    opener.CKEDITOR.tools.callFunction(Number(number), button.dataset.url, {
      id: button.dataset.id,
      alternative_text: button.dataset.alt,
      caption: button.dataset.caption,
    });
    window.close();
  });
})();
