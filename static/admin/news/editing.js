/* Editing sessions on a news item's change page (news/admin/editing.py): a light poll says
   the page is open and shows who else is editing the item, and that they saved a new
   version. Without this script the page works as before, without the notices.

   The poll is a request of the signed-in user: it stops after IDLE_MS without a key, click
   or scroll in the page (and starts again with the next one), so that a page left open does
   not keep its session from ending when idle (osce_cms/sessions.py). */
(function () {
  "use strict";
  var box = document.getElementById("editing-sessions");
  if (!box || !window.fetch || !window.FormData) {
    return;
  }
  var form = box.closest("form");
  var url = box.getAttribute("data-url");
  var every = parseInt(box.getAttribute("data-interval"), 10) * 1000 || 15000;
  var IDLE_MS = 10 * 60 * 1000;
  var stopped = false;
  var waiting = null; // the next poll's timer, or null while a poll runs or when idle
  var polling = false;
  var lastActive = Date.now();

  function value(name) {
    var input = form && form.querySelector('input[name="' + name + '"]');
    return input ? input.value : "";
  }

  function body(leave) {
    var data = new FormData();
    data.append("csrfmiddlewaretoken", value("csrfmiddlewaretoken"));
    data.append("edit_version", value("edit_version"));
    if (leave) {
      data.append("leave", "1");
    }
    return data;
  }

  function paragraph() {
    var p = document.createElement("p");
    p.className = "editing-notice";
    box.appendChild(p);
    return p;
  }

  function show(answer) {
    box.replaceChildren();
    (answer.notices || []).forEach(function (text) {
      paragraph().textContent = text;
    });
    if (answer.saved) {
      var p = paragraph();
      p.classList.add("editing-saved");
      p.textContent = answer.saved.text + " ";
      var link = document.createElement("a");
      link.href = answer.saved.url;
      link.textContent = answer.saved.link;
      p.appendChild(link);
    }
  }

  function poll() {
    waiting = null;
    polling = true;
    fetch(url, { method: "POST", body: body(false), credentials: "same-origin" })
      .then(function (response) {
        if (response.status === 403) {
          stopped = true; // not (or no longer) allowed: nothing to show
        }
        return response.ok ? response.json() : null;
      })
      .then(function (answer) {
        if (answer) {
          show(answer);
        }
      })
      .catch(function () {}) // a failed poll shows nothing new; the next one may work
      .then(function () {
        polling = false;
        if (!stopped && Date.now() - lastActive < IDLE_MS) {
          waiting = window.setTimeout(poll, every);
        }
      });
  }

  function active() {
    lastActive = Date.now();
    if (!stopped && !polling && waiting === null) {
      poll(); // back from idle
    }
  }

  ["keydown", "pointerdown", "input", "scroll"].forEach(function (name) {
    document.addEventListener(name, active, { capture: true, passive: true });
  });

  window.addEventListener("pagehide", function () {
    if (!stopped && navigator.sendBeacon) {
      navigator.sendBeacon(url, body(true));
    }
  });
  poll();
})();
