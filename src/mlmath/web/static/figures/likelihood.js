// Maximum likelihood, seen: the likelihood L(θ) of the data as a curve over the parameter θ (the
// chance p of a 1 for Bernoulli data, the rate λ for Poisson counts, the mean μ for normal data
// with a known sd), its highest point — the maximum-likelihood estimate θ̂, the sample mean in
// all three — marked, and a marker θ the learner moves along the curve to read L(θ) and log L(θ).
// Adding a data point (Bernoulli: a 1 or a 0; counts and measurements: the value typed in the
// box) or removing the last one moves the curve and its maximum; more data make it narrower.
// L toggles the log-likelihood. Params: family ("bernoulli", "poisson" or "normal"), data (a
// list); optional sd (normal only, 1 unless given), log (start with log L, default false).
//
// L(θ) is a product of many numbers below 1 and soon tiny: the curve is drawn in units of a power
// of ten (the label in the corner says which), the readout gives the value itself.
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  var MINUS = "\u2212";
  var MAX_DATA = 200;
  var SUPERSCRIPTS = "\u2070\u00b9\u00b2\u00b3\u2074\u2075\u2076\u2077\u2078\u2079";

  function lgamma(x) { return window.mlmathFigures.distribution.special.lgamma(x); }

  function sup(k) {
    return (k < 0 ? "\u207b" : "") + String(Math.abs(k)).split("").map(function (d) { return SUPERSCRIPTS[Number(d)]; }).join("");
  }

  // log L(θ) of the data for each family (−∞ where the data are impossible).
  function logLikelihood(family, data, sd, theta) {
    var n = data.length;
    var sum = 0;
    data.forEach(function (x) { sum += x; });
    if (family === "bernoulli") {
      if (theta < 0 || theta > 1) return -Infinity;
      var ones = sum, zeros = n - sum;
      return (ones ? ones * Math.log(theta) : 0) + (zeros ? zeros * Math.log(1 - theta) : 0);
    }
    if (family === "poisson") {
      if (theta < 0) return -Infinity;
      var facts = 0;
      data.forEach(function (x) { facts += lgamma(x + 1); });
      return -n * theta + (sum ? sum * Math.log(theta) : 0) - facts;
    }
    var squares = 0;
    data.forEach(function (x) { squares += (x - theta) * (x - theta); });
    return -n / 2 * Math.log(2 * Math.PI * sd * sd) - squares / (2 * sd * sd);
  }

  window.mlmathFigures.likelihood = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var sig = kit.sig;
    var family = params.family;
    var sd = family === "normal" ? (params.sd || 1) : 1;
    var start = params.data.slice();
    var data = start.slice();
    var logMode = !!params.log;
    var figure = canvas.closest("figure");
    var theta = { bernoulli: "p", poisson: "\u03bb", normal: "\u03bc" }[family];
    var hat = { bernoulli: "p\u0302", poisson: "\u03bb\u0302", normal: "\u03bc\u0302" }[family];
    var view, handle, board, box;
    var scale = 0;  // the curve is drawn as L(θ)·10^scale

    // --- the parameter's range, the key step, the board -----------------------------------------
    function mean(xs) { var s = 0; xs.forEach(function (x) { s += x; }); return s / xs.length; }
    function spanOf(xs) {
      if (family === "bernoulli") return [0, 1];
      if (family === "poisson") {
        var most = xs.length ? Math.max.apply(null, xs) : 3;
        return [0, Math.max(4, Math.ceil(most * 1.5 + 2))];
      }
      if (!xs.length) return [-3 * sd, 3 * sd];
      return [Math.min.apply(null, xs) - 2 * sd, Math.max.apply(null, xs) + 2 * sd];
    }
    var range = spanOf(start);
    var step = family === "bernoulli" ? 0.05 : kit.niceStep(range[1] - range[0], 40);

    function grow() {
      var need = spanOf(data);
      range = [Math.min(range[0], need[0]), Math.max(range[1], need[1])];
    }

    function mle() {
      if (!data.length) return NaN;
      return mean(data);
    }

    function logL(t) { return logLikelihood(family, data, sd, t); }

    // What the board draws at θ: L(θ)·10^scale or log L(θ), with θ held inside its range.
    function clamp(t) { return Math.min(Math.max(t, range[0]), range[1]); }
    function plotted(t) {
      var v = logL(clamp(t));
      if (logMode) return v;
      return Math.exp(v + scale * Math.LN10);
    }

    // Where the marker sits: on the curve, or on the floor of the board where log L = −∞.
    function onCurve(t) {
      var v = plotted(t);
      return isFinite(v) ? v : box[3];
    }

    function top() {
      var m = mle();
      return data.length ? logL(isNaN(m) ? range[0] : m) : 0;
    }

    function makeBox() {
      var width = range[1] - range[0];
      var left = range[0] - width * 0.15, right = range[1] + width * 0.04;
      var best = top();
      if (!logMode) {
        // in units of a power of ten once L is below 0.1, so that the numbers on the axis stay short
        scale = best / Math.LN10 < -1 ? -Math.floor(best / Math.LN10) : 0;
        var high = Math.exp(best + scale * Math.LN10);
        return [left, high * 1.3, right, -high * 0.14];
      }
      var least = Infinity;
      for (var i = 0; i <= 100; i++) {
        var v = logL(range[0] + width * (0.1 + 0.8 * i / 100));
        if (isFinite(v)) least = Math.min(least, v);
      }
      var drop = Math.min(Math.max(best - least, 3), 60);
      return [left, best + drop * 0.3, right, best - drop * 1.12];
    }

    function reframe() {
      box = makeBox();
      view.reframe(box);
      view.box = box;
      axisAtTheFoot();
      drawDots();
      var t = clamp(handle.X());
      handle.setPositionDirectly(window.JXG.COORDS_BY_USER, [t, onCurve(t)]);
      board.fullUpdate();
    }

    // --- words --------------------------------------------------------------------------------
    function list(xs) {
      if (xs.length <= 12) return xs.map(kit.dec).join(", ");
      return xs.slice(0, 10).map(kit.dec).join(", ") + ", \u2026, " + kit.dec(xs[xs.length - 1]);
    }

    function valueText(v) {
      // L from its logarithm: tiny likelihoods in powers of ten, never rounded to 0.
      if (v === -Infinity) return "L = 0 (log L = " + MINUS + "\u221e)";
      return "L = " + sig(Math.exp(v)) + ", log L = " + sig(v);
    }

    function dataText() {
      var n = data.length;
      var ones = data.filter(function (x) { return x === 1; }).length;
      if (family === "bernoulli") {
        return "Bernoulli data, n = " + n + " (" + ones + (ones === 1 ? " one, " : " ones, ") + (n - ones) +
          (n - ones === 1 ? " zero): " : " zeros): ") + list(data) + ".";
      }
      var what = family === "poisson" ? "Poisson counts" : "Normal data with \u03c3 = " + sig(sd);
      return what + ", n = " + n + ": " + list(data) + ".";
    }

    function estimateText() {
      var n = data.length;
      var m = mle();
      var sum = 0;
      data.forEach(function (x) { sum += x; });
      var form = family === "normal" || Math.abs(sum - Math.round(sum)) > 1e-9 || Number.isInteger(m)
        ? sig(m)
        : kit.dec(sum) + "/" + n + " = " + sig(m);
      var text = "The maximum is at " + hat + " = " + form + ", the sample mean: " + valueText(logL(m)) + ".";
      if (family === "bernoulli" && (m === 0 || m === 1)) {
        text += " It sits at the end p = " + m + ": with no " + (m === 1 ? "zeros" : "ones") +
          " in the data, every other p explains them less well.";
      } else if (family === "poisson" && m === 0) {
        text += " With only zeros the best rate is 0, at the end of the range.";
      }
      return text;
    }

    function describe() {
      if (handle.X() !== clamp(handle.X())) {
        var t0 = clamp(handle.X());
        handle.setPositionDirectly(window.JXG.COORDS_BY_USER, [t0, onCurve(t0)]);
      }
      var t = handle.X();
      if (!data.length) {
        return "No data: the likelihood is 1 for every " + theta + ", so there is nothing to estimate. " +
          "Add a data point.";
      }
      var here = "At " + theta + " = " + sig(t) + ": " + valueText(logL(t));
      if (logL(t) === -Infinity) {
        here += family === "bernoulli"
          ? " \u2014 a " + (t === 0 ? "1" : "0") + " in the data is impossible when p = " + t
          : " \u2014 a count above 0 is impossible when \u03bb = 0";
      }
      var shown = logMode ? "Showing log L(" + theta + ")." : "Showing L(" + theta + ")" +
        (scale ? ", drawn in units of 10" + sup(-scale) + "." : ".");
      return dataText() + " " + estimateText() + " " + here + ". " + shown;
    }

    // --- data in and out ------------------------------------------------------------------------
    // log L is below 0 everywhere, so the kit puts the parameter's axis along the top of the board;
    // here it belongs at the foot, under the curve, with its numbers just above it.
    var foot = [];
    function axisAtTheFoot() {
      foot.forEach(function (el) { board.removeObject(el); });
      foot = [];
      board.objectsList.forEach(function (o) {
        if (o.elType === "axis" && Math.abs(o.point1.Y() - o.point2.Y()) < 1e-12) {
          o.setAttribute({ visible: !logMode });
          if (o.defaultTicks) o.defaultTicks.setAttribute({ visible: !logMode });
        }
      });
      if (!logMode) return;
      var y0 = box[3] + 8 / board.unitY;
      var d = kit.niceStep(box[2] - box[0]);
      var x0 = Math.ceil(range[0] / d - 1e-9) * d;  // ticks count from a multiple of the spacing
      foot.push(board.create("axis", [[x0, y0], [x0 + d, y0]], {
        strokeColor: C.faint, highlight: false, fixed: true, withLabel: false, lastArrow: false, straightFirst: false, straightLast: true,
        ticks: { strokeColor: C.faint, minorTicks: 0, majorHeight: 6, insertTicks: false, drawZero: true,
          ticksDistance: d,
          label: { fontSize: 12, strokeColor: "#495057", highlight: false, offset: [-4, 10], anchorX: "middle" } }
      }));
    }

    var dots = [];
    function drawDots() {
      if (family === "bernoulli") return;
      dots.forEach(function (d) { board.removeObject(d); });
      var seen = {};
      dots = data.map(function (x) {
        var k = seen[String(x)] || 0;
        seen[String(x)] = k + 1;
        return board.create("point", [x, function () { return (logMode ? box[3] + 26 / board.unitY : 0) + (5 + 8 * k) / board.unitY; }], {
          size: 3, face: "o", fixed: true, highlight: false, withLabel: false, showInfobox: false,
          fillColor: C.purple, strokeColor: C.purple
        });
      });
    }

    var input = null;
    function add(x) {
      if (data.length >= MAX_DATA) return "That is as many data points as this figure keeps.";
      data.push(x);
      grow();
      reframe();
      return "Added " + kit.dec(x) + ".";
    }
    function typed() {
      var raw = input ? input.value.trim().replace(MINUS, "-") : "";
      var x = Number(raw);
      if (raw === "" || !isFinite(x)) return null;
      if (family === "poisson" && !(x >= 0 && x <= 1000 && x === Math.round(x))) return null;
      if (family === "normal" && Math.abs(x) > 10000) return null;
      return x;
    }
    function addTyped() {
      var x = typed();
      if (x === null) {
        return family === "poisson"
          ? "Type a count first: a whole number from 0 to 1000."
          : "Type a number first (at most 10000 in size).";
      }
      return add(x);
    }

    var keys = [];
    if (family === "bernoulli") {
      keys.push(
        { keys: ["1"], help: "1 and 0 add a data point", button: "Add 1", buttonLabel: "Add a 1 to the data",
          run: function () { return add(1); } },
        { keys: ["0"], button: "Add 0", buttonLabel: "Add a 0 to the data", run: function () { return add(0); } }
      );
    } else {
      keys.push({ keys: ["a", "A"], help: "A adds the value in the box", button: "Add",
        buttonLabel: "Add the value in the box to the data", run: addTyped });
    }
    keys.push(
      { keys: ["Backspace", "Delete", "d", "D"], help: "Backspace removes the last one", button: "Remove last",
        buttonLabel: "Remove the last data point",
        run: function () {
          if (!data.length) return "There is no data point to remove.";
          var x = data.pop();
          reframe();
          return "Removed " + kit.dec(x) + ".";
        } },
      { keys: ["l", "L"], help: "L switches between L and log L", button: "log L",
        buttonLabel: "Switch between the likelihood and the log-likelihood",
        run: function () { logMode = !logMode; reframe(); return logMode ? "Log-likelihood." : "Likelihood."; } },
      { keys: ["r", "R"], help: "R resets the data", button: "Reset", buttonLabel: "Reset the data",
        run: function () { data = start.slice(); range = spanOf(start); reframe(); return "Data reset."; } }
    );

    box = makeBox();
    // The marker starts a little off the maximum, so that there is a climb to make.
    var first = data.length ? Math.round(mle() / step) * step - 4 * step : (range[0] + range[1]) / 2;
    if (first < range[0]) first += 8 * step;
    first = clamp(Number(first.toPrecision(12)));
    view = kit.create(canvas, {
      step: step,
      box: box,
      extent: [],
      handles: [{ label: theta, at: [first, onCurve(first)], color: C.orange, along: onCurve, path: "along the curve",
        labelOffset: [9, -12] }],
      keys: keys,
      build: function (b, h) {
        board = b;
        handle = h[0];
        b.create("curve", [[], []], { strokeColor: C.blue, strokeWidth: 2.5, fixed: true, highlight: false })
          .updateDataArray = function () {
            this.dataX = [];
            this.dataY = [];
            for (var i = 0; i <= 400; i++) {
              var t = range[0] + (range[1] - range[0]) * i / 400;
              var y = plotted(t);
              this.dataX.push(t);
              this.dataY.push(isFinite(y) ? y : NaN);
            }
          };
        // The maximum: a dashed line down from the top of the curve, named θ̂.
        var m = function () { return data.length ? mle() : NaN; };
        var bottom = function () { return logMode ? box[3] : 0; };
        b.create("segment", [[m, bottom], [m, function () { return plotted(m()); }]], {
          strokeColor: C.green, strokeWidth: 2, dash: 2, fixed: true, highlight: false
        });
        b.create("point", [m, function () { return plotted(m()); }], {
          name: hat, size: 4, fixed: true, highlight: false, showInfobox: false,
          fillColor: C.green, strokeColor: C.green,
          label: { offset: [0, 16], anchorX: "middle", fontSize: 14, strokeColor: C.green, cssClass: "figure-label", highlightCssClass: "figure-label" }
        });
        // Counts and measurements live on the same axis as λ or μ: a dot for each, stacked.
        axisAtTheFoot();
        drawDots();
        // Which units the curve is drawn in (L(θ) is soon a tiny number).
        b.create("text", [function () { return box[0] + (box[2] - box[0]) * 0.01; }, function () { return box[1]; },
          function () { return logMode ? "log L(" + theta + ")" : "L(" + theta + ")" + (scale ? ", \u00d710" + sup(-scale) : ""); }], {
          fixed: true, highlight: false, fontSize: 12, strokeColor: C.blue, anchorX: "left", anchorY: "top",
          cssClass: "figure-label", highlightCssClass: "figure-label"
        });
      },
      describe: describe
    });
    view.box = box;

    // Counts and measurements are typed into a box beside the Add button.
    if (family !== "bernoulli" && figure) {
      var controls = figure.querySelector(".figure-controls");
      var label = document.createElement("label");
      label.className = "figure-input";
      label.textContent = family === "poisson" ? "New count " : "New value ";
      input = document.createElement("input");
      input.type = "number";
      input.step = family === "poisson" ? "1" : "any";
      if (family === "poisson") input.min = "0";
      input.value = String(data.length ? (family === "poisson" ? Math.round(mle()) : Number(mle().toFixed(1))) : 0);
      input.style.width = "5.5em";
      input.addEventListener("keydown", function (event) {
        if (event.key !== "Enter") return;
        event.preventDefault();
        var words = addTyped();
        view.board.update();
        view.refresh(words);
      });
      label.appendChild(input);
      controls.insertBefore(label, controls.firstChild);
    }
  };

  window.mlmathFigures.likelihood.logLikelihood = logLikelihood;
})();
