// The assignment page's code editor: CodeMirror 6 over a plain <textarea>.
//
// Progressive enhancement: the page works with the textarea alone. When this
// script runs, each <textarea data-code-editor> gets an editor in front of it and
// is hidden; the textarea keeps the text (it is what the form sends).
// Keyboard: Tab indents; Escape then Tab (or Ctrl-M / Shift-Alt-M) moves focus on.
import { basicSetup } from "codemirror";
import { EditorView, keymap } from "@codemirror/view";
import { indentWithTab } from "@codemirror/commands";
import { python } from "@codemirror/lang-python";

function labelOf(textarea) {
  const named = textarea.getAttribute("aria-label");
  if (named) return named;
  const label = textarea.labels && textarea.labels[0];
  return label ? label.textContent.trim() : "Code";
}

function enhance(textarea) {
  const sync = EditorView.updateListener.of((update) => {
    if (update.docChanged) textarea.value = update.state.doc.toString();
  });
  const attributes = { "aria-label": labelOf(textarea) };
  const described = textarea.getAttribute("aria-describedby");
  if (described) attributes["aria-describedby"] = described;
  const view = new EditorView({
    doc: textarea.value,
    extensions: [
      basicSetup,
      keymap.of([indentWithTab]),
      python(),
      EditorView.contentAttributes.of(attributes),
      EditorView.lineWrapping,
      sync,
    ],
  });
  view.dom.classList.add("code-editor");
  textarea.parentNode.insertBefore(view.dom, textarea);
  textarea.hidden = true;
  if (textarea.form) {
    textarea.form.addEventListener("submit", () => {
      textarea.value = view.state.doc.toString();
    });
  }
  if (textarea.id) {
    for (const label of document.querySelectorAll(`label[for="${textarea.id}"]`)) {
      label.addEventListener("click", (event) => {
        event.preventDefault();
        view.focus();
      });
    }
  }
  textarea.dataset.codeEditorReady = "true";
}

for (const textarea of document.querySelectorAll("textarea[data-code-editor]")) {
  enhance(textarea);
}
