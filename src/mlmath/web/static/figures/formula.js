// A formula in the learner grammar ("x^2 - 4x + 5", "3*e^(2x)", "(1/2)x^2 + x*y"), read by a small
// recursive-descent parser into a function that returns the value together with its partial
// derivatives in x and y (forward-mode dual numbers: every operation carries its own rule of
// differentiation). No eval, no Function: only + − × ÷ ^, parentheses, numbers, x, y, e, π and
// exp, ln, log, sqrt, sin, cos, abs. Juxtaposition multiplies ("2x", "3(x + 1)") and "^" binds
// tighter and to the right, as in the answer grammar.
(function () {
  "use strict";

  var FUNCTIONS = {
    exp: function (u) { var v = Math.exp(u[0]); return [v, v * u[1], v * u[2]]; },
    ln: function (u) { return [Math.log(u[0]), u[1] / u[0], u[2] / u[0]]; },
    log: function (u) { return [Math.log(u[0]), u[1] / u[0], u[2] / u[0]]; },
    sqrt: function (u) {
      var v = Math.sqrt(u[0]);
      return [v, u[1] / (2 * v), u[2] / (2 * v)];
    },
    sin: function (u) { var c = Math.cos(u[0]); return [Math.sin(u[0]), c * u[1], c * u[2]]; },
    cos: function (u) { var s = -Math.sin(u[0]); return [Math.cos(u[0]), s * u[1], s * u[2]]; },
    abs: function (u) { var s = u[0] < 0 ? -1 : 1; return [Math.abs(u[0]), s * u[1], s * u[2]]; }
  };

  function constant(c) { return function () { return [c, 0, 0]; }; }

  function add(f, g) { return function (x, y) { var a = f(x, y), b = g(x, y); return [a[0] + b[0], a[1] + b[1], a[2] + b[2]]; }; }
  function sub(f, g) { return function (x, y) { var a = f(x, y), b = g(x, y); return [a[0] - b[0], a[1] - b[1], a[2] - b[2]]; }; }
  function neg(f) { return function (x, y) { var a = f(x, y); return [-a[0], -a[1], -a[2]]; }; }
  function mul(f, g) {
    return function (x, y) {
      var a = f(x, y), b = g(x, y);
      return [a[0] * b[0], a[1] * b[0] + a[0] * b[1], a[2] * b[0] + a[0] * b[2]];
    };
  }
  function div(f, g) {
    return function (x, y) {
      var a = f(x, y), b = g(x, y), q = b[0] * b[0];
      return [a[0] / b[0], (a[1] * b[0] - a[0] * b[1]) / q, (a[2] * b[0] - a[0] * b[2]) / q];
    };
  }
  function pow(f, g) {
    return function (x, y) {
      var a = f(x, y), b = g(x, y);
      var v = Math.pow(a[0], b[0]);
      if (b[1] === 0 && b[2] === 0) {
        // A constant exponent: the power rule (also for a negative base and a whole exponent).
        var d = b[0] === 0 ? 0 : b[0] * Math.pow(a[0], b[0] - 1);
        return [v, d * a[1], d * a[2]];
      }
      // u^w = e^(w ln u): (u^w)′ = u^w (w′ ln u + w u′/u).
      var ln = Math.log(a[0]);
      return [v, v * (b[1] * ln + b[0] * a[1] / a[0]), v * (b[2] * ln + b[0] * a[2] / a[0])];
    };
  }

  function tokenize(text) {
    var tokens = [];
    var re = /\s*(?:(\d+\.?\d*|\.\d+)|([A-Za-z_][A-Za-z0-9_]*)|(\*\*|[-+*/^()√π·×−]))/y;
    var i = 0;
    text = text.replace(/\s+$/, "");
    while (i < text.length) {
      re.lastIndex = i;
      var m = re.exec(text);
      if (!m) throw new Error("cannot read the formula at “" + text.slice(i) + "”");
      if (m[1] !== undefined) tokens.push({ type: "number", value: Number(m[1]) });
      else if (m[2] !== undefined) tokens.push({ type: "name", value: m[2] });
      else {
        var op = { "**": "^", "·": "*", "×": "*", "−": "-" }[m[3]] || m[3];
        tokens.push({ type: "op", value: op });
      }
      i = re.lastIndex;
    }
    return tokens;
  }

  // Returns f(x, y) → [value, ∂/∂x, ∂/∂y]; throws on anything outside the grammar.
  function parse(text, variables) {
    var tokens = tokenize(String(text));
    var pos = 0;
    var allowed = variables || ["x", "y"];

    function peek() { return tokens[pos]; }
    function isOp(t, v) { return t && t.type === "op" && t.value === v; }
    function expect(v) {
      if (!isOp(peek(), v)) throw new Error("expected " + v);
      pos += 1;
    }

    function startsAtom(t) {
      return t && (t.type === "name" || isOp(t, "(") || isOp(t, "√") || isOp(t, "π"));
    }

    function sum() {
      var f = product();
      for (;;) {
        if (isOp(peek(), "+")) { pos += 1; f = add(f, product()); }
        else if (isOp(peek(), "-")) { pos += 1; f = sub(f, product()); }
        else return f;
      }
    }

    function product() {
      var f = signed();
      for (;;) {
        var t = peek();
        if (isOp(t, "*")) { pos += 1; f = mul(f, signed()); }
        else if (isOp(t, "/")) { pos += 1; f = div(f, signed()); }
        else if (startsAtom(t)) f = mul(f, power());  // "2x", "3(x + 1)", "x sin(x)"
        else return f;
      }
    }

    function signed() {
      if (isOp(peek(), "-")) { pos += 1; return neg(signed()); }
      if (isOp(peek(), "+")) { pos += 1; return signed(); }
      return power();
    }

    function power() {
      var base = atom();
      if (isOp(peek(), "^")) { pos += 1; return pow(base, exponent()); }
      return base;
    }

    function exponent() {
      if (isOp(peek(), "-")) { pos += 1; return neg(exponent()); }
      if (isOp(peek(), "+")) { pos += 1; return exponent(); }
      return power();
    }

    function atom() {
      var t = peek();
      if (!t) throw new Error("the formula ends too early");
      pos += 1;
      if (t.type === "number") return constant(t.value);
      if (isOp(t, "(")) { var inner = sum(); expect(")"); return inner; }
      if (isOp(t, "√")) return pow(atom(), constant(0.5));
      if (isOp(t, "π")) return constant(Math.PI);
      if (t.type === "name") {
        if (Object.prototype.hasOwnProperty.call(FUNCTIONS, t.value) && isOp(peek(), "(")) {
          pos += 1;
          var arg = sum();
          expect(")");
          var rule = FUNCTIONS[t.value];
          return function (x, y) { return rule(arg(x, y)); };
        }
        if (t.value === "x" && allowed.indexOf("x") >= 0) return function (x) { return [x, 1, 0]; };
        if (t.value === "y" && allowed.indexOf("y") >= 0) return function (x, y) { return [y, 0, 1]; };
        if (t.value === "e") return constant(Math.E);
        if (t.value === "pi") return constant(Math.PI);
      }
      throw new Error("unexpected “" + t.value + "” in the formula");
    }

    var f = sum();
    if (pos !== tokens.length) throw new Error("unexpected “" + tokens[pos].value + "” in the formula");
    return f;
  }

  // The y-range worth showing for f over [lo, hi]: the middle 94% of sampled values, padded,
  // reaching down (or up) to 0 when 0 is near anyway.
  function yRange(value, lo, hi, extra) {
    var ys = [];
    for (var i = 0; i <= 200; i++) {
      var y = value(lo + (hi - lo) * i / 200);
      if (isFinite(y)) ys.push(y);
    }
    (extra || []).forEach(function (y) { if (isFinite(y)) ys.push(y); });
    if (!ys.length) return [-5, 5];
    ys.sort(function (a, b) { return a - b; });
    var bottom = ys[Math.floor(ys.length * 0.03)];
    var top = ys[Math.ceil(ys.length * 0.97) - 1];
    (extra || []).forEach(function (y) {
      if (isFinite(y)) { bottom = Math.min(bottom, y); top = Math.max(top, y); }
    });
    var span = Math.max(top - bottom, 1);
    if (bottom > 0 && bottom < 0.4 * span) bottom = 0;
    if (top < 0 && -top < 0.4 * span) top = 0;
    span = Math.max(top - bottom, 1);
    return [bottom - 0.12 * span, top + 0.12 * span];
  }

  window.mlmathFormula = {
    yRange: yRange,
    // The formula as f(x, y) → [value, ∂f/∂x, ∂f/∂y].
    parse: parse,
    // f(x) and f′(x) of a formula in x.
    of: function (text) {
      var f = parse(text, ["x"]);
      return {
        value: function (x) { return f(x, 0)[0]; },
        slope: function (x) { return f(x, 0)[1]; }
      };
    }
  };
})();
