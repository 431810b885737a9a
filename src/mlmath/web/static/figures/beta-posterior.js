// Bayes' rule for a coin, flip by flip: a Beta(α, β) prior for the chance p of heads (dashed)
// and the posterior Beta(α + h, β + t) after h heads and t tails (solid, shaded), which narrows
// and moves towards the share of heads as flips arrive. Marked: the posterior mean
// (α + h)/(α + β + h + t) (green line), the posterior mode — the MAP estimate — (orange dot)
// and the maximum-likelihood estimate h/(h + t) (purple triangle on the axis). Keys H and T add
// a head or a tail, B takes the last flip back, R resets. Params: alpha, beta (the prior);
// optional heads, tails (flips already seen, default 0).
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  var MAX_FLIPS = 1000;

  function lgamma(x) { return window.mlmathFigures.distribution.special.lgamma(x); }

  // The density of Beta(a, b) at p, with its limits at the ends (∞ where it blows up).
  function density(a, b, p) {
    if (p < 0 || p > 1) return 0;
    var logB = lgamma(a) + lgamma(b) - lgamma(a + b);
    if (p === 0) return a < 1 ? Infinity : a === 1 ? Math.exp(-logB) : 0;
    if (p === 1) return b < 1 ? Infinity : b === 1 ? Math.exp(-logB) : 0;
    return Math.exp((a - 1) * Math.log(p) + (b - 1) * Math.log(1 - p) - logB);
  }

  // Where Beta(a, b) is highest: one p, or the word for an end, both ends or no single mode.
  function mode(a, b) {
    if (a > 1 && b > 1) return { at: (a - 1) / (a + b - 2) };
    if (a === 1 && b === 1) return { none: true };
    if (a < 1 && b < 1) return { ends: true };
    return { at: a <= 1 ? 0 : 1, end: true };
  }

  window.mlmathFigures["beta-posterior"] = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var sig = kit.sig;
    var a0 = params.alpha, b0 = params.beta;
    var h0 = params.heads || 0, t0 = params.tails || 0;
    var flips = [];  // the flips added here, in order ("H" or "T"), for B
    var h = h0, t = t0;
    var view;

    function a() { return a0 + h; }
    function b() { return b0 + t; }
    var whole = [a0, b0].every(function (v) { return v === Math.round(v); });

    // A ratio of whole numbers as a fraction and its value; otherwise the value alone.
    function ratio(top, bottom, counts) {
      var value = top / bottom;
      if (!(whole || counts) || Math.abs(top - Math.round(top)) > 1e-9 || Math.abs(bottom - Math.round(bottom)) > 1e-9) {
        return sig(value);
      }
      return kit.dec(Math.round(top)) + "/" + kit.dec(Math.round(bottom)) + " = " + sig(value);
    }

    // The height of the board: both curves' highest point inside (0, 1), ends that blow up cut.
    function peak() {
      var top = 0;
      for (var i = 1; i < 200; i++) {
        var p = i / 200;
        top = Math.max(top, density(a0, b0, p), density(a(), b(), p));
      }
      return Math.max(top, 0.5);
    }

    function box() {
      var top = peak() * 1.35;
      return [-0.15, top, 1.05, -top * 0.1];
    }

    function curve(board, ga, gb, attrs) {
      var c = board.create("curve", [[], []], Object.assign({ fixed: true, highlight: false }, attrs));
      c.updateDataArray = function () {
        var xs = [], ys = [];
        var A = ga(), B = gb(), top = currentTop;
        for (var i = 0; i <= 400; i++) {
          var p = i / 400;
          var y = density(A, B, p);
          xs.push(p);
          ys.push(isFinite(y) ? Math.min(y, top) : top);
        }
        if (attrs.fillColor && attrs.fillColor !== "none") {
          xs = [0].concat(xs, [1]);
          ys = [0].concat(ys, [0]);
        }
        this.dataX = xs;
        this.dataY = ys;
      };
      return c;
    }
    var currentTop = box()[1] * 0.97;

    function flipsText(heads, tails) {
      return heads + (heads === 1 ? " head" : " heads") + " and " + tails + (tails === 1 ? " tail" : " tails");
    }

    function describe() {
      var A = a(), B = b(), n = h + t;
      var text = "Prior Beta(" + kit.dec(a0) + ", " + kit.dec(b0) + ")";
      text += n === 0
        ? ". No flips yet: the posterior is the prior. "
        : "; after " + flipsText(h, t) + " the posterior is Beta(" + kit.dec(a0) + " + " + h + ", " +
          kit.dec(b0) + " + " + t + ") = Beta(" + kit.dec(A) + ", " + kit.dec(B) + "). ";
      var sd = Math.sqrt(A * B / ((A + B) * (A + B) * (A + B + 1)));
      text += "Posterior mean (\u03b1 + h)/(\u03b1 + \u03b2 + h + t) = " + ratio(A, A + B) +
        " (sd " + sig(sd) + "). ";
      var m = mode(A, B);
      if (m.none) {
        text += "MAP: none \u2014 Beta(1, 1) is flat, every p is equally likely. ";
      } else if (m.ends) {
        text += "MAP: none inside \u2014 with both parameters below 1 the density is highest at both ends, p = 0 and p = 1. ";
      } else if (m.end) {
        text += "MAP: at the end p = " + m.at + " (a parameter is at most 1, so (\u03b1 + h \u2212 1)/(\u03b1 + \u03b2 + h + t \u2212 2) does not apply). ";
      } else {
        text += "MAP (the mode) (\u03b1 + h \u2212 1)/(\u03b1 + \u03b2 + h + t \u2212 2) = " + ratio(A - 1, A + B - 2) + ". ";
      }
      if (n === 0) {
        text += "MLE: not defined yet (0/0: no flips).";
      } else {
        text += "MLE h/(h + t) = " + ratio(h, n, true) + (n === 1 ? ": one flip already pushes it to an end." : ".");
      }
      return text;
    }

    function reframe() {
      var next = box();
      currentTop = next[1] * 0.97;
      view.reframe(next);
      view.box = next;
    }

    function add(side) {
      if (h + t >= MAX_FLIPS) return "That is as many flips as this figure counts.";
      flips.push(side);
      if (side === "H") h += 1; else t += 1;
      reframe();
      return side === "H" ? "A head." : "A tail.";
    }

    var marks = {};
    view = kit.create(canvas, {
      box: box(),
      extent: [],
      handles: [],
      keys: [
        { keys: ["h", "H"], help: "H adds a head", button: "Head", buttonLabel: "Add a head (H)",
          run: function () { return add("H"); } },
        { keys: ["t", "T"], help: "T adds a tail", button: "Tail", buttonLabel: "Add a tail (T)",
          run: function () { return add("T"); } },
        { keys: ["b", "B", "Backspace"], help: "B takes the last flip back", button: "Back",
          buttonLabel: "Take the last flip back (B)",
          run: function () {
            if (!flips.length) return "No flip to take back.";
            if (flips.pop() === "H") h -= 1; else t -= 1;
            reframe();
            return "Last flip taken back.";
          } },
        { keys: ["r", "R"], help: "R resets", button: "Reset", buttonLabel: "Reset to the prior (R)",
          run: function () { flips = []; h = h0; t = t0; reframe(); return "Reset."; } }
      ],
      build: function (board) {
        curve(board, function () { return a(); }, function () { return b(); },
          { strokeColor: C.blue, strokeWidth: 2.5, fillColor: C.blue, fillOpacity: 0.18 });
        curve(board, function () { return a0; }, function () { return b0; },
          { strokeColor: C.grey, strokeWidth: 2, dash: 2, fillColor: "none" });
        var meanAt = function () { return a() / (a() + b()); };
        marks.mean = board.create("segment", [
          [meanAt, 0], [meanAt, function () { return Math.min(density(a(), b(), meanAt()), currentTop); }]
        ], { strokeColor: C.green, strokeWidth: 2.5, fixed: true, highlight: false });
        // (at an end too, where the density there is finite: Beta(4, 1) is highest at p = 1)
        var modeAt = function () {
          var m = mode(a(), b());
          return m.at === undefined || !isFinite(density(a(), b(), m.at)) ? NaN : m.at;
        };
        marks.map = board.create("point", [modeAt, function () { return Math.min(density(a(), b(), modeAt()), currentTop); }], {
          fixed: true, highlight: false, withLabel: false, showInfobox: false, size: 4,
          fillColor: C.orange, strokeColor: C.orange
        });
        marks.mle = board.create("point", [function () { return h + t ? h / (h + t) : NaN; }, 0], {
          fixed: true, highlight: false, withLabel: false, showInfobox: false, size: 5, face: "^",
          fillColor: C.purple, strokeColor: C.purple
        });
        // A key to the marks in the top left corner (words as well as colours), above the curves.
        var span = function (color, words) { return "<span style=\"color:" + color + "\">" + words + "</span>"; };
        board.create("text", [0.01, function () { return currentTop; },
          span(C.grey, "- - prior") + " &nbsp;" + span(C.blue, "\u2014 posterior") + "<br>" +
          span(C.green, "| mean") + " &nbsp;" + span(C.orange, "\u25cf MAP") + " &nbsp;" + span(C.purple, "\u25b2 MLE")], {
          fixed: true, highlight: false, fontSize: 12, anchorX: "left", anchorY: "top",
          cssClass: "figure-label", highlightCssClass: "figure-label"
        });
      },
      describe: describe
    });
    view.box = box();
  };

  window.mlmathFigures["beta-posterior"].density = density;
})();
