// Confidence intervals as nets thrown at a fixed target: many samples of n values from N(μ, σ²),
// each with its interval for the mean at a chosen level, stacked one above another, with the
// true mean μ as a vertical line. Intervals that miss μ are drawn dashed, in orange, with a
// cross at their centre (not by colour alone). The learner changes the level (80, 90, 95,
// 99 %) and draws new samples by keys or buttons; the readout gives the critical value used
// (z* when σ is known, t* with n − 1 degrees of freedom when s estimates it) and how many
// intervals cover μ. Params: mean, sd, n (each sample's size), seed; optional samples (how
// many, 20 unless given), level (95 unless given) and method ("t", the default, or "z").
//
// The samples are reproducible: mulberry32 (a 32-bit generator: add 0x6D2B79F5 to the state,
// then two multiply–xor–shift rounds; the output divided by 2³²) seeded with seed, and each
// normal value by Box–Muller from two uniforms u₁, u₂: μ + σ·√(−2 ln(1 − u₁))·cos(2π u₂).
// Sample k of batch b takes the next n normal values of the one stream; new samples continue it.
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  var LEVELS = [80, 90, 95, 99];

  function mulberry32(seed) {
    var a = seed >>> 0;
    return function () {
      a = (a + 0x6D2B79F5) >>> 0;
      var t = Math.imul(a ^ (a >>> 15), 1 | a);
      t = ((t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t) >>> 0;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  function normalValue(next, mean, sd) {
    var u1 = next(), u2 = next();
    return mean + sd * Math.sqrt(-2 * Math.log(1 - u1)) * Math.cos(2 * Math.PI * u2);
  }

  function special() { return window.mlmathFigures.distribution.special; }

  // The x with P(X ≥ x) = tail for the standard normal (z) or t with df degrees of freedom,
  // by bisection on the upper tail (60 halvings: far below the digits shown).
  function critical(tail, df) {
    var upper = df
      ? function (x) { return 0.5 * special().betaI(df / 2, 0.5, df / (df + x * x)); }
      : function (x) { return special().normalTails(x)[1]; };
    var lo = 0, hi = 1;
    while (upper(hi) > tail) hi *= 2;
    for (var i = 0; i < 200 && hi - lo > 1e-13; i++) {
      var mid = (lo + hi) / 2;
      if (upper(mid) > tail) lo = mid; else hi = mid;
    }
    return (lo + hi) / 2;
  }

  window.mlmathFigures["confidence-intervals"] = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var dec = kit.dec;
    var mu = params.mean, sigma = params.sd, n = params.n;
    var count = params.samples || 20;
    var method = params.method || "t";
    var level = LEVELS.indexOf(params.level || 95);
    var next = mulberry32(params.seed);
    var batch = 0;
    var samples = [];
    var view;
    var marks = [];

    // Each centre: a dot when its interval covers μ, a cross when it misses.
    function restyle() {
      current().forEach(function (iv, k) {
        var color = iv.covers ? C.blue : C.orange;
        marks[k].setAttribute({ face: iv.covers ? "o" : "x", size: iv.covers ? 3 : 5, strokeColor: color, fillColor: color, strokeWidth: iv.covers ? 1 : 2.5 });
      });
    }

    function drawBatch() {
      batch += 1;
      samples = [];
      for (var k = 0; k < count; k++) {
        var values = [];
        for (var j = 0; j < n; j++) values.push(normalValue(next, mu, sigma));
        var sum = 0;
        values.forEach(function (v) { sum += v; });
        var mean = sum / n;
        var squares = 0;
        values.forEach(function (v) { squares += (v - mean) * (v - mean); });
        samples.push({ mean: mean, s: Math.sqrt(squares / (n - 1)) });
      }
    }

    function criticalValue(index) {
      return critical((1 - LEVELS[index] / 100) / 2, method === "t" ? n - 1 : 0);
    }

    function halfWidth(sample, c) { return c * (method === "t" ? sample.s : sigma) / Math.sqrt(n); }

    // Wide enough for every interval at 99 %: the board stays put while the level changes.
    function box() {
      var c = criticalValue(LEVELS.length - 1);
      var reach = 0;
      samples.forEach(function (smp) { reach = Math.max(reach, Math.abs(smp.mean - mu) + halfWidth(smp, c)); });
      reach *= 1.1;
      // Edges halfway between the axis's grid lines, so that no number is cut by an edge
      // (the grid spacing follows the board's width, so settle the two together).
      var left = mu - reach;
      var right = mu + reach;
      for (var i = 0; i < 4; i++) {
        var step = kit.niceStep(right - left);
        var newLeft = (Math.floor((mu - reach) / step - 0.5) + 0.5) * step;
        var newRight = (Math.ceil((mu + reach) / step + 0.5) - 0.5) * step;
        if (newLeft === left && newRight === right) break;
        left = newLeft;
        right = newRight;
      }
      return [left, count + 2, right, -0.5 - count / 12];
    }

    function current() {
      var c = criticalValue(level);
      return samples.map(function (smp, k) {
        var h = halfWidth(smp, c);
        return { k: k + 1, mean: smp.mean, lower: smp.mean - h, upper: smp.mean + h, covers: smp.mean - h <= mu && mu <= smp.mean + h };
      });
    }

    function describe() {
      var c = criticalValue(level);
      var intervals = current();
      var misses = intervals.filter(function (iv) { return !iv.covers; });
      var how = method === "t"
        ? "x\u0304 \u00b1 t*\u00b7s/\u221an with t* = " + c.toFixed(3) + " (t with " + (n - 1) + " degree" + (n === 2 ? "" : "s") + " of freedom)"
        : "x\u0304 \u00b1 z*\u00b7\u03c3/\u221an with z* = " + c.toFixed(3) + " (the standard normal)";
      var text = "Batch " + batch + ": " + count + " samples of n = " + n + " from N(" + dec(mu) + ", " + dec(sigma) +
        "\u00b2). " + LEVELS[level] + " % intervals " + how + ": " + (count - misses.length) + " of " + count +
        " cover the true mean \u03bc = " + dec(mu) + ".";
      if (misses.length) {
        text += " Missed (dashed, marked \u00d7): sample" + (misses.length > 1 ? "s " : " ") +
          misses.map(function (iv) { return iv.k + (iv.upper < mu ? " (too low)" : " (too high)"); }).join(", ") + ".";
      } else {
        text += " None missed.";
      }
      return text;
    }

    function changeLevel(up) {
      var to = level + (up ? 1 : -1);
      if (to < 0 || to >= LEVELS.length) {
        return up ? "99 % is the highest level here." : "80 % is the lowest level here.";
      }
      level = to;
      restyle();
      return "";
    }

    drawBatch();
    view = kit.create(canvas, {
      box: box(),
      extent: [],
      handles: [],
      keys: [
        { keys: ["ArrowLeft", "ArrowDown", "-"], help: "the left or down arrow (or \u2212) lowers the confidence level",
          button: "Level \u2212", buttonLabel: "Lower the confidence level", run: function () { return changeLevel(false); } },
        { keys: ["ArrowRight", "ArrowUp", "+", "="], help: "the right or up arrow (or +) raises it",
          button: "Level +", buttonLabel: "Raise the confidence level", run: function () { return changeLevel(true); } },
        { keys: ["Enter", "s", "S"], help: "Enter (or S) draws new samples",
          button: "New samples", run: function () { drawBatch(); view.reframe(box()); restyle(); return "New samples drawn."; } }
      ],
      build: function (board) {
        // The true mean: fixed, the target every net is thrown at.
        board.create("line", [[mu, 0], [mu, 1]], {
          strokeColor: C.green, strokeWidth: 2, fixed: true, highlight: false
        });
        // Covering intervals (solid blue) and missing ones (dashed orange, thicker), each one curve
        // with breaks between segments; centres as dots or crosses.
        function segments(covers) {
          var curve = board.create("curve", [[], []], {
            strokeColor: covers ? C.blue : C.orange, strokeWidth: covers ? 2.5 : 3.5,
            dash: covers ? 0 : 2, fixed: true, highlight: false
          });
          curve.updateDataArray = function () {
            var xs = [], ys = [];
            current().forEach(function (iv) {
              if (iv.covers !== covers) return;
              xs.push(iv.lower, iv.upper, NaN);
              ys.push(iv.k, iv.k, NaN);
            });
            this.dataX = xs;
            this.dataY = ys;
          };
          return curve;
        }
        segments(true);
        segments(false);
        for (var k = 0; k < count; k++) {
          (function (k) {
            marks.push(board.create("point", [function () { return samples[k].mean; }, k + 1], {
              fixed: true, highlight: false, withLabel: false, showInfobox: false, size: 3
            }));
          })(k);
        }
        kit.text(board, mu, count + 0.45, "\u03bc", C.green, false);
        restyle();
      },
      describe: describe
    });
  };

  window.mlmathFigures["confidence-intervals"].random = { mulberry32: mulberry32, critical: critical };
})();
