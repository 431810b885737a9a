// Interactive figures: each <figure class="interactive" data-kind=…> is drawn by the function
// registered for its kind (scripts under /static/figures/ register them). Until one is, the
// figure shows its text alternative.
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};
  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("figure.interactive").forEach(function (fig) {
      var draw = window.mlmathFigures[fig.getAttribute("data-kind")];
      if (!draw || !window.JXG) return;
      var params = {};
      try { params = JSON.parse(fig.getAttribute("data-params") || "{}"); } catch (e) { return; }
      try {
        draw(fig.querySelector(".figure-canvas"), params);
        fig.classList.add("drawn");
      } catch (e) { /* keep the text alternative */ }
    });
  });
})();
