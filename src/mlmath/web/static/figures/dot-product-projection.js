// The dot product as a projection: the shadow of u on the line of v is (u·v / v·v) v. Turn v
// around u and watch u·v change sign: positive while the angle is below 90°, zero at 90°,
// negative beyond. Params: u [x, y], v [x, y].
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  window.mlmathFigures["dot-product-projection"] = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;

    function parts(h) {
      var u = kit.xy(h[0]);
      var v = kit.xy(h[1]);
      var dot = u[0] * v[0] + u[1] * v[1];
      var vv = v[0] * v[0] + v[1] * v[1];
      var k = kit.isZero(vv) ? 0 : dot / vv;
      return { u: u, v: v, dot: dot, vv: vv, proj: [k * v[0], k * v[1]] };
    }

    kit.create(canvas, {
      step: params.step,
      extent: [params.u, params.v, [-params.v[0], -params.v[1]]],
      handles: [
        { label: "u", at: params.u, color: C.orange, labelOffset: [8, -14] },
        { label: "v", at: params.v, color: C.blue }
      ],
      selected: 1,
      minHalfHeight: 2.5,
      build: function (board, h, origin) {
        board.create("line", [origin, h[1]], {
          fixed: true, highlight: false, strokeColor: C.grey, dash: 2, strokeWidth: 1.5
        });
        var shadow = kit.follow(board,
          function () { return parts(h).proj[0]; },
          function () { return parts(h).proj[1]; });
        board.create("segment", [h[0], shadow], {
          fixed: true, highlight: false, strokeColor: C.grey, dash: 1, strokeWidth: 1.5
        });
        kit.arrow(board, origin, shadow, { strokeColor: C.green, strokeWidth: 5, strokeOpacity: 0.75 });
        kit.text(board, function () { return shadow.X(); }, function () { return shadow.Y(); },
          "proj", C.green, true);
        kit.arrow(board, origin, h[0], { strokeColor: C.orange });
        kit.arrow(board, origin, h[1], { strokeColor: C.blue });
      },
      describe: function (h) {
        var s = parts(h);
        var text = "u = " + kit.vec(s.u) + ", v = " + kit.vec(s.v) + ": ";
        var uu = s.u[0] * s.u[0] + s.u[1] * s.u[1];
        if (kit.isZero(s.vv) || kit.isZero(uu)) {
          return text + "u\u00b7v = 0, because one of them is the zero vector (no angle to speak of).";
        }
        var cos = Math.max(-1, Math.min(1, s.dot / Math.sqrt(uu * s.vv)));
        var angle = kit.num(Math.round(Math.acos(cos) * 1800 / Math.PI) / 10) + "\u00b0";
        var proj = "the projection of u onto the line of v is " + kit.vec(s.proj);
        if (kit.isZero(s.dot)) {
          return text + "u\u00b7v = 0: u and v are perpendicular (90\u00b0), and " + proj +
            ", the zero vector.";
        }
        if (s.dot > 0) {
          return text + "u\u00b7v = " + kit.num(s.dot) + " > 0: the angle is " + angle +
            ", less than 90\u00b0, and " + proj + ", pointing along v.";
        }
        return text + "u\u00b7v = " + kit.num(s.dot) + " < 0: the angle is " + angle +
          ", more than 90\u00b0, and " + proj + ", pointing against v.";
      }
    });
  };
})();
