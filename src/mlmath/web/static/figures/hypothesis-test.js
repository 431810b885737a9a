// A z-test as areas under two curves: the sampling distribution of the mean x̄ under H₀ (mean
// μ₀) and under H₁ (mean μ₁), each normal with standard error σ/√n. The rejection region is
// shaded under H₀ (its area is α, orange); the part of H₁ outside it is β, the chance of a type
// II error (blue), and power = 1 − β. The learner drags the observed mean x̄ (or moves it with
// the left and right arrows) and reads its z and p-value — the area under H₀ as far out as x̄ —
// and the decision; n (up and down arrows) and α (+ and −) change the curves and the region.
// Params: mu0, mu1, sd, n, alpha, tail ("two", "left", "right"); optional observed (x̄; μ₁
// unless given). Φ is the normal distribution function of distribution.js.
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  var MINUS = "\u2212";
  var ALPHAS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.2];
  var SIZES = [1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 16, 20, 25, 30, 36, 40, 50, 60, 64, 80, 100, 120,
    150, 200, 250, 300, 400, 500, 750, 1000, 2000, 5000, 10000];

  function tails(z) { return window.mlmathFigures.distribution.special.normalTails(z); }
  function below(z) { return tails(z)[0]; }   // Φ(z) = P(Z ≤ z)
  function above(z) { return tails(z)[1]; }   // 1 − Φ(z) = P(Z ≥ z)

  // z with P(Z ≥ z) = tail, by bisection (far below the digits shown).
  function upperQuantile(tail) {
    var lo = -40, hi = 40;
    for (var i = 0; i < 200 && hi - lo > 1e-14; i++) {
      var mid = (lo + hi) / 2;
      if (above(mid) > tail) lo = mid; else hi = mid;
    }
    return (lo + hi) / 2;
  }

  function ladder(values, given) {
    var all = values.slice();
    if (all.indexOf(given) < 0) all.push(given);
    return all.sort(function (u, v) { return u - v; });
  }

  // A round step (1, 2 or 5 times a power of ten) near a fifth of the standard error.
  function roundStep(size) {
    var p = Math.pow(10, Math.floor(Math.log10(size)));
    var m = size / p;
    return (m < 2 ? 1 : m < 5 ? 2 : 5) * p;
  }

  // Everything the test gives for x̄ = obs: critical values, z, p-value, decision, β, power.
  function test(mu0, mu1, sd, n, alpha, tail, obs) {
    var se = sd / Math.sqrt(n);
    var r = { se: se };
    if (tail === "two") {
      r.zc = upperQuantile(alpha / 2);
      r.lower = mu0 - r.zc * se;
      r.upper = mu0 + r.zc * se;
      r.beta = below((r.upper - mu1) / se) - below((r.lower - mu1) / se);
      // the complement taken from the smaller side keeps the digits of a tiny β
      if (r.beta > 0.5) r.beta = 1 - above((r.upper - mu1) / se) - below((r.lower - mu1) / se);
    } else if (tail === "right") {
      r.zc = upperQuantile(alpha);
      r.upper = mu0 + r.zc * se;
      r.beta = below((r.upper - mu1) / se);
    } else {
      r.zc = upperQuantile(alpha);
      r.lower = mu0 - r.zc * se;
      r.beta = above((r.lower - mu1) / se);
    }
    r.power = tail === "two"
      ? above((r.upper - mu1) / se) + below((r.lower - mu1) / se)
      : tail === "right" ? above((r.upper - mu1) / se) : below((r.lower - mu1) / se);
    r.z = (obs - mu0) / se;
    r.p = tail === "two" ? Math.min(1, 2 * above(Math.abs(r.z))) : tail === "right" ? above(r.z) : below(r.z);
    r.reject = tail === "two" ? obs <= r.lower || obs >= r.upper : tail === "right" ? obs >= r.upper : obs <= r.lower;
    return r;
  }

  window.mlmathFigures["hypothesis-test"] = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var sig = kit.sig;
    var prob = kit.prob;
    var mu0 = params.mu0, mu1 = params.mu1, sd = params.sd, tail = params.tail;
    var sizes = ladder(SIZES, params.n);
    var alphas = ladder(ALPHAS, params.alpha);
    var ni = sizes.indexOf(params.n);
    var ai = alphas.indexOf(params.alpha);
    var start = typeof params.observed === "number" ? params.observed : mu1;
    var marker = null;
    var view = null;
    var board = null;

    function n() { return sizes[ni]; }
    function alpha() { return alphas[ai]; }
    function se() { return sd / Math.sqrt(n()); }
    function obs() { return marker ? marker.X() : start; }
    function result() { return test(mu0, mu1, sd, n(), alpha(), tail, obs()); }
    function pdf(mean, x) { var z = (x - mean) / se(); return Math.exp(-z * z / 2) / (se() * Math.sqrt(2 * Math.PI)); }

    function box() {
      var s = se();
      var lo = Math.min(mu0, mu1, obs()) - 4 * s;
      var hi = Math.max(mu0, mu1, obs()) + 4 * s;
      var pad = (hi - lo) * 0.03;
      var top = 1 / (s * Math.sqrt(2 * Math.PI));
      return [lo - pad, top * 1.32, hi + pad, -top * 0.13];
    }

    // The area under one curve over [from, to] (clipped to the board), as a filled curve.
    function area(mean, from, to, attrs) {
      var c = board.create("curve", [[], []], Object.assign({ fixed: true, highlight: false, strokeWidth: 0 }, attrs));
      c.updateDataArray = function () {
        var bb = board.getBoundingBox();
        var a = Math.max(from(), bb[0]), b = Math.min(to(), bb[2]);
        this.dataX = [];
        this.dataY = [];
        if (!(b > a)) return;
        var xs = [a], ys = [0];
        for (var i = 0; i <= 160; i++) {
          var x = a + (b - a) * i / 160;
          xs.push(x);
          ys.push(pdf(mean, x));
        }
        xs.push(b);
        ys.push(0);
        this.dataX = xs;
        this.dataY = ys;
      };
      return c;
    }

    var far = function () { return 1e300; };
    var nearInf = function () { return -1e300; };

    function equation(value, center) {
      var sign = value - center < 0 ? MINUS : "+";
      return sig(center) + " " + sign + " " + sig(Math.abs(value - center));
    }

    // "= 0.3612", or "> 0.9999" for a probability too close to 1 to show in four figures.
    function equals(p) {
      var text = prob(p);
      return text.charAt(0) === ">" ? text : "= " + text;
    }

    function describe() {
      var r = result();
      var x = obs();
      var text = "H\u2080: \u03bc = " + sig(mu0) + ", H\u2081: \u03bc = " + sig(mu1) + ", \u03c3 = " + sig(sd) +
        ", n = " + n() + ": x\u0304 has standard error \u03c3/\u221an = " + sig(r.se) + ". ";
      var level = "\u03b1 = " + sig(alpha());
      if (tail === "two") {
        text += "Two-sided test at " + level + ": reject H\u2080 when x\u0304 \u2264 " + sig(r.lower) + " or x\u0304 \u2265 " +
          sig(r.upper) + " (\u03bc\u2080 \u00b1 " + sig(r.zc) + "\u00b7\u03c3/\u221an). ";
      } else if (tail === "right") {
        text += "Right-tailed test at " + level + ": reject H\u2080 when x\u0304 \u2265 " + sig(r.upper) +
          " (\u03bc\u2080 + " + sig(r.zc) + "\u00b7\u03c3/\u221an). ";
      } else {
        text += "Left-tailed test at " + level + ": reject H\u2080 when x\u0304 \u2264 " + sig(r.lower) +
          " (\u03bc\u2080 \u2212 " + sig(r.zc) + "\u00b7\u03c3/\u221an). ";
      }
      var pText = tail === "two"
        ? "2\u00b7P(Z \u2265 " + sig(Math.abs(r.z)) + ")"
        : tail === "right" ? "P(Z \u2265 " + sig(r.z) + ")" : "P(Z \u2264 " + sig(r.z) + ")";
      text += "Observed x\u0304 = " + sig(x) + ": z = (x\u0304 \u2212 \u03bc\u2080)/(\u03c3/\u221an) = " + sig(r.z) +
        ", p-value = " + pText + " " + equals(r.p) + (r.reject
          ? " \u2264 \u03b1: reject H\u2080 (x\u0304 is in the rejection region). "
          : " > \u03b1: do not reject H\u2080. ");
      text += "If H\u2081 is true: \u03b2 = P(do not reject H\u2080) " + equals(r.beta) + ", power = 1 \u2212 \u03b2 " + equals(r.power) + ".";
      if (mu0 === mu1) {
        text += " H\u2081 says the same as H\u2080: the curves coincide and the power is just \u03b1 \u2014 no test can tell them apart.";
      } else if (r.power < alpha()) {
        text += " H\u2081 lies on the side this one-sided test does not look at: the power is below \u03b1.";
      }
      return text;
    }

    function rebox() {
      var b = box();
      view.reframe(b);
      view.box = b;
      hideDensityAxis();
    }

    // The heights of the curves are densities, not probabilities: the vertical axis's numbers
    // would only distract from the areas, so it is hidden.
    function hideDensityAxis() {
      board.objectsList.forEach(function (o) {
        if (o.elType === "axis" && Math.abs(o.point1.X() - o.point2.X()) < 1e-12) {
          o.setAttribute({ visible: false });
          if (o.defaultTicks) o.defaultTicks.setAttribute({ visible: false });
        }
      });
    }

    function stepSize() { return roundStep(se() / 5); }

    function moveMarker(dx) {
      var s = stepSize();
      var x = Math.round(obs() / s + dx) * s;
      marker.moveTo([Number(x.toPrecision(12)), 0]);
      var b = board.getBoundingBox();
      if (x < b[0] || x > b[2]) rebox();
      return "";
    }

    view = kit.create(canvas, {
      box: box(),
      extent: [],
      handles: [],
      keys: [
        { keys: ["ArrowLeft"], help: "the left and right arrows move the observed mean x\u0304",
          button: "x\u0304 \u2190", buttonLabel: "Move the observed mean left",
          run: function () { return moveMarker(-1); } },
        { keys: ["ArrowRight"], button: "x\u0304 \u2192", buttonLabel: "Move the observed mean right",
          run: function () { return moveMarker(1); } },
        { keys: ["ArrowUp"], help: "the up and down arrows change the sample size n",
          button: "n +", buttonLabel: "Larger sample size n",
          run: function () {
            if (ni >= sizes.length - 1) return "n = " + n() + " is the largest here.";
            ni += 1;
            rebox();
            return "n up to " + n() + ".";
          } },
        { keys: ["ArrowDown"], button: "n \u2212", buttonLabel: "Smaller sample size n",
          run: function () {
            if (ni <= 0) return "n = " + n() + " is the smallest here.";
            ni -= 1;
            rebox();
            return "n down to " + n() + ".";
          } },
        { keys: ["+", "="], help: "+ and \u2212 change the significance level \u03b1",
          button: "\u03b1 +", buttonLabel: "Larger significance level \u03b1",
          run: function () {
            if (ai >= alphas.length - 1) return "\u03b1 = " + sig(alpha()) + " is the largest here.";
            ai += 1;
            return "\u03b1 up to " + sig(alpha()) + ".";
          } },
        { keys: ["-", "_"], button: "\u03b1 \u2212", buttonLabel: "Smaller significance level \u03b1",
          run: function () {
            if (ai <= 0) return "\u03b1 = " + sig(alpha()) + " is the smallest here.";
            ai -= 1;
            return "\u03b1 down to " + sig(alpha()) + ".";
          } }
      ],
      build: function (b) {
        board = b;
        var r = function () { return result(); };
        var lower = function () { return r().lower; };
        var upper = function () { return r().upper; };
        // β: H₁ between the critical values (the acceptance region); α: H₀ in the rejection region.
        if (tail === "two") {
          area(mu1, lower, upper, { fillColor: C.blue, fillOpacity: 0.22 });
          area(mu0, nearInf, lower, { fillColor: C.orange, fillOpacity: 0.45 });
          area(mu0, upper, far, { fillColor: C.orange, fillOpacity: 0.45 });
        } else if (tail === "right") {
          area(mu1, nearInf, upper, { fillColor: C.blue, fillOpacity: 0.22 });
          area(mu0, upper, far, { fillColor: C.orange, fillOpacity: 0.45 });
        } else {
          area(mu1, lower, far, { fillColor: C.blue, fillOpacity: 0.22 });
          area(mu0, nearInf, lower, { fillColor: C.orange, fillOpacity: 0.45 });
        }
        // The p-value: H₀ as far out as x̄ (both sides for a two-sided test), hatched in green so
        // that it reads apart from the solid α and β.
        var dist = function () { return Math.abs(obs() - mu0); };
        var hatch = b.create("curve", [[], []], { strokeColor: C.green, strokeWidth: 1.5, fixed: true, highlight: false });
        hatch.updateDataArray = function () {
          var bb = b.getBoundingBox();
          var gap = 5 / b.unitX;
          var xs = [], ys = [];
          var spans = tail === "two" ? [[bb[0], mu0 - dist()], [mu0 + dist(), bb[2]]]
            : tail === "right" ? [[obs(), bb[2]]] : [[bb[0], obs()]];
          spans.forEach(function (span) {
            var from = Math.max(span[0], bb[0]), to = Math.min(span[1], bb[2]);
            for (var x = Math.ceil(from / gap) * gap; x <= to; x += gap) {
              xs.push(x, x, NaN);
              ys.push(0, pdf(mu0, x), NaN);
            }
            if (to > from) {  // the edge at x̄ itself, so that the area starts exactly there
              var edge = tail === "left" || (tail === "two" && span[0] === bb[0]) ? to : from;
              xs.push(edge, edge, NaN);
              ys.push(0, pdf(mu0, edge), NaN);
            }
          });
          this.dataX = xs;
          this.dataY = ys;
        };
        // The two curves, drawn over the areas.
        [[mu0, C.grey], [mu1, C.blue]].forEach(function (m) {
          var c = b.create("curve", [[], []], { strokeColor: m[1], strokeWidth: 2.5, fixed: true, highlight: false });
          c.updateDataArray = function () {
            var bb = b.getBoundingBox();
            this.dataX = [];
            this.dataY = [];
            for (var i = 0; i <= 300; i++) {
              var x = bb[0] + (bb[2] - bb[0]) * i / 300;
              this.dataX.push(x);
              this.dataY.push(pdf(m[0], x));
            }
          };
        });
        // The critical values, dashed.
        var edges = tail === "two" ? [lower, upper] : tail === "right" ? [upper] : [lower];
        edges.forEach(function (edge) {
          b.create("segment", [[edge, 0], [edge, function () { return b.getBoundingBox()[1] * 0.8; }]], {
            strokeColor: C.orange, strokeWidth: 1.5, dash: 2, fixed: true, highlight: false
          });
        });
        var peak = function () { return 1 / (se() * Math.sqrt(2 * Math.PI)); };
        var apart = Math.abs(mu1 - mu0);
        kit.text(b, mu0, function () { return peak() * 1.02; }, "H\u2080", "#495057", false).setAttribute({ fontSize: 13 });
        kit.text(b, mu1, function () { return peak() * (apart < 1.5 * se() ? 1.14 : 1.02); }, "H\u2081", C.blue, false)
          .setAttribute({ fontSize: 13 });
        // A key to the areas (words and patterns as well as colours).
        var span = function (color, words) { return "<span style=\"color:" + color + "\">" + words + "</span>"; };
        b.create("text", [function () { return b.getBoundingBox()[0]; }, function () { return b.getBoundingBox()[1]; },
          "&nbsp;" + span(C.orange, "\u25a0 \u03b1 (reject H\u2080)") + " &nbsp;" + span(C.blue, "\u25a0 \u03b2") +
          " &nbsp;" + span(C.green, "||| p-value")], {
          fixed: true, highlight: false, fontSize: 12, anchorX: "left", anchorY: "top",
          cssClass: "figure-label", highlightCssClass: "figure-label"
        });
        hideDensityAxis();
        // The observed mean: a point on the axis that the mouse or a finger drags.
        marker = b.create("point", [start, 0], {
          name: "x\u0304", size: 6, fillColor: C.green, strokeColor: "#000", strokeWidth: 1.5,
          highlightFillColor: C.green, highlightStrokeColor: "#000", showInfobox: false,
          label: { offset: [6, 14], fontSize: 15, strokeColor: C.green, cssClass: "figure-label", highlightCssClass: "figure-label" }
        });
        marker.on("drag", function () {
          var s = stepSize();
          var bb = b.getBoundingBox();
          var x = Math.min(Math.max(marker.X(), bb[0]), bb[2]);
          marker.setPositionDirectly(window.JXG.COORDS_BY_USER, [Number((Math.round(x / s) * s).toPrecision(12)), 0]);
          if (view) view.refresh();
        });
        marker.on("down", function () {
          var figure = canvas.closest("figure");
          if (figure && document.activeElement !== figure) figure.focus({ preventScroll: true });
        });
        marker.on("up", function () { if (view) view.refresh(); });
      },
      describe: describe
    });
    view.box = box();
  };

  window.mlmathFigures["hypothesis-test"].test = test;
})();
