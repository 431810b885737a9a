// The central limit theorem: the exact distribution of the mean X̄ of n draws from a population
// (a fair or loaded die, 0/1 draws, a uniform or an exponential variable) beside the normal
// curve N(μ, σ²/n) it approaches. The learner changes n by keys or buttons; the readout gives n,
// the mean μ and standard error σ/√n of X̄, and the largest gap between the exact cumulative
// probabilities P(X̄ ≤ x) and the normal curve's (the Kolmogorov distance), to four decimals.
// Params: population ("die", "bernoulli", "uniform", "exponential") and its parameters (die:
// weights, the chances of faces 1, 2, … — a fair six-sided die without them; bernoulli: p;
// uniform: low and high, 0 and 1 unless given; exponential: rate, 1 unless given), and n, the
// first number of draws (1 unless given).
//
// Every distribution is exact: for a die or 0/1 draws, the sum of n draws by repeated
// convolution; for the uniform, the Irwin–Hall distribution of a sum of uniforms (the cardinal
// B-spline, by its recurrence of positive terms); for the exponential, the mean of n draws is
// Gamma(n, nλ), through the incomplete gamma function of the distribution figure's script.
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  var DRAWS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 30, 40, 50];
  var ROOT_2PI = Math.sqrt(2 * Math.PI);

  function special() { return window.mlmathFigures.distribution.special; }

  // Φ(z), accurate in both tails.
  function normalCdf(z) { return special().normalTails(z)[0]; }

  // The distribution of a sum of n independent draws from a mass function on 0, 1, …, k − 1.
  function convolvePower(mass, n) {
    var sum = [1];
    for (var draw = 0; draw < n; draw++) {
      var next = new Array(sum.length + mass.length - 1).fill(0);
      for (var i = 0; i < sum.length; i++) {
        if (!sum[i]) continue;
        for (var j = 0; j < mass.length; j++) next[i + j] += sum[i] * mass[j];
      }
      sum = next;
    }
    return sum;
  }

  // The cardinal B-splines M_1 … M_top at t − m for m = first … ⌊t⌋ (M_k is the density of a sum
  // of k uniforms on [0, 1]): M_k(y) = (y M_{k−1}(y) + (k − y) M_{k−1}(y − 1)) / (k − 1).
  function bSplines(t, top) {
    var last = Math.floor(t);
    var first = last - top;
    var row = [];
    for (var m = first; m <= last + 1; m++) row.push(t - m >= 0 && t - m < 1 ? 1 : 0);
    var rows = [null, row];
    for (var k = 2; k <= top; k++) {
      var prev = rows[k - 1];
      var cur = [];
      for (var i = 0; i < prev.length; i++) {
        var y = t - (first + i);
        var right = i + 1 < prev.length ? prev[i + 1] : 0;
        cur.push((y * prev[i] + (k - y) * right) / (k - 1));
      }
      rows.push(cur);
    }
    return { rows: rows, first: first };
  }

  // Irwin–Hall, the sum of n uniforms on [0, 1]: [density, P(sum ≤ t)].
  function irwinHall(n, t) {
    if (t <= 0) return [0, 0];
    if (t >= n) return [0, 1];
    var table = bSplines(t, n + 1);
    var density = table.rows[n][0 - table.first];
    // P(sum ≤ t) = Σ_{j ≥ 0} M_{n+1}(t − j): positive terms, no cancellation.
    var below = 0;
    var top = table.rows[n + 1];
    for (var j = 0; j <= Math.floor(t); j++) below += top[j - table.first];
    return [density, Math.min(below, 1)];
  }

  // The population: its name, mean and variance, and the exact law of the mean of n draws.
  function population(params, dec) {
    var kind = params.population;
    if (kind === "die" || kind === "bernoulli") {
      var weights = kind === "bernoulli" ? [1 - params.p, params.p] : params.weights || [1, 1, 1, 1, 1, 1];
      var total = weights.reduce(function (a, b) { return a + b; }, 0);
      var mass = weights.map(function (w) { return w / total; });
      var start = kind === "bernoulli" ? 0 : 1;  // the value of the first face
      var mu = 0, second = 0;
      mass.forEach(function (q, i) { mu += q * (start + i); second += q * (start + i) * (start + i); });
      var fair = !params.weights;
      return {
        what: kind === "bernoulli"
          ? ["0/1 draw", "0/1 draws"].map(function (w) { return w + " with P(1) = " + dec(params.p); })
          : fair ? ["throw of a fair die", "throws of a fair die"] : ["throw of a loaded die", "throws of a loaded die"],
        mean: mu,
        variance: Math.max(second - mu * mu, 0),
        discrete: true,
        range: [start - 0.8, start + mass.length - 0.2],
        // The mean of n draws takes the values (n·start + s)/n, s = 0 … n(k − 1).
        law: function (n) {
          var sums = convolvePower(mass, n);
          return { atoms: sums.map(function (q, s) { return { x: start + s / n, p: q }; }), width: 1 / n };
        }
      };
    }
    if (kind === "uniform") {
      var lo = params.low === undefined ? 0 : params.low;
      var hi = params.high === undefined ? 1 : params.high;
      var w = hi - lo;
      return {
        what: ["draw from U(" + dec(lo) + ", " + dec(hi) + ")", "draws from U(" + dec(lo) + ", " + dec(hi) + ")"],
        mean: (lo + hi) / 2,
        variance: w * w / 12,
        range: [lo - 0.15 * w, hi + 0.15 * w],
        support: [lo, hi],
        law: function (n) {
          // X̄ = lo + w·S/n with S Irwin–Hall: density n/w · f_S, P(X̄ ≤ x) = P(S ≤ n(x − lo)/w).
          return {
            density: function (x) { return n / w * irwinHall(n, n * (x - lo) / w)[0]; },
            cdf: function (x) { return irwinHall(n, n * (x - lo) / w)[1]; }
          };
        }
      };
    }
    var rate = params.rate === undefined ? 1 : params.rate;
    return {
      what: ["waiting time, Exponential(\u03bb = " + dec(rate) + ")", "waiting times, Exponential(\u03bb = " + dec(rate) + ")"],
      mean: 1 / rate,
      variance: 1 / (rate * rate),
      range: [-0.3 / rate, 3.5 / rate],
      support: [0, Infinity],
      law: function (n) {
        // The mean of n exponential draws is Gamma(shape n, rate nλ).
        var r = n * rate;
        var logc = n * Math.log(r) - special().lgamma(n);
        return {
          density: function (x) { return x <= 0 ? (n === 1 ? r : 0) : Math.exp(logc + (n - 1) * Math.log(x) - r * x); },
          cdf: function (x) { return x <= 0 ? 0 : special().gammaPQ(n, r * x)[0]; }
        };
      }
    };
  }

  // The largest |P(X̄ ≤ x) − Φ((x − μ)/SE)| over all x.
  function gap(P, law, se) {
    var mu = P.mean;
    function phi(x) { return normalCdf((x - mu) / se); }
    var most = 0;
    if (P.discrete) {
      // A step function against a rising curve: the gap is largest at a jump, on one side of it.
      var below = 0;
      law.atoms.forEach(function (a) {
        var at = phi(a.x);
        var before = below;
        below = Math.min(below + a.p, 1);
        most = Math.max(most, Math.abs(before - at), Math.abs(below - at));
      });
      return most;
    }
    // Continuous: a fine grid over the support (near the mean), then the best cell refined.
    function diff(x) { return Math.abs(law.cdf(x) - phi(x)); }
    var from = Math.max(P.support[0], mu - 12 * se);
    var to = Math.min(P.support[1], mu + 12 * se);
    var cells = 600;
    var h = (to - from) / cells;
    var best = from, bestValue = diff(from);
    for (var i = 1; i <= cells; i++) {
      var x = from + i * h;
      var value = diff(x);
      if (value > bestValue) { best = x; bestValue = value; }
    }
    // Golden-section search for the maximum within a cell either side.
    var a = Math.max(from, best - h), b = Math.min(to, best + h);
    var g = (Math.sqrt(5) - 1) / 2;
    var c = b - g * (b - a), d = a + g * (b - a);
    var fc = diff(c), fd = diff(d);
    for (var step = 0; step < 60; step++) {
      if (fc > fd) { b = d; d = c; fd = fc; c = b - g * (b - a); fc = diff(c); }
      else { a = c; c = d; fc = fd; d = a + g * (b - a); fd = diff(d); }
    }
    return Math.max(bestValue, fc, fd);
  }

  function nextDraws(n, up) {
    if (up) {
      for (var i = 0; i < DRAWS.length; i++) if (DRAWS[i] > n) return DRAWS[i];
      return n;
    }
    for (var j = DRAWS.length - 1; j >= 0; j--) if (DRAWS[j] < n) return DRAWS[j];
    return n;
  }

  window.mlmathFigures["sampling-distribution"] = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var dec = kit.dec;
    var P = population(params, dec);
    var sigma = Math.sqrt(P.variance);
    var n = params.n || 1;
    var law, se;
    var lo = P.range[0], hi = P.range[1];
    var view;

    function normalDensity(x) { var z = (x - P.mean) / se; return Math.exp(-z * z / 2) / (se * ROOT_2PI); }

    function curveXs() {
      var xs = [];
      for (var i = 0; i <= 300; i++) xs.push(lo + (hi - lo) * i / 300);
      (P.support || []).forEach(function (s) {
        if (s > lo && s < hi) xs.push(s - 1e-9 * (hi - lo), s + 1e-9 * (hi - lo));
      });
      return xs.sort(function (u, v) { return u - v; });
    }

    // The highest point drawn: the bars' or the exact density's, or the normal curve's.
    function top() {
      var most = 1 / (se * ROOT_2PI);
      if (P.discrete) law.atoms.forEach(function (a) { most = Math.max(most, a.p / law.width); });
      else curveXs().forEach(function (x) { most = Math.max(most, law.density(x)); });
      return most;
    }

    function box() {
      var t = top();
      return [lo, t * 1.2, hi, -t * 0.1];
    }

    function setDraws(m) {
      n = m;
      law = P.law(n);
      se = sigma / Math.sqrt(n);
    }
    setDraws(n);

    function describe() {
      var what = P.what[n === 1 ? 0 : 1];
      return "n = " + n + " " + what + ": the sample mean X\u0304 has mean \u03bc = " + dec(P.mean) +
        " and standard error \u03c3/\u221an = " + dec(sigma) + "/\u221a" + n + " = " + dec(se) + ". " +
        "Its exact distribution (" + (P.discrete ? "bars" : "blue curve") + ") against the normal curve N(" +
        dec(P.mean) + ", " + dec(se) + "\u00b2) (dashed): the probabilities P(X\u0304 \u2264 x) differ by at most " +
        gap(P, law, se).toFixed(4) + ".";
    }

    function change(up) {
      var m = nextDraws(n, up);
      if (m === n) return up ? "n is " + n + ", the most this figure draws." : "n is 1, the fewest draws.";
      setDraws(m);
      view.reframe(box());
      return "";
    }

    view = kit.create(canvas, {
      box: box(),
      extent: [],
      handles: [],
      keys: [
        { keys: ["ArrowLeft", "ArrowDown", "-"], help: "the left or down arrow (or \u2212) takes fewer draws",
          button: "n \u2212", buttonLabel: "Fewer draws: a smaller n", run: function () { return change(false); } },
        { keys: ["ArrowRight", "ArrowUp", "+", "="], help: "the right or up arrow (or +) more",
          button: "n +", buttonLabel: "More draws: a larger n", run: function () { return change(true); } }
      ],
      build: function (board) {
        var exact = board.create("curve", [[], []], {
          strokeColor: C.blue, strokeWidth: P.discrete ? 1 : 2.5, fillColor: C.blue,
          fillOpacity: P.discrete ? 0.35 : 0.2, fixed: true, highlight: false
        });
        exact.updateDataArray = function () {
          var dataX = [], dataY = [];
          if (P.discrete) {
            // Bars of height P(X̄ = x)/width: areas are probabilities, as under the normal curve.
            law.atoms.forEach(function (a) {
              var h = a.p / law.width;
              dataX.push(a.x - law.width / 2, a.x - law.width / 2, a.x + law.width / 2, a.x + law.width / 2);
              dataY.push(0, h, h, 0);
            });
          } else {
            var xs = curveXs();
            dataX = [lo].concat(xs, [hi]);
            dataY = [0].concat(xs.map(function (x) { return law.density(x); }), [0]);
          }
          this.dataX = dataX;
          this.dataY = dataY;
        };
        var normal = board.create("curve", [[], []], {
          strokeColor: C.orange, strokeWidth: 2.5, dash: 2, fixed: true, highlight: false
        });
        normal.updateDataArray = function () {
          var xs = curveXs();
          this.dataX = xs;
          this.dataY = xs.map(normalDensity);
        };
        // μ, where both are centred.
        board.create("line", [[P.mean, 0], [P.mean, 1]], {
          straightFirst: false, straightLast: true, strokeColor: C.grey, strokeWidth: 1, dash: 1,
          fixed: true, highlight: false
        });
      },
      describe: describe
    });
  };

  window.mlmathFigures["sampling-distribution"].exact = { convolvePower: convolvePower, irwinHall: irwinHall, population: population };
})();
