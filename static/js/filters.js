/* The news list's filters, made better when scripts run; everything works without them
   (newsroom/templates/newsroom/list.html is a plain GET form).

   - A ticked choice or a chosen year or sort applies at once: the new results and facets
     are fetched and put in place without a reload, the scroll position kept; the address
     (the server's canonical one, after its redirect) is pushed to the history, so back and
     forward work and the address stays the one to share; the new count is announced.
   - On a phone the "Filter (n)" link becomes a button opening the filters in a dialog.
   - Long facets get a type-to-find box (data-find). */
(function () {
  "use strict";

  var form = document.getElementById("news-filters");
  var results = document.getElementById("news-results");
  if (!form || !results || !window.fetch || !window.DOMParser || !history.pushState) {
    return;
  }
  var finder = form.parentNode;
  var status = document.getElementById("news-status");
  var phone = window.matchMedia("(max-width: 47.99em)");
  var canDialog = typeof HTMLDialogElement === "function";
  var shown = location.pathname + location.search;
  var dialog = null;
  var placeholder = null;
  var controller = null;

  finder.classList.add("filters-live");

  function normalize(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase().trim();
  }

  function addressOfForm() {
    var params = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string" && value.trim() !== "") {
        params.append(name, value);
      }
    });
    var query = params.toString();
    return form.action + (query ? "?" + query : "");
  }

  /* Type-to-find: narrows the rows of a facet as one types, opening its "Show all". */
  function findBoxes(values) {
    form.querySelectorAll("details.facet[data-find]").forEach(function (facet) {
      var fieldset = facet.querySelector("fieldset");
      if (!fieldset || facet.querySelector(".facet-find")) {
        return;
      }
      var id = facet.id + "-find";
      var box = document.createElement("div");
      box.className = "facet-find";
      var label = document.createElement("label");
      label.htmlFor = id;
      label.textContent = facet.getAttribute("data-find");
      var input = document.createElement("input");
      input.type = "search";
      input.id = id;
      input.autocomplete = "off";
      box.appendChild(label);
      box.appendChild(input);
      var legend = fieldset.querySelector("legend");
      fieldset.insertBefore(box, legend ? legend.nextSibling : fieldset.firstChild);

      function narrow() {
        var text = normalize(input.value);
        facet.querySelectorAll(".facet-choice").forEach(function (row) {
          var name = row.querySelector("label");
          row.hidden = text !== "" && normalize(name ? name.textContent : "").indexOf(text) === -1;
        });
        if (text !== "") {
          facet.querySelectorAll(".facet-more").forEach(function (more) {
            more.open = true;
          });
        }
      }
      input.addEventListener("input", narrow);
      input.addEventListener("keydown", function (event) {
        if (event.key === "Enter") {
          event.preventDefault(); // finding is not applying
        }
      });
      if (values && values[id]) {
        input.value = values[id];
        narrow();
      }
    });
  }

  /* The "Filter (n)" link becomes a button that opens the filters as a dialog. */
  function filterButton() {
    var link = results.querySelector("a.filters-link");
    if (!link || !canDialog) {
      return;
    }
    var button = document.createElement("button");
    button.type = "button";
    button.className = "filters-button";
    button.setAttribute("aria-haspopup", "dialog");
    button.textContent = link.textContent;
    button.addEventListener("click", openDialog);
    link.parentNode.replaceChild(button, link);
  }

  function makeDialog() {
    dialog = document.createElement("dialog");
    dialog.className = "filters-dialog";
    dialog.setAttribute("aria-labelledby", "news-filters-heading");
    var body = document.createElement("div");
    body.className = "filters-dialog-body";
    var bar = document.createElement("div");
    bar.className = "filters-dialog-bar";
    var done = document.createElement("button");
    done.type = "button";
    done.textContent = form.getAttribute("data-done");
    done.addEventListener("click", closeDialog);
    var close = document.createElement("button");
    close.type = "button";
    close.className = "button-secondary filters-close";
    close.textContent = form.getAttribute("data-close");
    close.addEventListener("click", closeDialog);
    bar.appendChild(close);
    bar.appendChild(done);
    dialog.appendChild(body);
    dialog.appendChild(bar);
    dialog.addEventListener("close", putBack);
    document.body.appendChild(dialog);
  }

  function openDialog() {
    if (!dialog) {
      makeDialog();
    }
    placeholder = document.createComment("news-filters");
    form.parentNode.insertBefore(placeholder, form);
    dialog.querySelector(".filters-dialog-body").appendChild(form);
    dialog.showModal();
    var heading = document.getElementById("news-filters-heading");
    if (heading) {
      heading.focus();
    }
  }

  function closeDialog() {
    if (dialog && dialog.open) {
      dialog.close();
    }
  }

  /* After the dialog closes (its buttons, Escape): the form back in its place, and the
     focus back on the button that opened it. */
  function putBack() {
    if (placeholder && placeholder.parentNode) {
      placeholder.parentNode.replaceChild(form, placeholder);
    }
    placeholder = null;
    var button = results.querySelector(".filters-button");
    if (button && phone.matches) {
      button.focus();
    }
  }

  phone.addEventListener("change", function () {
    if (!phone.matches) {
      closeDialog();
    }
  });

  function announce(text) {
    if (!status) {
      return;
    }
    status.textContent = "";
    window.setTimeout(function () {
      status.textContent = text;
    }, 100);
  }

  function replaceHead(doc) {
    ["link[rel=canonical]", "meta[name=robots]", "link[rel=alternate]"].forEach(function (sel) {
      document.head.querySelectorAll(sel).forEach(function (old) {
        old.remove();
      });
      doc.head.querySelectorAll(sel).forEach(function (found) {
        document.head.appendChild(document.importNode(found, true));
      });
    });
    document.title = doc.title;
  }

  /* The new results and filters in place of the old, keeping what the visitor opened,
     typed in a find box, and the focus. */
  function swap(doc) {
    var newResults = doc.getElementById("news-results");
    var newForm = doc.getElementById("news-filters");
    if (!newResults || !newForm) {
      return false;
    }
    var opened = {};
    form.querySelectorAll("details[id]").forEach(function (details) {
      opened[details.id] = details.open;
    });
    var found = {};
    form.querySelectorAll(".facet-find input").forEach(function (input) {
      found[input.id] = input.value;
    });
    var active = document.activeElement;
    var activeId = active && form.contains(active) ? active.id : "";

    results.innerHTML = newResults.innerHTML;
    form.innerHTML = newForm.innerHTML;

    form.querySelectorAll("details[id]").forEach(function (details) {
      if (Object.prototype.hasOwnProperty.call(opened, details.id)) {
        details.open = opened[details.id] || details.open;
      }
    });
    findBoxes(found);
    filterButton();
    var search = document.getElementById("news-q");
    var searched = doc.getElementById("news-q");
    if (search && searched && document.activeElement !== search) {
      search.value = searched.value;
    }
    replaceHead(doc);
    if (activeId && document.getElementById(activeId)) {
      document.getElementById(activeId).focus({ preventScroll: true });
    }
    var heading = results.querySelector("h2");
    announce(heading ? heading.textContent.replace(/\s+/g, " ").trim() : "");
    return true;
  }

  /* Fetches the list at `address` and shows it; with `push`, as a new history entry. Any
     answer but a page of results (an error, another page) is loaded as a whole page. */
  function load(address, push, then) {
    if (controller) {
      controller.abort();
    }
    controller = new AbortController();
    finder.setAttribute("aria-busy", "true");
    fetch(address, { signal: controller.signal, credentials: "same-origin" })
      .then(function (response) {
        var type = response.headers.get("Content-Type") || "";
        if (response.status !== 200 || type.indexOf("text/html") !== 0) {
          throw new Error("not a list");
        }
        return response.text().then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          if (!swap(doc)) {
            throw new Error("not a list");
          }
          var url = new URL(response.url || address);
          if (push) {
            history.pushState({ news: true }, "", url.href);
          }
          shown = url.pathname + url.search;
          finder.removeAttribute("aria-busy");
          if (then) {
            then();
          }
        });
      })
      .catch(function (error) {
        if (error && error.name === "AbortError") {
          return;
        }
        location.assign(address);
      });
  }

  document.addEventListener("change", function (event) {
    var target = event.target;
    if (target.form !== form || !target.name) {
      return;
    }
    if (target.type === "checkbox" || target.tagName === "SELECT") {
      load(addressOfForm(), true);
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    closeDialog();
    load(addressOfForm(), true);
  });

  /* Links that show another view of the list: remove a filter, clear all, another page. */
  results.addEventListener("click", function (event) {
    var link = event.target.closest("a[href]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey ||
        event.ctrlKey || event.shiftKey || event.altKey) {
      return;
    }
    var inList = link.closest(".pagination, .active-filters, .notice");
    var url = new URL(link.href, location.href);
    if (!inList || url.origin !== location.origin || url.pathname !== new URL(form.action).pathname) {
      return;
    }
    event.preventDefault();
    var paging = !!link.closest(".pagination");
    load(url.href, true, function () {
      results.focus({ preventScroll: !paging });
      if (paging) {
        results.scrollIntoView();
      }
    });
  });

  window.addEventListener("popstate", function () {
    if (location.pathname + location.search !== shown) {
      load(location.href, false);
    }
  });

  history.replaceState({ news: true }, "");
  findBoxes();
  filterButton();
})();
