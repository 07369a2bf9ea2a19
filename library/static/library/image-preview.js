"use strict";
// The image preview (library/widgets.py): a click on the image sets the focal point inputs,
// a marker shows the point; the preview follows the library image chosen; alt text inputs
// get a live character count. Without JavaScript the inputs work as they are.
(function () {
  function byId(id) {
    return id ? document.getElementById(id) : null;
  }

  function setUpPreview(preview) {
    var frame = preview.querySelector(".image-preview-frame");
    var image = preview.querySelector(".image-preview-image");
    var marker = preview.querySelector(".image-preview-marker");
    var empty = preview.querySelector(".image-preview-empty");
    var inputX = byId(preview.dataset.focalX);
    var inputY = byId(preview.dataset.focalY);
    if (!frame || !image || !inputX || !inputY) {
      return;
    }
    frame.classList.add("image-preview-clickable");

    function showMarker() {
      var x = parseInt(inputX.value, 10);
      var y = parseInt(inputY.value, 10);
      if (isNaN(x) && isNaN(y)) {
        marker.hidden = true;
        return;
      }
      marker.style.left = (isNaN(x) ? 50 : Math.min(100, Math.max(0, x))) + "%";
      marker.style.top = (isNaN(y) ? 50 : Math.min(100, Math.max(0, y))) + "%";
      marker.hidden = false;
    }

    image.addEventListener("click", function (event) {
      var box = image.getBoundingClientRect();
      if (!box.width || !box.height) {
        return;
      }
      var x = Math.round(((event.clientX - box.left) / box.width) * 100);
      var y = Math.round(((event.clientY - box.top) / box.height) * 100);
      inputX.value = Math.min(100, Math.max(0, x));
      inputY.value = Math.min(100, Math.max(0, y));
      inputX.dispatchEvent(new Event("input", { bubbles: true }));
      inputY.dispatchEvent(new Event("input", { bubbles: true }));
      showMarker();
    });
    inputX.addEventListener("input", showMarker);
    inputY.addEventListener("input", showMarker);
    showMarker();

    // The library chooser (an autocomplete select): its choice is shown, and its alt text,
    // caption, credit and focal point fill the item's fields (which the editor may then adapt).
    var chooser = byId(preview.dataset.chooser);
    if (!chooser || !preview.dataset.detailUrl) {
      return;
    }
    function fill(id, value) {
      var input = byId(id);
      if (input) {
        input.value = value === null || value === undefined ? "" : value;
        input.dispatchEvent(new Event("input", { bubbles: true }));
      }
    }
    function chosen() {
      var id = chooser.value;
      if (!id) {
        return;
      }
      var url = preview.dataset.detailUrl + "?id=" + encodeURIComponent(id);
      fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .then(function (data) {
          if (!data) {
            return;
          }
          image.src = data.thumbnail;
          image.removeAttribute("width");
          image.removeAttribute("height");
          frame.hidden = false;
          if (empty) {
            empty.hidden = true;
          }
          fill("id_image_alt", data.alt);
          fill("id_image_caption", data.caption);
          fill("id_image_credit", data.credit);
          fill(preview.dataset.focalX, data.focal_x);
          fill(preview.dataset.focalY, data.focal_y);
          showMarker();
        })
        .catch(function () {});
    }
    if (window.django && window.django.jQuery) {
      window.django.jQuery(chooser).on("change", chosen);
    } else {
      chooser.addEventListener("change", chosen);
    }
  }

  function setUpCount(input) {
    var note = document.createElement("p");
    note.className = "help alt-count";
    note.setAttribute("aria-live", "polite");
    input.insertAdjacentElement("afterend", note);
    var limit = parseInt(input.dataset.altLimit, 10) || 125;
    function count() {
      var length = input.value.trim().length;
      var template = length > limit ? input.dataset.altLong : input.dataset.altCount;
      note.textContent = template.replace("%(count)s", length);
      note.classList.toggle("alt-count-long", length > limit);
    }
    input.addEventListener("input", count);
    count();
  }

  function start() {
    document.querySelectorAll(".image-preview").forEach(setUpPreview);
    document.querySelectorAll("[data-alt-count]").forEach(setUpCount);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
