// The rank of a 2×2 matrix as the dimension of its image. The columns Ae₁ and Ae₂ are
// draggable arrows; the unit grid (dashed) and its image under A (the lines k·Ae₁ + t·Ae₂) are
// drawn. Independent columns: the image is the whole plane (rank 2). Parallel columns: the
// plane collapses onto one line through the origin (rank 1), and a line of vectors — the null
// space — is sent to 0. Both columns 0: everything goes to the origin (rank 0). S snaps the
// selected column onto the other's line. Params: matrix [[a, b], [c, d]]; optional step.
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  window.mlmathFigures.rank = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var a = params.matrix;
    var e1 = [a[0][0], a[1][0]];
    var e2 = [a[0][1], a[1][1]];
    var step = kit.fitStep(a[0].concat(a[1]), params.step || 0.5);
    var handles;
    var picked = 0;
    var made;
    var imageLine, zeroImage;

    function col(i) { return [handles[i].X(), handles[i].Y()]; }
    function det() { var u = col(0), w = col(1); return u[0] * w[1] - w[0] * u[1]; }
    function isNull(p) { return kit.isZero(p[0]) && kit.isZero(p[1]); }
    function rank() {
      if (!kit.isZero(det())) return 2;
      return isNull(col(0)) && isNull(col(1)) ? 0 : 1;
    }
    // The direction of the image line (rank 1): the first non-zero column.
    function direction() { return isNull(col(0)) ? col(1) : col(0); }
    // A non-zero vector v with Av = 0 (rank 1): from a non-zero row (p, q), v = (−q, p).
    function nullDirection() {
      var u = col(0), w = col(1);
      var row = !kit.isZero(u[0]) || !kit.isZero(w[0]) ? [u[0], w[0]] : [u[1], w[1]];
      return [-row[1], row[0]];
    }
    function lineWords(d) {
      if (kit.isZero(d[0])) return "the y-axis (x = 0)";
      if (kit.isZero(d[1])) return "the x-axis (y = 0)";
      var m = d[1] / d[0];
      var size = kit.num(Math.abs(m));
      var slope = kit.isZero(Math.abs(m) - 1) ? "" : size.indexOf("/") >= 0 ? "(" + size + ")" : size;
      return "the line y = " + (m < 0 ? "\u2212" : "") + slope + "x";
    }
    function simplest(d) {
      // a whole-number multiple of d where one exists: (2, 4) → (1, 2)
      var s = Math.abs(kit.isZero(d[0]) ? d[1] : d[0]);
      var q = [d[0] / s, d[1] / s];
      for (var k = 1; k <= 12; k++) {
        if (Math.abs(q[0] * k - Math.round(q[0] * k)) < 1e-9 && Math.abs(q[1] * k - Math.round(q[1] * k)) < 1e-9) {
          return [Math.round(q[0] * k) + 0, Math.round(q[1] * k) + 0];
        }
      }
      return d;
    }

    function describe() {
      var r = rank();
      imageLine.setAttribute({ visible: r === 1 });
      zeroImage.setAttribute({ visible: r === 0 });
      var d = det();
      var text;
      if (r === 2) {
        text = "Rank 2: the columns " + kit.vec(col(0)) + " and " + kit.vec(col(1)) +
          " point in different directions (det = " + kit.num(d) + " \u2260 0), so the image is the whole plane: every vector b is Ax for exactly one x.";
        var sine = Math.abs(d) / (Math.hypot(col(0)[0], col(0)[1]) * Math.hypot(col(1)[0], col(1)[1]));
        if (sine < 0.1) text += " The columns are nearly parallel, so the image grid is squeezed almost flat: A is close to rank 1.";
      } else if (r === 1) {
        var dir = simplest(direction());
        text = "Rank 1: the columns are parallel (det = 0), so the whole plane collapses onto one line through the origin, " +
          "in the direction " + kit.vec(dir) + ": " + lineWords(dir) + ". The image has dimension 1; every vector along " +
          kit.vec(simplest(nullDirection())) + " is sent to 0 (the null space), and Ax = b has a solution only for b on that line.";
      } else {
        text = "Rank 0: both columns are 0, so A sends every point of the plane to the origin. The image is just the zero vector (dimension 0).";
      }
      return text + " Ae\u2081 = " + kit.vec(col(0)) + ", Ae\u2082 = " + kit.vec(col(1)) + ".";
    }

    made = kit.create(canvas, {
      step: step,
      extent: [[2, 2], e1, e2, [e1[0] + e2[0], e1[1] + e2[1]]],
      handles: [
        { label: "Ae\u2081", at: e1, color: C.orange },
        { label: "Ae\u2082", at: e2, color: C.blue }
      ],
      keys: [{
        keys: ["s", "S"], help: "S snaps the selected column onto the other's line (dependent columns)",
        button: "Snap", buttonLabel: "Make the columns dependent: snap the selected column onto the other's line",
        run: function () {
          var i = picked, o = 1 - picked;
          var u = col(i), w = col(o);
          var names = ["Ae\u2081", "Ae\u2082"];
          if (isNull(w)) {
            return names[o] + " is 0, so the columns are already dependent.";
          }
          // the multiple c·w nearest u, c rounded so the arrow lands on the grid where it can
          var c = (u[0] * w[0] + u[1] * w[1]) / (w[0] * w[0] + w[1] * w[1]);
          // the half-whole multiple nearest c, but not 0 or 1 (the arrows would hide each other)
          var box = made.board.getBoundingBox();
          var best = null, to = null;
          for (var m = -20; m <= 20; m++) {
            var cm = m / 2;
            if (cm === 0 || cm === 1) continue;
            var p = [cm * w[0], cm * w[1]];
            if (p[0] < box[0] || p[0] > box[2] || p[1] < box[3] || p[1] > box[1]) continue;
            if (best === null || Math.abs(cm - c) < Math.abs(best - c)) { best = cm; to = p; }
          }
          if (best === null) { best = 1; to = [w[0], w[1]]; }
          var rounded = best;
          handles[i].moveTo(to);
          return names[i] + " snapped onto the line of " + names[o] + ": " + names[i] + " = " + kit.num(rounded) + "\u00b7" + names[o] + ".";
        }
      }],
      build: function (board, h, origin) {
        handles = h;
        var K = 8;
        var lineAttrs = { strokeWidth: 1, strokeOpacity: 0.5, fixed: true, highlight: false };
        for (var k = -K; k <= K; k++) {
          (function (k) {
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
        // rank 1: the image line, bold; rank 0: the origin, ringed
        var far = 1000;
        imageLine = board.create("curve", [
          function (t) { var d = direction(); var s = Math.hypot(d[0], d[1]) || 1; return t * far * d[0] / s; },
          function (t) { var d = direction(); var s = Math.hypot(d[0], d[1]) || 1; return t * far * d[1] / s; }, -1, 1
        ], { strokeColor: C.purple, strokeWidth: 4, fixed: true, highlight: false });
        zeroImage = board.create("point", [0, 0], {
          name: "", size: 7, fixed: true, fillOpacity: 0, strokeColor: C.purple, strokeWidth: 3, showInfobox: false, highlight: false
        });
        // the image of the unit square
        var corner = kit.follow(board,
          function () { return h[0].X() + h[1].X(); },
          function () { return h[0].Y() + h[1].Y(); });
        board.create("polygon", [origin, h[0], corner, h[1]], {
          fixed: true, highlight: false, fillColor: C.blue, fillOpacity: 0.18, hasInnerPoints: false,
          vertices: { visible: false, fixed: true },
          borders: { strokeColor: C.grey, strokeWidth: 1, fixed: true, highlight: false }
        });
        kit.arrow(board, origin, h[0], { strokeColor: C.orange });
        kit.arrow(board, origin, h[1], { strokeColor: C.blue });
        h.forEach(function (p, i) { p.on("down", function () { picked = i; }); });
      },
      describe: describe
    });
    // Space, 1 and 2 change the selected column in the kit; follow them for S.
    canvas.closest("figure").addEventListener("keydown", function (event) {
      if (event.key === "1" || event.key === "2") picked = Number(event.key) - 1;
      else if (event.key === " " || event.key === "n" || event.key === "N") picked = 1 - picked;
    }, true);
  };
})();
