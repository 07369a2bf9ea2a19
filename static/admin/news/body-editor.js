// The news body editor's own extension (news/forms.py BodyEditorWidget): spellcheck, a
// comfortable height, labelled buttons, and clipboard HTML from Word and Google Docs
// reduced to what the body keeps. The editor's schema then drops whatever else (styles,
// classes, spans, <o:p>); the server's sanitiser (news/html.py) has the last word.
import { Extension, Plugin } from "django-prose-editor/editor"

// Word marks list items as paragraphs with "mso-list" in their style, the bullet or number
// in a span of their own ("mso-list:Ignore"); nothing in the markup makes them a list.
const WORD_LIST_ITEM = /mso-list\s*:\s*l\d+/i
const ORDERED_MARKER = /^\s*(\d+|[a-z]|[ivxlc]+)[.)]\s*$/i

function wordListItems(doc) {
  return [...doc.body.querySelectorAll("p")].filter(
    (p) =>
      WORD_LIST_ITEM.test(p.getAttribute("style") || "") ||
      /^MsoListParagraph/i.test(p.className),
  )
}

function wordMarker(p) {
  const ignored = [...p.querySelectorAll("span")].find((span) =>
    /mso-list\s*:\s*ignore/i.test(span.getAttribute("style") || ""),
  )
  const marker = ignored ? ignored.textContent.replace(/\u00a0/g, " ") : ""
  if (ignored) ignored.remove()
  return marker
}

function wordListsToLists(doc) {
  // Which items follow one another (nothing but white space between them), read before
  // anything moves: those make one list.
  const items = wordListItems(doc).map((p, index, all) => ({
    p,
    follows: index > 0 && all[index - 1].nextElementSibling === p,
  }))
  let list = null
  for (const { p, follows } of items) {
    const tag = ORDERED_MARKER.test(wordMarker(p)) ? "ol" : "ul"
    if (!follows || list?.tagName.toLowerCase() !== tag) {
      list = doc.createElement(tag)
      p.before(list)
    }
    const item = doc.createElement("li")
    const paragraph = doc.createElement("p")
    paragraph.append(...p.childNodes)
    item.append(paragraph)
    list.append(item)
    p.remove()
  }
}

// The page's title is the only <h1>: a pasted document's headings move one level down
// (h1 → h2 … h3 → h4), keeping their order, when the document uses <h1>.
function headingsBelowTitle(doc) {
  if (!doc.body.querySelector("h1")) return
  for (const heading of doc.body.querySelectorAll("h1, h2, h3, h4, h5, h6")) {
    const level = Math.min(Number(heading.tagName[1]) + 1, 4)
    const replacement = doc.createElement(`h${level}`)
    replacement.append(...heading.childNodes)
    heading.replaceWith(replacement)
  }
}

export function cleanPastedHTML(html) {
  const doc = new DOMParser().parseFromString(html, "text/html")
  // Word's conditional comments and <style> blocks carry nothing a body keeps.
  for (const element of doc.querySelectorAll("style, meta, link, script, title, xml")) {
    element.remove()
  }
  wordListsToLists(doc)
  headingsBelowTitle(doc)
  // Word spaces paragraphs apart with empty ones (<p><o:p>&nbsp;</o:p></p>): the site's
  // stylesheet spaces them already.
  for (const p of doc.body.querySelectorAll("p")) {
    if (!p.textContent.replace(/[\s\u00a0]/g, "") && !p.querySelector("img, br")) p.remove()
  }
  return doc.body.innerHTML
}

function relabel(button, label, { visible }) {
  button.title = label
  button.setAttribute("aria-label", label)
  if (!visible) return
  const icon = button.classList.contains("material-icons") ? button.textContent : ""
  button.classList.remove("material-icons", "prose-menubar__button--heading")
  button.classList.add("news-body-editor__button")
  button.textContent = ""
  if (icon && !button.dataset.level && !/^heading\d$/.test(button.dataset.name || "")) {
    const glyph = document.createElement("span")
    glyph.className = "material-icons"
    glyph.setAttribute("aria-hidden", "true")
    glyph.textContent = icon
    button.append(glyph)
  }
  const text = document.createElement("span")
  text.textContent = label
  button.append(text)
}

export const BodyEditor = Extension.create({
  name: "bodyEditor",

  addOptions() {
    return { labels: {}, tooltips: {} }
  },

  // Runs after the menu's own items (and the link's) are defined, before they are laid out.
  addMenuItems({ _definedItems }) {
    for (const [name, label] of Object.entries(this.options.labels)) {
      const item = _definedItems[name]
      if (item?.button) relabel(item.button, label, { visible: true })
    }
    for (const [name, label] of Object.entries(this.options.tooltips)) {
      const item = _definedItems[name]
      if (item?.button) relabel(item.button, label, { visible: false })
    }
    // "Paragraph" first, then the headings in their order.
    if (_definedItems.paragraph) _definedItems.paragraph.priority = 101
  },

  addProseMirrorPlugins() {
    return [
      new Plugin({
        props: {
          attributes: { spellcheck: "true", class: "news-body-editor" },
          transformPastedHTML: cleanPastedHTML,
        },
      }),
    ]
  },
})
