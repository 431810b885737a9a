// Vector sum (tip to tail) and difference. Drag u and v: u + v is the diagonal of the
// parallelogram they span, u − v the arrow from the tip of v to the tip of u. With a and b
// given (a skill's variant), the figure shows the combination a·u + b·v instead.
// Params: u [x, y], v [x, y], optional a, b (numbers).
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  function term(kit, c, name, first) {
    if (first) {
      if (c === 1) return name;
      if (c === -1) return "\u2212" + name;
      return kit.num(c) + name;
    }
    var size = Math.abs(c) === 1 ? name : kit.num(Math.abs(c)) + name;
    return (c < 0 ? " \u2212 " : " + ") + size;
  }

  window.mlmathFigures["vector-sum"] = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var u = params.u;
    var v = params.v;
    var a = params.a === undefined ? 1 : params.a;
    var b = params.b === undefined ? 1 : params.b;
    var plain = a === 1 && b === 1;
    var expression = term(kit, a, "u", true) + (b === 0 ? "" : term(kit, b, "v", false));

    function combo(h, p, q) {
      return [p * h[0].X() + q * h[1].X(), p * h[0].Y() + q * h[1].Y()];
    }

    var extent = [[u[0] + v[0], u[1] + v[1]], [u[0] - v[0], u[1] - v[1]],
      [a * u[0], a * u[1]], [a * u[0] + b * v[0], a * u[1] + b * v[1]]];

    kit.create(canvas, {
      step: params.step,
      extent: extent,
      handles: [
        { label: "u", at: u, color: C.orange },
        { label: "v", at: v, color: C.blue }
      ],
      build: function (board, h, origin) {
        var dashed = { strokeWidth: 1.5, dash: 2, fixed: true, highlight: false };
        if (plain) {
          var sum = kit.follow(board, function () { return combo(h, 1, 1)[0]; },
            function () { return combo(h, 1, 1)[1]; });
          board.create("segment", [h[0], sum], Object.assign({ strokeColor: C.blue }, dashed));
          board.create("segment", [h[1], sum], Object.assign({ strokeColor: C.orange }, dashed));
          kit.arrow(board, origin, sum, { strokeColor: C.green });
          kit.text(board, function () { return sum.X(); }, function () { return sum.Y(); },
            "u + v", C.green);
          kit.arrow(board, h[1], h[0], { strokeColor: C.purple, strokeWidth: 2.5 });
          kit.text(board, function () { return (h[0].X() + h[1].X()) / 2; },
            function () { return (h[0].Y() + h[1].Y()) / 2; }, "u \u2212 v", C.purple, true);
        } else {
          var au = kit.follow(board, function () { return combo(h, a, 0)[0]; },
            function () { return combo(h, a, 0)[1]; });
          var w = kit.follow(board, function () { return combo(h, a, b)[0]; },
            function () { return combo(h, a, b)[1]; });
          if (a !== 1) kit.arrow(board, origin, au, Object.assign({ strokeColor: C.orange }, dashed));
          if (b !== 0) kit.arrow(board, au, w, Object.assign({ strokeColor: C.blue }, dashed));
          kit.arrow(board, origin, w, { strokeColor: C.green });
          kit.text(board, function () { return w.X(); }, function () { return w.Y(); },
            expression, C.green);
        }
        kit.arrow(board, origin, h[0], { strokeColor: C.orange });
        kit.arrow(board, origin, h[1], { strokeColor: C.blue });
      },
      describe: function (h) {
        var text = "u = " + kit.vec(kit.xy(h[0])) + ", v = " + kit.vec(kit.xy(h[1])) + ": ";
        if (plain) {
          return text + "u + v = " + kit.vec(combo(h, 1, 1)) + " (tip to tail), u \u2212 v = " +
            kit.vec(combo(h, 1, -1)) + " (from the tip of v to the tip of u).";
        }
        return text + expression + " = " + kit.vec(combo(h, a, b)) + ".";
      }
    });
  };
})();
