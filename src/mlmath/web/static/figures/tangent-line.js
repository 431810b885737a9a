// The derivative as a slope: P moves along the graph of f, the tangent at P follows, and the
// readout gives its slope f′(a). A second point Q makes a secant through P; bring Q towards P
// (or halve the gap h with H) and the secant's slope (f(a + h) − f(a))/h approaches f′(a) — the
// speedometer reading as the limit of average speeds. Params: function (text in x, the learner
// grammar), point a; optional second (Q's x, default a + 1), secant (default true), domain
// [from, to] (the x shown), step.
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  window.mlmathFigures["tangent-line"] = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var dec = kit.dec;
    var f = window.mlmathFormula.of(params["function"]);
    var a0 = params.point;
    var secant = params.secant !== false;
    var q0 = params.second !== undefined ? params.second : a0 + 1;
    var step = params.step || 0.25;
    var lo, hi;
    if (params.domain) {
      lo = params.domain[0];
      hi = params.domain[1];
    } else {
      lo = Math.min(a0, secant ? q0 : a0) - 2;
      hi = Math.max(a0, secant ? q0 : a0) + 2;
    }
    var ys = window.mlmathFormula.yRange(f.value, lo, hi, [f.value(a0), secant ? f.value(q0) : NaN]);
    var pad = (hi - lo) * 0.04;
    var P, Q;
    var secantParts = [];

    var handles = [{ label: "P", at: [a0, f.value(a0)], color: C.blue, along: f.value }];
    if (secant) handles.push({ label: "Q", at: [q0, f.value(q0)], color: C.orange, along: f.value, labelOffset: [8, -16] });

    var spec = {
      step: step,
      box: [lo - pad, ys[1], hi + pad, ys[0]],
      extent: [],
      handles: handles,
      selected: secant ? 1 : 0,
      keys: secant ? [{
        keys: ["h", "H"],
        help: "H halves the gap h between Q and P",
        button: "Halve h",
        buttonLabel: "Halve the gap h between Q and P",
        run: function () {
          var a = P.X();
          var h = (Q.X() - a) / 2;
          if (Math.abs(h) < 1e-6) h = 0;
          Q.moveTo([a + h, f.value(a + h)]);
          return "h halved.";
        }
      }] : [],
      build: function (board, h) {
        P = h[0];
        Q = h[1];
        // A curve of two functions, not a functiongraph: JSXGraph would compile "x" into a
        // function at run time, which the page's content security policy refuses.
        board.create("curve", [function (t) { return t; }, f.value, lo - pad, hi + pad], {
          strokeColor: C.grey, strokeWidth: 2.5, fixed: true, highlight: false
        });
        var slope = function () { return f.slope(P.X()); };
        board.create("line", [
          [function () { return P.X(); }, function () { return P.Y(); }],
          [function () { return P.X() + 1; }, function () { return P.Y() + slope(); }]
        ], { strokeColor: C.blue, strokeWidth: 2.5, fixed: true, highlight: false });
        if (!secant) return;
        var line = board.create("line", [P, Q], {
          strokeColor: C.orange, strokeWidth: 2, dash: 2, fixed: true, highlight: false
        });
        // The run h and the rise f(a + h) − f(a) of the secant, as a right-angled path.
        var corner = kit.follow(board, function () { return Q.X(); }, function () { return P.Y(); });
        var run = board.create("segment", [P, corner], {
          strokeColor: C.orange, strokeWidth: 1.5, dash: 1, fixed: true, highlight: false
        });
        var rise = board.create("segment", [corner, Q], {
          strokeColor: C.orange, strokeWidth: 1.5, dash: 1, fixed: true, highlight: false
        });
        secantParts = [line, run, rise];
      },
      describe: function () {
        var a = P.X();
        var fa = f.value(a);
        if (!isFinite(fa)) return "f is not defined at x = " + dec(a) + ": move P back onto the graph.";
        var s = f.slope(a);
        var text = "P = (" + dec(a) + ", " + dec(fa) + "): the tangent's slope is f\u2032(" + dec(a) +
          ") = " + dec(s);
        if (kit.isZero(Math.round(s * 1e6) / 1e6)) text += ", a flat tangent: the graph turns here.";
        else text += s > 0 ? ", the graph rises here." : ", the graph falls here.";
        if (!secant) return text;
        var q = Q.X();
        var h = q - a;
        var fq = f.value(q);
        secantParts.forEach(function (el) {
          var show = Math.abs(h) > 1e-9;
          if (el.visProp.visible !== show) el.setAttribute({ visible: show });
        });
        if (Math.abs(h) < 1e-9) {
          return text + " Q is on P (h = 0): the secant's slope would be 0/0, and the tangent " +
            "is what the secants approach.";
        }
        if (!isFinite(fq)) return text + " f is not defined at Q's x = " + dec(q) + ".";
        var secantSlope = (fq - fa) / h;
        return text + " Q = (" + dec(q) + ", " + dec(fq) + "), h = " + dec(h) +
          ": the secant's slope is (f(" + dec(q) + ") \u2212 f(" + dec(a) + "))/h = " +
          dec(secantSlope) + ", off from f\u2032(" + dec(a) + ") by " + dec(Math.abs(secantSlope - s)) + ".";
      }
    };
    kit.create(canvas, spec);
  };
})();
