// Times in the admin are the organisation's (settings.TIME_ZONE), whatever the browser's
// zone: each time field says so ("Vienna time"). Django's DateTimeShortcuts.js adds no
// "You are 1 hour behind server time" note beside a field that already has an element of
// its class "timezonewarning", so the label takes that place (templates/admin/base_site.html).
"use strict"
{
  const script = document.currentScript
  const zone = script.dataset.zone || ""
  const city = zone.split("/").pop().replace(/_/g, " ")
  const label = (script.dataset.label || "%(city)s time").replace("%(city)s", city)

  function labelTimeFields() {
    for (const input of document.querySelectorAll("input.vTimeField")) {
      if (input.parentNode.querySelector(".timezonewarning")) continue
      const note = document.createElement("span")
      note.className = "timezonewarning organisation-time-zone"
      note.textContent = label
      note.title = script.dataset.title || ""
      input.parentNode.append(note)
    }
  }

  // Before DateTimeShortcuts.init (on "load"), and again for inline rows added later.
  document.addEventListener("DOMContentLoaded", labelTimeFields)
  document.addEventListener("formset:added", labelTimeFields)
}
