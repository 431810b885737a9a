// Probability as area: the density of one distribution (normal, uniform, exponential, Student
// t, chi-square) or the bars of its probability mass function (binomial, Poisson), with a
// shaded interval whose ends a and b the learner moves. The readout gives the probability of
// the shaded event — the area under the density, or the sum of the shaded bars — to four
// decimals. Params: family and its parameters (normal: mean, sd; uniform: low, high;
// exponential: rate; t and chi-square: df; binomial: n, p; poisson: mean), the ends a and/or
// b, and optional shade ("between" a and b, the default; "below" b; "above" a; "outside" —
// both tails), step (how far one key press moves an end) and domain [from, to] (the x shown).
//
// The probabilities come from standard accurate methods: the regularized incomplete gamma
// function (normal via erfc, chi-square) and incomplete beta function (Student t), each by its
// series or continued fraction (Lentz), with a Lanczos log-gamma; discrete ones are exact sums.
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  var MINUS = "\u2212";
  var TINY = 1e-300;
  var EPS = 1e-16;

  // --- special functions ------------------------------------------------------------------

  var LANCZOS = [0.99999999999980993, 676.5203681218851, -1259.1392167224028,
    771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
    9.9843695780195716e-6, 1.5056327351493116e-7];

  // ln Γ(x) for x > 0 (Lanczos, g = 7: about 15 significant digits).
  function lgamma(x) {
    if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
    x -= 1;
    var sum = LANCZOS[0];
    var t = x + 7.5;
    for (var i = 1; i < 9; i++) sum += LANCZOS[i] / (x + i);
    return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  // Regularized incomplete gamma functions P(s, x) and Q(s, x) = 1 − P(s, x), x ≥ 0.
  function gammaPQ(s, x) {
    if (x <= 0) return [0, 1];
    var front = Math.exp(-x + s * Math.log(x) - lgamma(s));
    if (x < s + 1) {
      var term = 1 / s;
      var sum = term;
      for (var n = 1; n < 10000; n++) {
        term *= x / (s + n);
        sum += term;
        if (Math.abs(term) < Math.abs(sum) * EPS) break;
      }
      var p = sum * front;
      return [p, 1 - p];
    }
    // Continued fraction for Q (modified Lentz).
    var b = x + 1 - s;
    var c = 1 / TINY;
    var d = 1 / b;
    var h = d;
    for (var i = 1; i < 10000; i++) {
      var an = -i * (i - s);
      b += 2;
      d = an * d + b;
      if (Math.abs(d) < TINY) d = TINY;
      c = b + an / c;
      if (Math.abs(c) < TINY) c = TINY;
      d = 1 / d;
      var delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPS) break;
    }
    var q = front * h;
    return [1 - q, q];
  }

  // Continued fraction of the incomplete beta function (modified Lentz).
  function betaFraction(a, b, x) {
    var qab = a + b;
    var qap = a + 1;
    var qam = a - 1;
    var c = 1;
    var d = 1 - qab * x / qap;
    if (Math.abs(d) < TINY) d = TINY;
    d = 1 / d;
    var h = d;
    for (var m = 1; m < 10000; m++) {
      var m2 = 2 * m;
      var aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) d = TINY;
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) c = TINY;
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      if (Math.abs(d) < TINY) d = TINY;
      c = 1 + aa / c;
      if (Math.abs(c) < TINY) c = TINY;
      d = 1 / d;
      var delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPS) break;
    }
    return h;
  }

  // Regularized incomplete beta function I_x(a, b).
  function betaI(a, b, x) {
    if (x <= 0) return 0;
    if (x >= 1) return 1;
    var front = Math.exp(lgamma(a + b) - lgamma(a) - lgamma(b) + a * Math.log(x) + b * Math.log(1 - x));
    if (x < (a + 1) / (a + b + 2)) return front * betaFraction(a, b, x) / a;
    return 1 - front * betaFraction(b, a, 1 - x) / b;
  }

  // Φ(z) and 1 − Φ(z), each computed directly (erfc(t) = Q(1/2, t²)).
  function normalTails(z) {
    var q = 0.5 * gammaPQ(0.5, z * z / 2)[1];
    return z < 0 ? [q, 1 - q] : [1 - q, q];
  }

  // --- the families --------------------------------------------------------------------------

  function sup(k) { return k === 2 ? "\u00b2" : "^" + k; }

  // Each family: name, discrete?, density or mass, [P(X ≤ x), P(X ≥ x)] (continuous), the
  // values shown and how far one key press goes.
  function family(params, dec) {
    var f = params.family;
    if (f === "normal") {
      var mu = params.mean, sd = params.sd;
      return {
        name: "N(" + dec(mu) + ", " + dec(sd) + sup(2) + ")",
        density: function (x) { var z = (x - mu) / sd; return Math.exp(-z * z / 2) / (sd * Math.sqrt(2 * Math.PI)); },
        tails: function (x) { return normalTails((x - mu) / sd); },
        range: [mu - 4 * sd, mu + 4 * sd],
        peak: 1 / (sd * Math.sqrt(2 * Math.PI)),
        scale: sd,
        z: function (x) { return (x - mu) / sd; }
      };
    }
    if (f === "uniform") {
      var lo = params.low, hi = params.high, w = hi - lo;
      return {
        name: "U(" + dec(lo) + ", " + dec(hi) + ")",
        density: function (x) { return x >= lo && x <= hi ? 1 / w : 0; },
        tails: function (x) {
          var below = Math.min(Math.max((x - lo) / w, 0), 1);
          return [below, 1 - below];
        },
        range: [lo - w / 4, hi + w / 4],
        peak: 1 / w,
        scale: w / 4,
        sharp: [lo, hi]
      };
    }
    if (f === "exponential") {
      var rate = params.rate;
      return {
        name: "Exponential(\u03bb = " + dec(rate) + ")",
        density: function (x) { return x < 0 ? 0 : rate * Math.exp(-rate * x); },
        tails: function (x) {
          if (x <= 0) return [0, 1];
          var above = Math.exp(-rate * x);
          return [-Math.expm1(-rate * x), above];
        },
        range: [-0.5 / rate, 6 / rate],
        peak: rate,
        scale: 1 / rate,
        sharp: [0]
      };
    }
    if (f === "t") {
      var nu = params.df;
      var c = Math.exp(lgamma((nu + 1) / 2) - lgamma(nu / 2)) / Math.sqrt(nu * Math.PI);
      var spread = nu <= 2 ? 6 : 5;
      return {
        name: "t with " + dec(nu) + " degree" + (nu === 1 ? "" : "s") + " of freedom",
        density: function (x) { return c * Math.pow(1 + x * x / nu, -(nu + 1) / 2); },
        tails: function (x) {
          var tail = 0.5 * betaI(nu / 2, 0.5, nu / (nu + x * x));
          return x < 0 ? [tail, 1 - tail] : [1 - tail, tail];
        },
        range: [-spread, spread],
        peak: c,
        scale: 1
      };
    }
    if (f === "chi-square") {
      var k = params.df;
      var half = k / 2;
      var logc = -half * Math.log(2) - lgamma(half);
      var density = function (x) {
        if (x < 0) return 0;
        if (x === 0) return k === 2 ? 0.5 : k < 2 ? Infinity : 0;
        return Math.exp(logc + (half - 1) * Math.log(x) - x / 2);
      };
      var top = k + 5 * Math.sqrt(2 * k);
      var mode = Math.max(k - 2, 0);
      return {
        name: "\u03c7\u00b2 with " + dec(k) + " degree" + (k === 1 ? "" : "s") + " of freedom",
        density: density,
        tails: function (x) { return gammaPQ(half, Math.max(x, 0) / 2); },
        range: [-top / 30, Math.max(top, 8)],
        peak: k <= 2 ? density(k === 1 ? 0.25 : 0) : density(mode),
        scale: Math.max(Math.sqrt(2 * k), 1),
        sharp: [0]
      };
    }
    if (f === "binomial") {
      var n = params.n, p = params.p;
      var lnC = lgamma(n + 1);
      return {
        name: "Binomial(n = " + n + ", p = " + dec(p) + ")",
        discrete: true,
        mass: function (j) {
          if (j < 0 || j > n || j !== Math.round(j)) return 0;
          if (p === 0) return j === 0 ? 1 : 0;
          if (p === 1) return j === n ? 1 : 0;
          return Math.exp(lnC - lgamma(j + 1) - lgamma(n - j + 1) + j * Math.log(p) + (n - j) * Math.log(1 - p));
        },
        last: n,
        range: [-1, n + 1]
      };
    }
    if (f === "poisson") {
      var lam = params.mean;
      var last = Math.ceil(lam + 12 * Math.sqrt(lam) + 20);
      return {
        name: "Poisson(\u03bb = " + dec(lam) + ")",
        discrete: true,
        mass: function (j) {
          if (j < 0 || j !== Math.round(j)) return 0;
          return Math.exp(j * Math.log(lam) - lam - lgamma(j + 1));
        },
        last: last,
        shownLast: Math.ceil(lam + 4 * Math.sqrt(lam) + 2),
        range: [-1, Math.ceil(lam + 4 * Math.sqrt(lam) + 3)]
      };
    }
    throw new Error("unknown distribution family " + f);
  }

  // A probability to four decimals, never rounded to a certainty it is not.
  function probability(p) {
    p = Math.min(Math.max(p, 0), 1);
    if (p === 0) return "0";
    if (p === 1) return "1";
    var text = p.toFixed(4);
    if (text === "0.0000") return "< 0.0001";
    if (text === "1.0000") return "> 0.9999";
    return text;
  }

  function niceStep(scale) {
    var steps = [0.01, 0.02, 0.05, 0.1, 0.2, 0.25, 0.5, 1, 2, 5, 10];
    var wanted = scale / 10;
    for (var i = steps.length - 1; i >= 0; i--) if (steps[i] <= wanted * 1.0001) return steps[i];
    return steps[0];
  }

  window.mlmathFigures.distribution = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var dec = kit.dec;
    var D = family(params, dec);
    var shade = params.shade || "between";
    var step = D.discrete ? 1 : (params.step || niceStep(D.scale));
    var range = params.domain || D.range;
    if (!params.domain) {
      // Room for ends given outside the usual view (a far tail), a little beyond them.
      var margin = D.discrete ? 1 : 3 * step;
      ["a", "b"].forEach(function (name) {
        if (typeof params[name] !== "number") return;
        range = [Math.min(range[0], params[name] - margin), Math.max(range[1], params[name] + margin)];
      });
    }
    var lo = range[0], hi = range[1];

    // --- the board ---------------------------------------------------------------------------
    var top;
    if (D.discrete) {
      top = 0;
      for (var j = 0; j <= (D.shownLast || D.last); j++) top = Math.max(top, D.mass(j));
    } else {
      top = D.peak;
      if (!isFinite(top)) top = D.density(lo + (hi - lo) / 40);
    }
    var box = [lo, top * 1.25, hi, -top * 0.14];
    var ceiling = top * 1.24;  // a density that shoots up (χ² with 1 degree) is cut at the top
    function height(x) {
      var y = D.discrete ? D.mass(x) : D.density(x);
      return isFinite(y) ? Math.min(y, ceiling) : ceiling;
    }

    // The x values a continuous curve is drawn through: an even grid plus the corners.
    function grid(from, to) {
      var xs = [];
      var n = 240;
      for (var i = 0; i <= n; i++) xs.push(from + (to - from) * i / n);
      (D.sharp || []).forEach(function (s) {
        if (s > from && s < to) xs.push(s - 1e-9 * (hi - lo), s + 1e-9 * (hi - lo));
      });
      return xs.sort(function (u, v) { return u - v; });
    }

    // Bars k = first … last as one outline along the axis (a single path fills cleanly).
    function bars(first, last, dataX, dataY) {
      for (var k = first; k <= last; k++) {
        var y = height(k);
        dataX.push(k - 0.4, k - 0.4, k + 0.4, k + 0.4);
        dataY.push(0, y, y, 0);
      }
    }

    // The region over [from, to]: under the curve, or the bars of the whole numbers in it.
    function region(board, from, to) {
      var curve = board.create("curve", [[], []], {
        strokeColor: C.blue, strokeWidth: 1, fillColor: C.blue, fillOpacity: D.discrete ? 0.75 : 0.35,
        fixed: true, highlight: false
      });
      curve.updateDataArray = function () {
        var a = Math.max(from(), lo);
        var b = Math.min(to(), hi);
        this.dataX = [];
        this.dataY = [];
        if (D.discrete) {
          bars(Math.max(Math.ceil(a - 1e-9), 0), Math.min(Math.floor(b + 1e-9), D.last), this.dataX, this.dataY);
          return;
        }
        if (b <= a) return;
        var xs = grid(a, b);
        this.dataX = [a].concat(xs, [b]);
        this.dataY = [0].concat(xs.map(height), [0]);
      };
      return curve;
    }

    // --- the ends ------------------------------------------------------------------------------
    var names = shade === "below" ? ["b"] : shade === "above" ? ["a"] : ["a", "b"];
    var starts = names.map(function (name) { return params[name]; });
    var onAxis = function () { return 0; };
    var handles = names.map(function (name, i) {
      return {
        label: name, at: [starts[i], 0], color: i === 0 && name === "a" ? C.blue : C.orange,
        along: onAxis, path: "along the axis", labelOffset: [7, 12]
      };
    });
    var ends;

    function end(name) {
      var i = names.indexOf(name);
      return i < 0 ? NaN : ends[i].X();
    }

    // P(X ≤ x) and P(X ≥ x); for a count, exact sums of the bars.
    function cumulative(x) {
      if (!D.discrete) return D.tails(x);
      var below = 0;
      for (var k = 0; k <= Math.min(Math.floor(x + 1e-9), D.last); k++) below += D.mass(k);
      var atOrAbove = 0;
      for (var m = Math.max(Math.ceil(x - 1e-9), 0); m <= D.last; m++) atOrAbove += D.mass(m);
      return [Math.min(below, 1), Math.min(atOrAbove, 1)];
    }

    function between(a, b) {
      if (b < a) return 0;
      if (D.discrete) {
        var sum = 0;
        for (var k = Math.max(Math.ceil(a - 1e-9), 0); k <= Math.min(Math.floor(b + 1e-9), D.last); k++) sum += D.mass(k);
        return sum;
      }
      // The smaller of the two differences of tails loses the fewest digits.
      var ta = D.tails(a), tb = D.tails(b);
      return a >= 0 || b > 0 && -a < b ? ta[1] - tb[1] : tb[0] - ta[0];
    }

    function standardUnits(xs) {
      if (!D.z) return "";
      var zs = xs.map(function (x) { return dec(D.z(x)); });
      return zs.length === 1
        ? " In standard units that is z = " + zs[0] + "."
        : " In standard units, z from " + zs[0] + " to " + zs[1] + ".";
    }

    function bar(k) { return "P(X = " + dec(k) + ")"; }

    function describe() {
      var area = D.discrete ? "the sum of the shaded bars" : "the shaded area under the density";
      var text, p;
      if (shade === "below") {
        var b = end("b");
        p = cumulative(b)[0];
        text = "P(X \u2264 " + dec(b) + ") = " + probability(p) + " for X ~ " + D.name + ": " + area;
        if (D.discrete && Math.floor(b + 1e-9) >= 1) text += ", " + bar(0) + " + \u2026 + " + bar(Math.floor(b + 1e-9));
        return text + "." + standardUnits([b]);
      }
      if (shade === "above") {
        var a = end("a");
        p = cumulative(a)[1];
        text = "P(X \u2265 " + dec(a) + ") = " + probability(p) + " for X ~ " + D.name + ": " + area +
          ", 1 \u2212 P(X " + (D.discrete ? "\u2264 " + dec(Math.ceil(a - 1e-9) - 1) : "< " + dec(a)) + ").";
        return text + standardUnits([a]);
      }
      var x = end("a"), y = end("b");
      var first = Math.min(x, y), second = Math.max(x, y);
      var swapped = y < x ? " (b is left of a: the ends are read in order)" : "";
      if (shade === "outside") {
        var left = cumulative(first)[0], right = cumulative(second)[1];
        if (first === second && !D.discrete) right = 1 - left;
        p = left + right;
        text = "P(X \u2264 " + dec(first) + ") + P(X \u2265 " + dec(second) + ") = " + probability(left) +
          " + " + probability(right) + " = " + probability(p) + " for X ~ " + D.name + ": " + area +
          " in the two tails" + swapped + ".";
        if (D.discrete && first >= second) text += " The tails overlap: the bars between count twice.";
        return text + standardUnits([first, second]);
      }
      p = between(first, second);
      if (D.discrete && first === second) {
        return bar(first) + " = " + probability(p) + " for X ~ " + D.name + ": one bar" + swapped + ".";
      }
      text = "P(" + dec(first) + " \u2264 X \u2264 " + dec(second) + ") = " + probability(p) + " for X ~ " +
        D.name + ": " + area + swapped;
      if (D.discrete) {
        var k0 = Math.max(Math.ceil(first - 1e-9), 0), k1 = Math.min(Math.floor(second + 1e-9), D.last);
        if (k1 > k0) text += ", " + bar(k0) + (k1 > k0 + 1 ? " + \u2026 + " : " + ") + bar(k1);
      } else if (first === second) {
        text += ": a single point has no width, so no area";
      }
      return text + "." + standardUnits([first, second]);
    }

    kit.create(canvas, {
      step: step,
      box: box,
      extent: [],
      handles: handles,
      selected: 0,
      build: function (board, h) {
        ends = h;
        var all = board.create("curve", [[], []], {
          strokeColor: D.discrete ? C.grey : C.grey, strokeWidth: D.discrete ? 1 : 2.5,
          fillColor: D.discrete ? C.faint : "none", fillOpacity: D.discrete ? 0.35 : 0,
          fixed: true, highlight: false
        });
        all.updateDataArray = function () {
          this.dataX = [];
          this.dataY = [];
          if (D.discrete) {
            bars(0, Math.min(D.last, Math.floor(hi)), this.dataX, this.dataY);
          } else {
            var xs = grid(lo, hi);
            this.dataX = xs;
            this.dataY = xs.map(height);
          }
        };
        var edge = { a: function () { return end("a"); }, b: function () { return end("b"); } };
        var least = function () { return Math.min(end("a"), end("b")); };
        var most = function () { return Math.max(end("a"), end("b")); };
        if (shade === "below") region(board, function () { return lo; }, edge.b);
        else if (shade === "above") region(board, edge.a, function () { return hi; });
        else if (shade === "outside") {
          region(board, function () { return lo; }, least);
          region(board, most, function () { return hi; });
        } else region(board, least, most);
        all.updateDataArray();
      },
      describe: describe
    });
  };

  // For tests and the curious: the numbers behind the readout.
  window.mlmathFigures.distribution.special = { lgamma: lgamma, gammaPQ: gammaPQ, betaI: betaI, normalTails: normalTails };
  window.mlmathFigures.distribution.family = family;
})();
