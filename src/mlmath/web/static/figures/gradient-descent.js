// Gradient descent, one step at a time. In one variable: a cost curve, a start x₀ on it, and the
// iterates x_{k+1} = x_k − α·f′(x_k) joined by arrows; in two (start is a pair): contour lines of
// f(x, y) and the iterates p_{k+1} = p_k − α·∇f(p_k). Step forward and back, change the learning
// rate α and watch the walk crawl, converge, overshoot or diverge; drag the start. With ascent
// the walk climbs (+α·gradient). Params: function (learner grammar, in x or in x and y), start,
// learning_rate; optional steps (taken at first, default 0), ascent, domain [from, to], step.
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  var SUB = "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089";
  var MAX_STEPS = 60;
  var RATES = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5,
    0.6, 0.75, 0.9, 1, 1.1, 1.25, 1.5, 2, 3, 5, 10];

  function sub(k) {
    return String(k).split("").map(function (d) { return SUB[Number(d)]; }).join("");
  }

  function ladder(rate) {
    var rates = RATES.slice();
    if (rates.indexOf(rate) < 0) rates.push(rate);
    return rates.sort(function (a, b) { return a - b; });
  }

  window.mlmathFigures["gradient-descent"] = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var dec = kit.dec;
    var two = Array.isArray(params.start);
    var f = window.mlmathFormula.parse(params["function"], two ? ["x", "y"] : ["x"]);
    var sign = params.ascent ? 1 : -1;
    var rates = ladder(params.learning_rate);
    var rate = rates.indexOf(params.learning_rate);
    var taken = Math.min(params.steps || 0, MAX_STEPS);
    var name = two ? "p" : "x";
    var start = two ? params.start : [params.start, 0];

    function value(p) { return f(p[0], p[1])[0]; }
    function gradient(p) { var d = f(p[0], p[1]); return two ? [d[1], d[2]] : [d[1]]; }

    // The iterates from p for n steps at learning rate alpha (stopping if the numbers blow up).
    function walk(p, alpha, n) {
      var points = [two ? p.slice() : [p[0], 0]];
      for (var k = 0; k < n; k++) {
        var g = gradient(points[k]);
        var next = two
          ? [points[k][0] + sign * alpha * g[0], points[k][1] + sign * alpha * g[1]]
          : [points[k][0] + sign * alpha * g[0], 0];
        if (!isFinite(next[0]) || !isFinite(next[1]) || Math.abs(next[0]) > 1e12 || Math.abs(next[1]) > 1e12) break;
        points.push(next);
      }
      return points;
    }

    // --- the board: the start, the first iterates and (if the walk settles) where it ends ------
    var alpha0 = rates[rate];
    var look = walk(start, alpha0, Math.max(taken, 8));
    var far = walk(start, alpha0, 400);
    var near = function (p) { return Math.abs(p[0] - start[0]) < 25 && Math.abs(p[1] - start[1]) < 25; };
    var shown = look.filter(near).concat(far.slice(-1).filter(near));
    var xs = shown.map(function (p) { return p[0]; });
    var box;
    if (two) {
      var ysAll = shown.map(function (p) { return p[1]; });
      var cx = (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2;
      var cy = (Math.min.apply(null, ysAll) + Math.max.apply(null, ysAll)) / 2;
      var half = Math.max((Math.max.apply(null, xs) - Math.min.apply(null, xs)) / 2 * 0.75,
        (Math.max.apply(null, ysAll) - Math.min.apply(null, ysAll)) / 2, 1.5) * 1.3;
      box = [cx - half * 4 / 3, cy + half, cx + half * 4 / 3, cy - half];
    } else {
      var lo = params.domain ? params.domain[0] : Math.min.apply(null, xs);
      var hi = params.domain ? params.domain[1] : Math.max.apply(null, xs);
      if (!params.domain) {
        var mid = (lo + hi) / 2;
        var width = Math.max(hi - lo, 4) * 1.3;
        lo = mid - width / 2;
        hi = mid + width / 2;
      }
      var yr = window.mlmathFormula.yRange(function (x) { return value([x, 0]); }, lo, hi,
        look.filter(function (p) { return p[0] >= lo && p[0] <= hi; }).map(value));
      box = [lo, yr[1], hi, yr[0]];
    }
    var inView = function (p) {
      return p[0] >= box[0] && p[0] <= box[2] && (!two || (p[1] >= box[3] && p[1] <= box[1]));
    };

    var board, handle;
    var drawn = [];
    var drawnKey = "";
    var points = [];

    function at(p) { return two ? p : [p[0], value(p)]; }

    function redraw() {
      var p0 = [handle.X(), two ? handle.Y() : 0];
      var key = [p0[0], p0[1], rate, taken].join(",");
      if (key === drawnKey) return;
      drawnKey = key;
      points = walk(p0, rates[rate], taken);
      board.suspendUpdate();
      drawn.forEach(function (el) { board.removeObject(el); });
      drawn = [];
      // Names for the first iterates and the last, where they do not crowd the one before.
      var labelled = at(points[0]);
      var room = [(box[2] - box[0]) / 14, (box[1] - box[3]) / 14];
      for (var k = 1; k < points.length; k++) {
        var from = at(points[k - 1]);
        var to = at(points[k]);
        if (!inView(points[k - 1]) && !inView(points[k])) continue;
        drawn.push(kit.arrow(board, from, to, { strokeColor: C.purple, strokeWidth: 2, lastArrow: { type: 2, size: 4 } }));
        if (inView(points[k])) {
          var label = (k <= 3 || k === points.length - 1) &&
            (Math.abs(to[0] - labelled[0]) > room[0] || Math.abs(to[1] - labelled[1]) > room[1]);
          if (label) labelled = to;
          drawn.push(board.create("point", to, {
            name: label ? name + sub(k) : "", size: 3, fixed: true,
            fillColor: C.purple, strokeColor: C.purple, showInfobox: false, highlight: false,
            label: { offset: [6, 10], fontSize: 13, strokeColor: C.purple, cssClass: "figure-label", highlightCssClass: "figure-label" }
          }));
        }
      }
      // The next step from the current point, dashed: where −α·gradient would take it.
      var last = points[points.length - 1];
      var g = gradient(last);
      var next = two
        ? [last[0] + sign * rates[rate] * g[0], last[1] + sign * rates[rate] * g[1]]
        : [last[0] + sign * rates[rate] * g[0], 0];
      if (isFinite(next[0]) && isFinite(next[1]) && inView(last)) {
        var tail = at(last);
        var head = two ? next : [next[0], tail[1]];
        if (Math.abs(head[0] - tail[0]) + Math.abs(head[1] - tail[1]) > 1e-9) {
          drawn.push(kit.arrow(board, tail, head, { strokeColor: C.orange, strokeWidth: 2, dash: 2, lastArrow: { type: 2, size: 4 } }));
        }
      }
      board.unsuspendUpdate();
    }

    function vector(p) { return two ? "(" + dec(p[0]) + ", " + dec(p[1]) + ")" : dec(p[0]); }

    function describe() {
      redraw();
      var k = points.length - 1;
      var p = points[k];
      var here = name + sub(k);
      var fp = value(p);
      var alpha = rates[rate];
      var text = "\u03b1 = " + dec(alpha) + ". ";
      text += here + " = " + vector(p) + (k === 0 ? " (the start)" : " (after " + k + (k === 1 ? " step)" : " steps)"));
      if (!isFinite(fp)) return text + ": f is not defined here.";
      var g = gradient(p);
      var move = g.map(function (d) { return sign * alpha * d; });
      var nextPoint = p.map(function (c, i) { return i < move.length ? c + move[i] : c; });
      var slopeName = two ? "\u2207f(" + here + ")" : "f\u2032(" + here + ")";
      text += ": f(" + here + ") = " + dec(fp) + ", " + slopeName + " = " + vector(g.length === 2 ? g : [g[0]]) +
        ", so the next step is " + (sign < 0 ? "\u2212" : "+") + "\u03b1\u00b7" + slopeName + " = " +
        vector(move) + " \u2192 " + name + sub(k + 1) + " = " + vector(nextPoint) + ".";
      if (points.length - 1 < taken) {
        return text + " The numbers blew up: the walk diverged. Lower the learning rate.";
      }
      if (g.every(function (d) { return Math.abs(d) < 1e-9; })) {
        return text + " The gradient is 0: " + here + " is a flat point, and the walk stays put.";
      }
      if (!inView(p)) text += " " + here + " is off the board.";
      if (k >= 1) {
        var before = value(points[k - 1]);
        var worse = sign < 0 ? fp > before + 1e-12 : fp < before - 1e-12;
        if (worse) {
          var stepNow = Math.hypot(p[0] - points[k - 1][0], p[1] - points[k - 1][1]);
          var stepBefore = k >= 2 ? Math.hypot(points[k - 1][0] - points[k - 2][0], points[k - 1][1] - points[k - 2][1]) : 0;
          text += " f went " + (sign < 0 ? "up" : "down") + ": the step overshot the " +
            (sign < 0 ? "minimum" : "maximum") + (k >= 2 && stepNow > stepBefore
              ? ", and the steps grow: the walk diverges. The learning rate is too large."
              : ". The learning rate is too large.");
        }
      }
      return text;
    }

    kit.create(canvas, {
      step: params.step || (two ? 0.5 : 0.25),
      box: box,
      keepAspect: two,
      extent: [],
      handles: [{
        label: name + sub(0), at: at(start), color: C.blue,
        along: two ? null : function (x) { return value([x, 0]); }
      }],
      keys: [
        {
          keys: ["Enter", "s", "S"], help: "Enter (or S) takes a step", button: "Step",
          buttonLabel: "Take a step",
          run: function () {
            if (taken >= MAX_STEPS) return "That is the last step this figure takes.";
            taken += 1;
            return "";
          }
        },
        {
          keys: ["Backspace", "b", "B"], help: "Backspace (or B) takes one back", button: "Back",
          buttonLabel: "Take a step back",
          run: function () { taken = Math.max(0, taken - 1); return ""; }
        },
        {
          keys: ["+", "=", "]"], help: "+ and \u2212 change the learning rate", button: "\u03b1 +",
          buttonLabel: "Larger learning rate",
          run: function () { rate = Math.min(rates.length - 1, rate + 1); return "Learning rate up."; }
        },
        {
          keys: ["-", "_", "["], button: "\u03b1 \u2212", buttonLabel: "Smaller learning rate",
          run: function () { rate = Math.max(0, rate - 1); return "Learning rate down."; }
        },
        {
          keys: ["r", "R", "0"], help: "R goes back to the start", button: "Reset",
          buttonLabel: "Back to the start",
          run: function () { taken = 0; return ""; }
        }
      ],
      build: function (b, h) {
        board = b;
        handle = h[0];
        if (two) {
          contours(b);
        } else {
          // A curve of two functions: a functiongraph would compile "x" at run time (CSP).
          b.create("curve", [function (t) { return t; }, function (x) { return value([x, 0]); }, box[0], box[2]], {
            strokeColor: C.grey, strokeWidth: 2.5, fixed: true, highlight: false
          });
        }
      },
      describe: describe
    });

    // Level curves of f(x, y): closer together where f changes fast, densest near the optimum.
    function contours(b) {
      var samples = kit.gridValues(box, value);
      if (!samples.length) return;
      var low = Math.min.apply(null, samples);
      var high = Math.max.apply(null, samples);
      for (var n = 1; n <= 7; n++) {
        var t = (n / 8) * (n / 8);
        var level = sign < 0 ? low + (high - low) * t : high - (high - low) * t;
        kit.contourLine(b, value, level);
      }
    }
  };
})();
