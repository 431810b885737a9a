// mlmath: render math with KaTeX, submit with Ctrl+Enter. No inline scripts (CSP script-src 'self').
(function () {
  "use strict";

  var KATEX_OPTIONS = {
    throwOnError: false,
    trust: false,
    strict: "ignore",
    maxExpand: 500,
    maxSize: 30,
    output: "htmlAndMathml"
  };

  function renderMath(root) {
    if (!window.katex || !root || !root.querySelectorAll) return;
    var nodes = root.querySelectorAll(".math[data-latex]:not([data-rendered])");
    if (root.matches && root.matches(".math[data-latex]:not([data-rendered])")) {
      nodes = [root].concat(Array.prototype.slice.call(nodes));
    }
    Array.prototype.forEach.call(nodes, function (el) {
      var options = Object.assign({}, KATEX_OPTIONS, { displayMode: el.classList.contains("display") });
      try {
        window.katex.render(el.getAttribute("data-latex"), el, options);
      } catch (e) {
        el.textContent = el.getAttribute("data-latex");
      }
      el.setAttribute("data-rendered", "");
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    renderMath(document.body);
    if (window.htmx) {
      window.htmx.onLoad(function (el) { renderMath(el); });
    }
  });

  // Ctrl+Enter (or Cmd+Enter) in an answer box checks the answer; Enter alone adds a line.
  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) &&
        target && target.classList && target.classList.contains("answer-box")) {
      var form = target.closest("form");
      if (form) {
        event.preventDefault();
        var button = form.querySelector("button.primary");
        if (button) button.click(); else form.requestSubmit();
      }
    }
  });

  // Finishing the last item of a practice quiz reloads to show the score.
  document.addEventListener("DOMContentLoaded", function () {
    document.body.addEventListener("quiz-finished", function () { window.location.reload(); });
  });
})();
