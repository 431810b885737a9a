// Newton's method in one variable, one step at a time. Root mode: the graph of f, and at the
// current point x_k its tangent, followed down to where it crosses zero — the next point
// x_{k+1} = x_k − f(x_k)/f′(x_k). Minimum mode: f and f′ drawn together; a minimum is a root of
// f′, so the tangent is f′'s and the step x_{k+1} = x_k − f′(x_k)/f″(x_k). Each step slides the
// tangent to the next point; the readout gives x_k, f(x_k) (or f′(x_k)), the step and the error
// |x_k − x*| (x* found by running the method on until it settles) — its digits roughly double.
// Params: function (learner grammar, in x), start x₀, mode root | minimum; optional steps (the
// most iterates, default 8), domain [from, to].
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  var SUB = "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089";
  var MINUS = "\u2212";
  var PRIME = "\u2032";
  var FAR = 1e12;

  function sub(k) {
    return String(k).split("").map(function (d) { return SUB[Number(d)]; }).join("");
  }

  window.mlmathFigures.newton = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var sig = kit.sig;
    var f = window.mlmathFormula.parse(params["function"], ["x"]);
    var minimum = params.mode === "minimum";
    var most = params.steps || 8;
    var taken = 0;

    function value(x) { return f(x, 0)[0]; }
    function slope(x) { return f(x, 0)[1]; }
    // f″ from the exact f′ (dual numbers): a five-point central difference, error ~1e-12.
    function curvature(x) {
      var h = 1e-3 * Math.max(1, Math.abs(x));
      return (-slope(x + 2 * h) + 8 * slope(x + h) - 8 * slope(x - h) + slope(x - 2 * h)) / (12 * h);
    }
    // g is the function whose root Newton seeks (f, or f′ for a minimum); dg its slope.
    var g = minimum ? slope : value;
    var dg = minimum ? curvature : slope;
    var gName = minimum ? "f" + PRIME : "f";
    var dgName = minimum ? "f\u2033" : "f" + PRIME;

    function flat(x) {
      var d = dg(x);
      return !isFinite(d) || Math.abs(d) < 1e-12 * Math.max(1, Math.abs(g(x)));
    }

    // The iterates from x0: up to n steps, stopping where a step cannot be taken.
    // Returns {xs, stop}: stop says why the walk ended early ("flat", "undefined", "far").
    function walk(x0, n) {
      var xs = [x0];
      for (var k = 0; k < n; k++) {
        var x = xs[k];
        var top = g(x);
        if (!isFinite(top)) return { xs: xs, stop: "undefined" };
        if (top === 0) return { xs: xs, stop: "root" };
        if (flat(x)) return { xs: xs, stop: "flat" };
        var next = x - top / dg(x);
        if (!isFinite(next) || Math.abs(next) > FAR) return { xs: xs, stop: "far" };
        xs.push(next);
      }
      return { xs: xs, stop: "" };
    }

    // x*: the method run on until its steps vanish (null when it does not settle).
    function limit(x0) {
      var xs = walk(x0, 200).xs;
      var x = xs[xs.length - 1];
      var last = xs.length > 1 ? Math.abs(x - xs[xs.length - 2]) : 0;
      if (!isFinite(g(x))) return null;
      if (Math.abs(g(x)) < 1e-10 * Math.max(1, Math.abs(x)) || last <= 1e-13 * Math.max(1, Math.abs(x))) {
        return Math.abs(g(x)) < 1e-6 ? x : null;
      }
      return null;
    }

    // --- the board ------------------------------------------------------------------------
    var x0 = params.start;
    var lo, hi;
    if (params.domain) {
      lo = params.domain[0];
      hi = params.domain[1];
    } else {
      var first = walk(x0, 3).xs;
      var star0 = limit(x0);
      var xs0 = first.concat(star0 === null ? [] : [star0]).filter(function (x) { return Math.abs(x - x0) < 20; });
      lo = Math.min.apply(null, xs0);
      hi = Math.max.apply(null, xs0);
      var mid = (lo + hi) / 2;
      var width = Math.max(hi - lo, 2) * 1.4;
      lo = mid - width / 2;
      hi = mid + width / 2;
    }
    var pad = (hi - lo) * 0.04;
    var curves = minimum ? [value, slope] : [value];
    var range = [Infinity, -Infinity];
    curves.forEach(function (c) {
      var r = window.mlmathFormula.yRange(c, lo, hi, [c(x0), 0]);
      range = [Math.min(range[0], r[0]), Math.max(range[1], r[1])];
    });
    var box = [lo - pad, range[1], hi + pad, range[0]];
    var step = kit.niceStep(hi - lo, 16);
    if (step > 0.25 && step < 1) step = step < 0.5 ? 0.25 : 0.5;

    var board, handle;
    var drawn = [];
    var drawnKey = "";
    var path = { xs: [x0], stop: "" };
    var star = null;
    var slide = null;  // the x the tangent touches while it slides to the next point

    function inView(x) { return x >= box[0] && x <= box[2]; }

    function redraw() {
      var start = handle.X();
      var key = start + "," + taken;
      if (key === drawnKey) return;
      drawnKey = key;
      path = walk(start, taken);
      star = limit(start);
      board.suspendUpdate();
      drawn.forEach(function (el) { board.removeObject(el); });
      drawn = [];
      var xs = path.xs;
      var room = (box[2] - box[0]) / 14;
      // Names for the latest iterate and for earlier ones where they do not crowd a later one.
      var names = [];
      var labelled = [xs[0]];
      for (var j = xs.length - 1; j >= 1; j--) {
        var crowded = labelled.some(function (u) { return Math.abs(u - xs[j]) < room; });
        if (j === xs.length - 1 || !crowded) {
          names[j] = "x" + sub(j);
          labelled.push(xs[j]);
        }
      }
      xs.forEach(function (x, k) {
        if (!inView(x)) return;
        var y = g(x);
        if (k < xs.length - 1 && isFinite(y)) {
          // The classic zig-zag: up from the axis to the curve, down the tangent to the axis.
          var next = xs[k + 1];
          drawn.push(board.create("segment", [[x, 0], [x, y]], {
            strokeColor: C.grey, dash: 2, strokeWidth: 1, fixed: true, highlight: false
          }));
          drawn.push(board.create("segment", [[x, y], [next, 0]], {
            strokeColor: C.orange, strokeOpacity: 0.45, strokeWidth: 1.5, fixed: true, highlight: false
          }));
        }
        if (k === 0) return;  // x₀ is the handle
        drawn.push(board.create("point", [x, 0], {
          name: names[k] || "", size: k === xs.length - 1 ? 4 : 2.5, fixed: true, showInfobox: false, highlight: false,
          fillColor: C.purple, strokeColor: C.purple,
          label: { offset: [-6, 14], fontSize: 13, strokeColor: C.purple, cssClass: "figure-label", highlightCssClass: "figure-label" }
        }));
      });
      board.unsuspendUpdate();
    }

    // The current point: where the tangent touches (sliding between iterates while animated).
    function touch() {
      if (slide !== null) return slide;
      return path.xs[path.xs.length - 1];
    }
    function tangentOk() {
      var t = touch();
      return inView(t) && isFinite(g(t)) && !flat(t);
    }
    function crossing() { var t = touch(); return t - g(t) / dg(t); }

    function describe() {
      redraw();
      var xs = path.xs;
      var k = xs.length - 1;
      var x = xs[k];
      var here = "x" + sub(k);
      var text = "k = " + k + (k === 0 ? " (the start)" : "") + ": " + here + " = " + sig(x, 10);
      var gx = g(x);
      if (!isFinite(gx)) {
        return text + ". " + gName + " is not defined at " + here + ": Newton's method cannot step from here. Drag x\u2080 or press R.";
      }
      text += ", " + gName + "(" + here + ") = " + sig(gx);
      if (minimum) text += ", f(" + here + ") = " + sig(value(x));
      text += ".";
      if (k > 0) {
        var before = xs[k - 1];
        text += " The step taken: " + MINUS + gName + "(x" + sub(k - 1) + ")/" + dgName + "(x" + sub(k - 1) + ") = " +
          sig(x - before) + ".";
      }
      if (star !== null) {
        var errors = xs.map(function (u) { return sig(Math.abs(u - star), 2); });
        text += " Error |" + here + " " + MINUS + " x*| = " + sig(Math.abs(x - star), 3) +
          " (x* = " + sig(star, 10) + ")";
        text += k > 0 ? "; the errors so far: " + errors.join(", ") + "." : ".";
      } else if (!flat(x)) {
        text += " From this start the iterates do not settle on a " + (minimum ? "critical point" : "root") +
          ", so there is no x* to measure the error against.";
      }
      if (path.stop === "root" || gx === 0) {
        text += " " + gName + "(" + here + ") = 0: " + here + " is " + (minimum ? "a critical point" : "a root") + ", and Newton's method stays there.";
      } else if (flat(x)) {
        text += " " + dgName + "(" + here + ") = 0: the tangent is flat: Newton's method cannot step from here.";
      } else {
        var next = x - gx / dg(x);
        if (Math.abs(next) > FAR || !isFinite(next)) {
          text += " The next step would run off beyond any board: the iterates diverge.";
        } else {
          text += " Next: x" + sub(k + 1) + " = " + here + " " + MINUS + " " + gName + "(" + here + ")/" + dgName +
            "(" + here + ") = " + sig(next, 10) + ".";
        }
      }
      if (minimum && !flat(x) && isFinite(dg(x)) && dg(x) < 0) {
        text += " f\u2033(" + here + ") < 0: f bends down here, so Newton heads for a maximum, not a minimum.";
      }
      if (!inView(x)) text += " " + here + " is off the board.";
      return text;
    }

    function animate(from, to) {
      var reduce = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
      if (reduce || !inView(from) || !inView(to) || !window.requestAnimationFrame) return;
      var t0 = null;
      var duration = 450;
      function frame(now) {
        if (t0 === null) t0 = now;
        var s = Math.min(1, (now - t0) / duration);
        slide = s >= 1 ? null : from + (to - from) * (1 - Math.pow(1 - s, 3));
        board.update();
        if (s < 1) window.requestAnimationFrame(frame);
      }
      slide = from;
      window.requestAnimationFrame(frame);
    }

    kit.create(canvas, {
      step: step,
      box: box,
      extent: [],
      handles: [{
        label: "x\u2080", at: [x0, 0], color: C.blue, path: "along the x-axis",
        along: function () { return 0; }, labelOffset: [-6, 16]
      }],
      keys: [
        {
          keys: ["n", "N", "Enter"], help: "N takes a Newton step", button: "Next step",
          buttonLabel: "Take a Newton step",
          run: function () {
            var xs = path.xs;
            var x = xs[xs.length - 1];
            if (taken >= most) return "That is the last step this figure takes (" + most + ").";
            if (path.stop === "flat" || flat(x)) return "The tangent is flat: Newton's method cannot step from here.";
            if (path.stop) return "No step can be taken from here.";
            var more = walk(handle.X(), taken + 1);
            if (more.xs.length === xs.length) return "No step can be taken from here.";
            taken += 1;
            animate(x, more.xs[more.xs.length - 1]);
            return "";
          }
        },
        {
          keys: ["b", "B", "Backspace"], help: "B goes one step back", button: "Back",
          buttonLabel: "One step back",
          run: function () { taken = Math.max(0, Math.min(taken, path.xs.length - 1) - 1); slide = null; return ""; }
        },
        {
          keys: ["r", "R", "0"], help: "R goes back to x\u2080", button: "Reset",
          buttonLabel: "Back to the start",
          run: function () { taken = 0; slide = null; return ""; }
        }
      ],
      build: function (b, h) {
        board = b;
        handle = h[0];
        // Curves of two functions: a functiongraph would compile "x" at run time (CSP).
        b.create("curve", [function (t) { return t; }, value, box[0], box[2]], {
          strokeColor: minimum ? C.grey : C.blue, strokeWidth: 2.5, fixed: true, highlight: false
        });
        if (minimum) {
          b.create("curve", [function (t) { return t; }, slope, box[0], box[2]], {
            strokeColor: C.blue, strokeWidth: 2, dash: 3, fixed: true, highlight: false
          });
        }
        curveLabels(b);
        // The tangent of g at the current point, and where it meets the x-axis.
        var at = kit.follow(b, function () { return touch(); }, function () { return g(touch()); });
        // where the tangent meets the x-axis (no segment at all when the tangent is flat)
        var cross = kit.follow(b,
          function () { return tangentOk() ? crossing() : touch(); },
          function () { return tangentOk() ? 0 : g(touch()); });
        // A second point of the whole tangent line: its crossing, or one to the right when flat.
        var along = kit.follow(b,
          function () { return tangentOk() ? crossing() : touch() + 1; },
          function () { return tangentOk() ? 0 : g(touch()); });
        b.create("line", [at, along], {
          strokeColor: C.orange, strokeWidth: 1, strokeOpacity: 0.5, fixed: true, highlight: false
        });
        b.create("segment", [at, cross], {
          strokeColor: C.orange, strokeWidth: 3, fixed: true, highlight: false
        });
        b.create("point", [function () { return touch(); }, function () { return isFinite(g(touch())) ? g(touch()) : 0; }], {
          name: "", size: 4, fixed: true, fillColor: C.orange, strokeColor: C.orange, showInfobox: false, highlight: false
        });
        if (minimum) {
          b.create("point", [function () { return touch(); }, function () { return isFinite(value(touch())) ? value(touch()) : 0; }], {
            name: "", size: 3, fixed: true, fillColor: C.grey, strokeColor: C.grey, showInfobox: false, highlight: false
          });
        }
      },
      describe: describe
    });

    // "f" and "f′" beside their curves, near the right edge where each is in view.
    function curveLabels(b) {
      var named = minimum ? [[value, "f", C.grey], [slope, "f" + PRIME, C.blue]] : [[value, "f", C.blue]];
      var used = [];
      named.forEach(function (entry) {
        for (var i = 0; i <= 20; i++) {
          var x = box[2] - (box[2] - box[0]) * (0.06 + i * 0.04);
          var y = entry[0](x);
          var span = box[1] - box[3];
          if (!isFinite(y) || y > box[1] - span * 0.16 || y < box[3] + span * 0.08) continue;
          if (used.some(function (u) { return Math.abs(u[1] - y) < span * 0.1 && Math.abs(u[0] - x) < (box[2] - box[0]) * 0.1; })) continue;
          used.push([x, y]);
          b.create("text", [x, y + span * 0.03, entry[1]], {
            fixed: true, highlight: false, strokeColor: entry[2], fontSize: 15, cssClass: "figure-label",
            highlightCssClass: "figure-label", anchorX: "middle", anchorY: "bottom"
          });
          return;
        }
      });
    }
  };
})();
