// The span of two vectors in the plane. Drag them: while they point in different directions
// their combinations (the dots c₁v₁ + c₂v₂ for whole c₁, c₂) fill the plane; line them up and
// the span collapses to a line. Params: vectors [[x, y], [x, y]], optional labels ["v", "w"].
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  window.mlmathFigures.span = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var vs = params.vectors;
    var names = params.labels || ["v\u2081", "v\u2082"];
    var plane = null;
    var line = null;

    function state(h) {
      var p = kit.xy(h[0]);
      var q = kit.xy(h[1]);
      var zp = kit.isZero(p[0]) && kit.isZero(p[1]);
      var zq = kit.isZero(q[0]) && kit.isZero(q[1]);
      return { p: p, q: q, zp: zp, zq: zq, det: p[0] * q[1] - q[0] * p[1] };
    }

    // The direction of the line when the two are dependent (the non-zero one).
    function direction(h) {
      var s = state(h);
      return s.zp ? s.q : s.p;
    }

    kit.create(canvas, {
      step: params.step,
      extent: [vs[0], vs[1], [vs[0][0] + vs[1][0], vs[0][1] + vs[1][1]]],
      handles: [
        { label: names[0], at: vs[0], color: C.orange },
        { label: names[1], at: vs[1], color: C.blue }
      ],
      build: function (board, h, origin) {
        var bb = board.getBoundingBox();
        plane = board.create("polygon", [[bb[0], bb[1]], [bb[2], bb[1]], [bb[2], bb[3]], [bb[0], bb[3]]], {
          fixed: true, highlight: false, fillColor: C.green, fillOpacity: 0.1, hasInnerPoints: false,
          vertices: { visible: false, fixed: true }, borders: { visible: false }
        });
        var tip = kit.follow(board,
          function () { return direction(h)[0]; },
          function () { return direction(h)[1]; });
        line = board.create("line", [origin, tip], {
          fixed: true, highlight: false, strokeColor: C.green, strokeWidth: 4, strokeOpacity: 0.6
        });
        for (var i = -3; i <= 3; i++) {
          for (var j = -3; j <= 3; j++) {
            if (i === 0 && j === 0) continue;
            (function (i, j) {
              board.create("point", [
                function () { return i * h[0].X() + j * h[1].X(); },
                function () { return i * h[0].Y() + j * h[1].Y(); }
              ], {
                fixed: true, withLabel: false, size: 1.5, fillColor: C.green, strokeColor: C.green,
                highlight: false, showInfobox: false
              });
            })(i, j);
          }
        }
        kit.arrow(board, origin, h[0], { strokeColor: C.orange });
        kit.arrow(board, origin, h[1], { strokeColor: C.blue });
      },
      describe: function (h) {
        var s = state(h);
        var independent = !kit.isZero(s.det);
        plane.setAttribute({ visible: independent });
        line.setAttribute({ visible: !independent && !(s.zp && s.zq) });
        var text = names[0] + " = " + kit.vec(s.p) + ", " + names[1] + " = " + kit.vec(s.q) + ": ";
        if (independent) {
          return text + "they point in different directions, so the span is the whole plane " +
            "(det = " + kit.num(s.det) + ", not 0).";
        }
        if (s.zp && s.zq) return text + "both are 0, so the span is a single point, the origin.";
        if (s.zp) return text + names[0] + " = 0, so the span is a line: the multiples of " + names[1] + ".";
        if (s.zq) return text + "the span is a line: " + names[1] + " = 0\u00b7" + names[0] + ".";
        var k = Math.abs(s.p[0]) >= Math.abs(s.p[1]) ? s.q[0] / s.p[0] : s.q[1] / s.p[1];
        return text + "the span is a line: " + names[1] + " = " + kit.num(k) + "\u00b7" + names[0] + ".";
      }
    });
  };
})();
