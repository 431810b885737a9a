// A 2×2 matrix acting on the unit square and the grid. Drag the images of e₁ and e₂ (the
// columns of A); the shaded parallelogram is the image of the unit square, its signed area the
// determinant (blue: orientation kept, orange: flipped). Params: matrix [[a, b], [c, d]],
// optional vector [x, y] (shows v and Av), optional show_matrix (default true). A nearly
// singular matrix (columns almost parallel) is said to flatten the square into a sliver.
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  window.mlmathFigures["linear-transformation"] = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var a = params.matrix;
    var v = params.vector || null;
    var showMatrix = params.show_matrix !== false;
    var e1 = [a[0][0], a[1][0]];
    var e2 = [a[0][1], a[1][1]];
    var extent = [[1, 1], [e1[0] + e2[0], e1[1] + e2[1]]];
    if (v) extent.push(v, [v[0] * e1[0] + v[1] * e2[0], v[0] * e1[1] + v[1] * e2[1]]);
    var square = null;

    function det(h) { return h[0].X() * h[1].Y() - h[1].X() * h[0].Y(); }

    var entries = a[0].concat(a[1], v || []);
    kit.create(canvas, {
      // a grid the given numbers lie on: a handle snaps to it, and must not move off them
      step: kit.fitStep(entries, params.step || 0.5),
      extent: extent,
      handles: [
        { label: "Ae\u2081", at: e1, color: C.orange },
        { label: "Ae\u2082", at: e2, color: C.blue }
      ],
      build: function (board, h, origin) {
        var K = 8;
        var lineAttrs = { strokeWidth: 1, strokeOpacity: 0.45, fixed: true, highlight: false };
        for (var k = -K; k <= K; k++) {
          (function (k) {
            // Lines k·Ae₁ + t·Ae₂ and k·Ae₂ + t·Ae₁: the image of the grid.
            board.create("curve", [
              function (t) { return k * h[0].X() + t * h[1].X(); },
              function (t) { return k * h[0].Y() + t * h[1].Y(); }, -K, K
            ], Object.assign({ strokeColor: C.blue }, lineAttrs));
            board.create("curve", [
              function (t) { return k * h[1].X() + t * h[0].X(); },
              function (t) { return k * h[1].Y() + t * h[0].Y(); }, -K, K
            ], Object.assign({ strokeColor: C.orange }, lineAttrs));
          })(k);
        }
        board.create("polygon", [[0, 0], [1, 0], [1, 1], [0, 1]], {
          fixed: true, highlight: false, fillOpacity: 0, hasInnerPoints: false,
          vertices: { visible: false, fixed: true },
          borders: { strokeColor: C.grey, dash: 2, strokeWidth: 1.5, fixed: true, highlight: false }
        });
        var corner = kit.follow(board,
          function () { return h[0].X() + h[1].X(); },
          function () { return h[0].Y() + h[1].Y(); });
        square = board.create("polygon", [origin, h[0], corner, h[1]], {
          fixed: true, highlight: false, fillOpacity: 0.3, hasInnerPoints: false,
          vertices: { visible: false, fixed: true },
          borders: { strokeColor: C.grey, strokeWidth: 1, fixed: true, highlight: false }
        });
        kit.arrow(board, origin, [1, 0], { strokeColor: C.faint, strokeWidth: 2 });
        kit.arrow(board, origin, [0, 1], { strokeColor: C.faint, strokeWidth: 2 });
        kit.arrow(board, origin, h[0], { strokeColor: C.orange });
        kit.arrow(board, origin, h[1], { strokeColor: C.blue });
        if (v) {
          var tail = board.create("point", v, {
            name: "v", fixed: true, size: 2, color: C.grey, showInfobox: false,
            label: { offset: [6, -12], strokeColor: C.grey, fontSize: 15 }
          });
          kit.arrow(board, origin, tail, { strokeColor: C.grey, dash: 2, strokeWidth: 2 });
          var image = board.create("point", [
            function () { return v[0] * h[0].X() + v[1] * h[1].X(); },
            function () { return v[0] * h[0].Y() + v[1] * h[1].Y(); }
          ], {
            name: "Av", fixed: true, size: 2, color: C.purple, showInfobox: false,
            label: { offset: [6, 10], strokeColor: C.purple, fontSize: 15 }
          });
          kit.arrow(board, origin, image, { strokeColor: C.purple });
        }
      },
      describe: function (h) {
        var d = det(h);
        var text;
        var flat = false;
        square.setAttribute({ fillColor: d < 0 ? C.orange : C.blue });
        if (kit.isZero(d)) {
          var flat = kit.isZero(h[0].X()) && kit.isZero(h[0].Y()) &&
            kit.isZero(h[1].X()) && kit.isZero(h[1].Y());
          text = "det = 0: the unit square collapses onto a " + (flat ? "point" : "line") +
            ", so A is singular (no inverse).";
        } else {
          text = "det = " + kit.num(d) + ": the unit square becomes a parallelogram of area " +
            kit.num(Math.abs(d)) + ", orientation " + (d > 0 ? "kept." : "flipped.");
          // |det| / (|Ae₁|·|Ae₂|) is the sine of the angle between the columns.
          var sine = Math.abs(d) / (Math.hypot(h[0].X(), h[0].Y()) * Math.hypot(h[1].X(), h[1].Y()));
          if (sine < 0.1) {
            var degrees = Math.asin(sine) * 180 / Math.PI;
            text += " The image is nearly flat: Ae\u2081 and Ae\u2082 point almost the same way (" +
              kit.sig(degrees, 2) + "\u00b0 apart), so the square becomes a thin sliver and A is close to singular.";
          }
          flat = sine < 0.1;
        }
        text += " Ae\u2081 = " + kit.vec(kit.xy(h[0])) + ", Ae\u2082 = " + kit.vec(kit.xy(h[1]));
        if (showMatrix) {
          text += ", so A has rows " + kit.vec([h[0].X(), h[1].X()]) + " and " +
            kit.vec([h[0].Y(), h[1].Y()]);
        }
        text += ".";
        // a sliver drawn with a bold edge, so it stays visible on the board
        square.borders.forEach(function (b) {
          b.setAttribute({ strokeColor: flat ? (d < 0 ? C.orange : C.blue) : C.grey, strokeWidth: flat ? 2.5 : 1 });
        });
        if (v) {
          text += " v = " + kit.vec(v) + " goes to Av = " + kit.vec([
            v[0] * h[0].X() + v[1] * h[1].X(), v[0] * h[0].Y() + v[1] * h[1].Y()
          ]) + ".";
        }
        return text;
      }
    });
  };
})();
