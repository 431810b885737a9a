// Eigenvectors: the directions a matrix keeps on their own line. Turn v; Av is drawn too, and
// when Av lands on v's line the readout names the stretch factor λ (Av = λv).
// Params: matrix [[a, b], [c, d]], optional v [x, y] (the start, default (1, 0)).
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  window.mlmathFigures.eigenvectors = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var a = params.matrix;
    var start = params.v || [1, 0];
    var line = null;

    function image(p) { return [a[0][0] * p[0] + a[0][1] * p[1], a[1][0] * p[0] + a[1][1] * p[1]]; }

    // Room to turn v (radius 3) and to see where A sends e₁ and e₂, capped so that v stays
    // large enough to drag; a longer Av runs off the board but keeps its direction.
    function capped(p) {
      var r = Math.sqrt(p[0] * p[0] + p[1] * p[1]);
      return r > 7 ? [p[0] * 7 / r, p[1] * 7 / r] : p;
    }
    var extent = [[3, 3], start, capped(image([1, 0])), capped(image([0, 1]))];

    kit.create(canvas, {
      step: params.step,
      extent: extent,
      handles: [{ label: "v", at: start, color: C.blue, labelOffset: [-18, 12] }],
      build: function (board, h, origin) {
        line = board.create("line", [origin, h[0]], {
          fixed: true, highlight: false, strokeColor: C.grey, dash: 2, strokeWidth: 1.5
        });
        var av = board.create("point", [
          function () { return image(kit.xy(h[0]))[0]; },
          function () { return image(kit.xy(h[0]))[1]; }
        ], {
          name: "Av", fixed: true, size: 2, color: C.orange, showInfobox: false, highlight: false,
          label: { offset: [8, 10], strokeColor: C.orange, fontSize: 15 }
        });
        kit.arrow(board, origin, av, { strokeColor: C.orange });
        kit.arrow(board, origin, h[0], { strokeColor: C.blue });
      },
      describe: function (h) {
        var v = kit.xy(h[0]);
        var w = image(v);
        var text = "v = " + kit.vec(v) + ", Av = " + kit.vec(w) + ": ";
        if (kit.isZero(v[0]) && kit.isZero(v[1])) {
          line.setAttribute({ strokeColor: C.grey, dash: 2, strokeWidth: 1.5 });
          return "v = (0, 0): move v away from the origin; an eigenvector is never 0.";
        }
        var cross = v[0] * w[1] - v[1] * w[0];
        if (kit.isZero(cross)) {
          var lambda = (v[0] * w[0] + v[1] * w[1]) / (v[0] * v[0] + v[1] * v[1]);
          line.setAttribute({ strokeColor: C.green, dash: 0, strokeWidth: 3 });
          var times = kit.isZero(lambda - 1) ? "v" : kit.isZero(lambda + 1) ? "\u2212v" :
            kit.isZero(lambda) ? "0" : kit.num(lambda) + "v";
          return "v = " + kit.vec(v) + " is an eigenvector: Av = " + times + " = " +
            kit.vec(w) + ", still on v's own line (eigenvalue " + kit.num(lambda) + ").";
        }
        line.setAttribute({ strokeColor: C.grey, dash: 2, strokeWidth: 1.5 });
        return text + "Av leaves the line of v, so v is not an eigenvector.";
      }
    });
  };
})();
