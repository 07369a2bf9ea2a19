/* The header's disclosure menus (templates/includes/header.html). Without this file each
   top item is a link to its index page and "Menu" leads to the footer's links. With it,
   "Menu" opens the navigation on a phone, and once the panels are read from the site
   (/menus/, osce_cms/navigation.py) each item with a panel becomes a button (aria-expanded)
   that shows it; Escape closes the open one and returns focus to its button. Should the
   panels not arrive, the items stay links. */
(function () {
  "use strict";
  var nav = document.getElementById("site-nav");
  if (!nav) return;
  var buttons = [];

  function toButton(link, controls) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = link.className;
    button.textContent = link.textContent;
    button.setAttribute("aria-expanded", "false");
    button.setAttribute("aria-controls", controls);
    if (link.hasAttribute("aria-current")) button.classList.add("is-current");
    link.replaceWith(button);
    return button;
  }

  function setOpen(button, open) {
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    button.setAttribute("aria-expanded", open ? "true" : "false");
    if (panel) panel.hidden = !open;
  }

  function closeAll(except) {
    buttons.forEach(function (button) {
      if (button !== except) setOpen(button, false);
    });
  }

  function addPanels(html) {
    var found = new DOMParser().parseFromString(html, "text/html");
    nav.querySelectorAll("a[data-menu]").forEach(function (link) {
      var id = link.getAttribute("data-menu");
      var panel = found.getElementById(id);
      if (!panel) return;
      panel.hidden = true;
      link.after(document.adoptNode(panel));
      var button = toButton(link, id);
      buttons.push(button);
      button.addEventListener("click", function () {
        var open = button.getAttribute("aria-expanded") !== "true";
        closeAll(button);
        setOpen(button, open);
      });
    });
  }

  var source = nav.getAttribute("data-menus");
  if (source && window.fetch && window.DOMParser) {
    fetch(source, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.text();
      })
      .then(addPanels)
      .catch(function () {});
  }

  // "Menu" on a phone: shows and hides the whole navigation.
  var toggle = null;
  var toggleLink = document.querySelector("a[data-menu-toggle]");
  if (toggleLink) {
    toggle = toButton(toggleLink, toggleLink.getAttribute("data-menu-toggle"));
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", open ? "true" : "false");
      nav.classList.toggle("is-open", open);
      if (!open) closeAll();
    });
  }

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var open = buttons.filter(function (b) {
      return b.getAttribute("aria-expanded") === "true";
    })[0];
    if (open) {
      setOpen(open, false);
      open.focus();
    } else if (toggle && nav.classList.contains("is-open")) {
      toggle.click();
      toggle.focus();
    }
  });

  // A click or focus outside the navigation closes the open panel.
  document.addEventListener("click", function (event) {
    if (!nav.contains(event.target)) closeAll();
  });
  nav.addEventListener("focusout", function (event) {
    if (event.relatedTarget && !nav.contains(event.relatedTarget)) closeAll();
  });
})();
