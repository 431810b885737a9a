// Gradient descent against Newton's method on a loss f(x, y): contour lines of f, and from the
// same draggable start p₀ the gradient-descent path p ← p − α∇f(p) and the Newton path
// p ← p − H(p)⁻¹∇f(p), stepped together. A slider (and + / −) sets the learning rate α. The
// readout gives both points and their f values, and the Hessian at the start with the signs
// of its eigenvalues: both > 0 a minimum, both < 0 a maximum, mixed a saddle — where Newton,
// which only looks for a zero gradient, heads for the saddle point.
// Params: function (learner grammar, in x and y), start [x, y], learning_rate; optional steps
// (the most steps, default 20), domain [from, to] (both axes).
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  var SUB = "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089";
  var MINUS = "\u2212";
  var RATES = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5,
    0.6, 0.75, 0.9, 1, 1.25, 1.5, 2];
  var FAR = 1e9;

  function sub(k) {
    return String(k).split("").map(function (d) { return SUB[Number(d)]; }).join("");
  }

  function ladder(rate) {
    var rates = RATES.slice();
    if (rates.indexOf(rate) < 0) rates.push(rate);
    return rates.sort(function (a, b) { return a - b; });
  }

  window.mlmathFigures["newton-vs-gradient"] = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var sig = kit.sig;
    var f = window.mlmathFormula.parse(params["function"], ["x", "y"]);
    var rates = ladder(params.learning_rate);
    var rate = rates.indexOf(params.learning_rate);
    var most = params.steps || 20;
    var taken = 0;
    var start = params.start.slice();

    function value(p) { return f(p[0], p[1])[0]; }
    function gradient(p) { var d = f(p[0], p[1]); return [d[1], d[2]]; }
    // The Hessian from the exact gradient (dual numbers): five-point central differences,
    // made symmetric. Exact to about 1e-10 for the smooth losses of a lesson.
    function hessian(p) {
      var h = 1e-3 * Math.max(1, Math.abs(p[0]), Math.abs(p[1]));
      function along(i) {
        var e = i === 0 ? [h, 0] : [0, h];
        var g2 = gradient([p[0] + 2 * e[0], p[1] + 2 * e[1]]);
        var g1 = gradient([p[0] + e[0], p[1] + e[1]]);
        var m1 = gradient([p[0] - e[0], p[1] - e[1]]);
        var m2 = gradient([p[0] - 2 * e[0], p[1] - 2 * e[1]]);
        return [0, 1].map(function (j) { return (-g2[j] + 8 * g1[j] - 8 * m1[j] + m2[j]) / (12 * h); });
      }
      var cx = along(0), cy = along(1);
      var off = (cx[1] + cy[0]) / 2;
      return [[clean(cx[0]), clean(off)], [clean(off), clean(cy[1])]];
    }
    // Differences leave ~1e-11 where the exact entry is whole or 0: snap those.
    function clean(v) {
      var r = Math.round(v);
      return Math.abs(v - r) < 1e-7 * Math.max(1, Math.abs(v)) ? r : v;
    }
    function eigenvalues(H) {
      var m = (H[0][0] + H[1][1]) / 2;
      var d = Math.sqrt(Math.pow((H[0][0] - H[1][1]) / 2, 2) + H[0][1] * H[0][1]);
      return [clean(m - d), clean(m + d)];
    }
    function kind(H) {
      var ev = eigenvalues(H);
      var tol = 1e-9 * Math.max(1, Math.abs(ev[0]), Math.abs(ev[1]));
      if (Math.abs(ev[0]) <= tol || Math.abs(ev[1]) <= tol) return "flat";
      if (ev[0] > 0) return "minimum";
      if (ev[1] < 0) return "maximum";
      return "saddle";
    }
    function ok(p) { return isFinite(p[0]) && isFinite(p[1]) && Math.abs(p[0]) < FAR && Math.abs(p[1]) < FAR; }

    function gdStep(p, alpha) {
      var g = gradient(p);
      return [p[0] - alpha * g[0], p[1] - alpha * g[1]];
    }
    // p − H⁻¹∇f, or null where H is singular.
    function newtonStep(p) {
      var H = hessian(p);
      var det = H[0][0] * H[1][1] - H[0][1] * H[1][0];
      var scale = Math.max(1, Math.abs(H[0][0]), Math.abs(H[1][1]), Math.abs(H[0][1]));
      if (!isFinite(det) || Math.abs(det) < 1e-10 * scale * scale) return null;
      var g = gradient(p);
      return [p[0] - (H[1][1] * g[0] - H[0][1] * g[1]) / det, p[1] - (-H[1][0] * g[0] + H[0][0] * g[1]) / det];
    }
    function walk(p0, n, next) {
      var ps = [p0.slice()];
      for (var k = 0; k < n; k++) {
        var p = next(ps[k]);
        if (!p || !ok(p) || !isFinite(value(p))) break;
        ps.push(p);
      }
      return ps;
    }
    function gdWalk(p0, n) { return walk(p0, n, function (p) { return gdStep(p, rates[rate]); }); }
    function newtonWalk(p0, n) { return walk(p0, n, newtonStep); }
    // Where Newton's method settles from p0 (null when it does not).
    function newtonLimit(p0) {
      var ps = newtonWalk(p0, 60);
      var p = ps[ps.length - 1];
      var g = gradient(p);
      return Math.hypot(g[0], g[1]) < 1e-8 * Math.max(1, Math.abs(value(p))) ? p : null;
    }

    // --- the board ------------------------------------------------------------------------
    var box;
    if (params.domain) {
      box = [params.domain[0], params.domain[1], params.domain[1], params.domain[0]];
    } else {
      var near = function (p) { return Math.abs(p[0] - start[0]) < 20 && Math.abs(p[1] - start[1]) < 20; };
      var shown = gdWalk(start, 12).concat(newtonWalk(start, 4)).filter(near);
      var limit0 = newtonLimit(start);
      if (limit0 && near(limit0)) shown.push(limit0);
      var xs = shown.map(function (p) { return p[0]; });
      var ys = shown.map(function (p) { return p[1]; });
      var cx = (Math.min.apply(null, xs) + Math.max.apply(null, xs)) / 2;
      var cy = (Math.min.apply(null, ys) + Math.max.apply(null, ys)) / 2;
      var half = Math.max((Math.max.apply(null, xs) - Math.min.apply(null, xs)) / 2,
        (Math.max.apply(null, ys) - Math.min.apply(null, ys)) / 2, 1.5) * 1.35;
      box = [cx - half, cy + half, cx + half, cy - half];
    }
    function inView(p) { return p[0] >= box[0] && p[0] <= box[2] && p[1] >= box[3] && p[1] <= box[1]; }

    var board, handle;
    var drawn = [];
    var drawnKey = "";
    var gd = [start], nt = [start];
    var slider = null;
    var sliderWords = null;

    function pathOf(points, color, name, labelOffset) {
      var labelled = points[0];
      var room = (box[2] - box[0]) / 12;
      for (var k = 1; k < points.length; k++) {
        if (!inView(points[k - 1]) && !inView(points[k])) continue;
        drawn.push(kit.arrow(board, points[k - 1], points[k], {
          strokeColor: color, strokeWidth: 2, lastArrow: { type: 2, size: 4 }
        }));
        if (!inView(points[k])) continue;
        var last = k === points.length - 1;
        var apart = Math.hypot(points[k][0] - labelled[0], points[k][1] - labelled[1]) > room;
        var label = (k <= 2 || last) && apart;
        if (label) labelled = points[k];
        drawn.push(board.create("point", points[k], {
          name: label ? name + sub(k) : "", size: last ? 4 : 2.5, fixed: true, showInfobox: false, highlight: false,
          fillColor: color, strokeColor: color,
          label: { offset: labelOffset, fontSize: 13, strokeColor: color, cssClass: "figure-label", highlightCssClass: "figure-label" }
        }));
      }
    }

    function redraw() {
      var p0 = [handle.X(), handle.Y()];
      var key = [p0[0], p0[1], rate, taken].join(",");
      if (key === drawnKey) return;
      drawnKey = key;
      start = p0;
      gd = gdWalk(p0, taken);
      nt = newtonWalk(p0, taken);
      board.suspendUpdate();
      drawn.forEach(function (el) { board.removeObject(el); });
      drawn = [];
      pathOf(gd, C.purple, "g", [6, 10]);
      pathOf(nt, C.orange, "n", [6, -12]);
      board.unsuspendUpdate();
    }

    function point(p) { return "(" + sig(p[0]) + ", " + sig(p[1]) + ")"; }
    function matrix(H) { return "[[" + sig(H[0][0]) + ", " + sig(H[0][1]) + "], [" + sig(H[1][0]) + ", " + sig(H[1][1]) + "]]"; }

    function describe() {
      redraw();
      var alpha = rates[rate];
      if (slider) {
        slider.value = String(rate);
        slider.setAttribute("aria-valuetext", "\u03b1 = " + sig(alpha));
        sliderWords.textContent = "Learning rate \u03b1 = " + sig(alpha);
      }
      var text = "Step " + taken + " of " + most + ", \u03b1 = " + sig(alpha) + ". ";
      var g = gd[gd.length - 1];
      var n = nt[nt.length - 1];
      text += "Gradient descent (purple): g" + sub(gd.length - 1) + " = " + point(g) + ", f = " + sig(value(g));
      if (gd.length - 1 < taken) text += " (its numbers blew up after " + (gd.length - 1) + " steps: \u03b1 is too large)";
      else if (!inView(g)) text += " (off the board)";
      text += ". Newton (orange): n" + sub(nt.length - 1) + " = " + point(n) + ", f = " + sig(value(n));
      if (nt.length - 1 < taken) {
        text += newtonStep(n) === null
          ? " (the Hessian there is singular, so Newton's method cannot step from here)"
          : " (its numbers blew up after " + (nt.length - 1) + " steps)";
      } else if (!inView(n)) {
        text += " (off the board)";
      }
      text += ".";
      var H = hessian(start);
      var ev = eigenvalues(H);
      text += " At the start p\u2080 = " + point(start) + " the Hessian is H = " + matrix(H) +
        ", eigenvalues " + sig(ev[0]) + " and " + sig(ev[1]) + ": ";
      var shape = kind(H);
      if (shape === "minimum") text += "both > 0, so f curves up in every direction here, like near a minimum.";
      else if (shape === "maximum") text += "both < 0, so f curves down in every direction here, like near a maximum.";
      else if (shape === "saddle") text += "one < 0 and one > 0, so f curves up one way and down the other: a saddle.";
      else text += "one is 0, so H is singular: f is flat in one direction here and the Newton step is not defined.";
      var end = newtonLimit(start);
      if (end) {
        var there = kind(hessian(end));
        if (there === "saddle") {
          text += " Newton heads for the saddle point here, " + point(end) +
            ": it looks only for a zero gradient, and a saddle has one; gradient descent slides away downhill.";
        } else if (there === "maximum") {
          text += " Newton heads for the maximum at " + point(end) + ": it looks only for a zero gradient.";
        } else if (there === "minimum") {
          text += " Newton heads for the minimum at " + point(end) + ".";
        }
      }
      if (shape !== "flat" && !(gd.length - 1 < taken)) {
        var gg = gradient(g);
        if (taken > 0 && Math.hypot(gg[0], gg[1]) < 1e-9) text += " Gradient descent has reached a point where the gradient is 0.";
      }
      return text;
    }

    var figure = canvas.closest("figure");
    var made = kit.create(canvas, {
      step: kit.niceStep(box[2] - box[0], 16) >= 0.5 ? 0.5 : 0.25,
      box: box,
      keepAspect: true,
      extent: [],
      handles: [{ label: "p\u2080", at: start, color: C.blue }],
      keys: [
        {
          keys: ["n", "N", "Enter"], help: "N steps both methods", button: "Step",
          buttonLabel: "Step both methods",
          run: function () {
            if (taken >= most) return "That is the last step this figure takes (" + most + ").";
            taken += 1;
            return "";
          }
        },
        {
          keys: ["b", "B", "Backspace"], help: "B steps both back", button: "Back",
          buttonLabel: "Step both methods back",
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
        contours(b);
      },
      describe: describe
    });

    // The learning-rate slider, under the buttons: it moves along the same ladder as + and −.
    var controls = figure.querySelector(".figure-controls");
    if (controls) {
      var wrap = document.createElement("label");
      wrap.className = "figure-slider";
      var words = sliderWords = document.createElement("span");
      words.textContent = "Learning rate \u03b1 = " + sig(rates[rate]);
      slider = document.createElement("input");
      slider.type = "range";
      slider.min = "0";
      slider.max = String(rates.length - 1);
      slider.step = "1";
      slider.value = String(rate);
      slider.setAttribute("aria-valuetext", "\u03b1 = " + sig(rates[rate]));
      slider.addEventListener("input", function () {
        rate = Number(slider.value);
        made.board.update();
        made.refresh();
      });
      wrap.appendChild(words);
      wrap.appendChild(slider);
      controls.parentNode.insertBefore(wrap, controls.nextSibling);
    }

    // Level curves of f: the levels split the board's sampled values into equal shares, so the
    // lines crowd where f changes fast; a critical point's own level is drawn too.
    function contours(b) {
      var samples = kit.gridValues(box, value);
      if (!samples.length) return;
      samples.sort(function (a, b2) { return a - b2; });
      var levels = [];
      for (var n = 1; n <= 8; n++) levels.push(samples[Math.floor((samples.length - 1) * (n - 0.5) / 8)]);
      var end = newtonLimit(start);
      if (end && inView(end) && kind(hessian(end)) === "saddle") levels.push(value(end));
      levels.forEach(function (c, k) {
        if (k > 0 && Math.abs(c - levels[k - 1]) < 1e-9) return;
        kit.contourLine(b, value, c);
      });
    }
  };
})();
