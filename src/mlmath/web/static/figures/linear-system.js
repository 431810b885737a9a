// A linear system as a picture, and Gaussian elimination one row operation at a time. Two
// unknowns: each equation is a line, drawn and labelled, and a solution is where they meet.
// Three unknowns: each equation is a plane in a 3-D view (drag or the arrow keys turn it).
// Step (N) applies the next elementary row operation — swap, scale, add a multiple of another
// row — in the order of the worked reduced-row-echelon solution (forward elimination, then each
// pivot made 1 and cleared above, from the last pivot up); the changed row's old line stays
// dashed. The lines or planes move, the solution set does not. Arithmetic is exact (fractions).
// Params: system (augmented matrix, 2×3 or 3×4); optional names, eliminate (default true),
// domain [from, to].
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  var MINUS = "\u2212";
  var ARROW = " \u2192 ";

  // --- exact fractions [p, q], q > 0, in lowest terms ----------------------------------------
  function gcd(a, b) {
    a = Math.abs(a);
    b = Math.abs(b);
    while (b) { var t = a % b; a = b; b = t; }
    return a || 1;
  }
  function frac(p, q) {
    if (q < 0) { p = -p; q = -q; }
    var g = gcd(p, q);
    return [p / g + 0, q / g];
  }
  function fromNumber(x) {
    for (var d = 0, s = 1; d <= 6; d++, s *= 10) {
      var p = Math.round(x * s);
      if (Math.abs(p - x * s) < 1e-7) return frac(p, s);
    }
    return frac(Math.round(x * 1e6), 1e6);
  }
  function add(a, b) { return frac(a[0] * b[1] + b[0] * a[1], a[1] * b[1]); }
  function sub(a, b) { return frac(a[0] * b[1] - b[0] * a[1], a[1] * b[1]); }
  function mul(a, b) { return frac(a[0] * b[0], a[1] * b[1]); }
  function div(a, b) { return frac(a[0] * b[1], a[1] * b[0]); }
  function zero(a) { return a[0] === 0; }
  function one(a) { return a[0] === 1 && a[1] === 1; }
  function val(a) { return a[0] / a[1]; }
  function neg(a) { return [-a[0] + 0, a[1]]; }
  function size(a) { return [Math.abs(a[0]), a[1]]; }
  // As a person writes it: 3, −1/2, 7/3.
  function text(a) {
    var body = Math.abs(a[0]) + (a[1] === 1 ? "" : "/" + a[1]);
    return (a[0] < 0 ? MINUS : "") + body;
  }

  // --- row operations, in the engine's order -----------------------------------------------
  function copy(m) { return m.map(function (r) { return r.slice(); }); }

  function apply(m, op) {
    var out = copy(m);
    if (op.type === "swap") {
      out[op.first] = m[op.second].slice();
      out[op.second] = m[op.first].slice();
    } else if (op.type === "scale") {
      out[op.row] = m[op.row].map(function (a) { return mul(op.factor, a); });
    } else {
      out[op.target] = m[op.target].map(function (a, j) { return add(a, mul(op.factor, m[op.source][j])); });
    }
    return out;
  }

  // Forward elimination (pivots: first non-zero entry of the column, a swap only when the
  // pivot position holds 0), then backward: bottom pivot up, scale it to 1, clear above it.
  function reduce(start) {
    var m = copy(start);
    var ops = [];
    var rows = m.length, cols = m[0].length;
    var pivots = [];
    function run(op) { m = apply(m, op); ops.push(op); }
    for (var column = 0; column < cols; column++) {
      var row = pivots.length;
      if (row === rows) break;
      var rest = false;
      for (var i = row; i < rows; i++) for (var j = column; j < cols; j++) if (!zero(m[i][j])) rest = true;
      if (!rest) break;
      var source = -1;
      for (i = row; i < rows; i++) if (!zero(m[i][column])) { source = i; break; }
      if (source < 0) continue;
      if (source !== row) run({ type: "swap", first: row, second: source });
      var pivot = m[row][column];
      for (i = row + 1; i < rows; i++) {
        if (!zero(m[i][column])) run({ type: "add", target: i, source: row, factor: neg(div(m[i][column], pivot)) });
      }
      pivots.push([row, column]);
    }
    for (var k = pivots.length - 1; k >= 0; k--) {
      var r = pivots[k][0], c = pivots[k][1];
      if (!one(m[r][c])) run({ type: "scale", row: r, factor: div([1, 1], m[r][c]) });
      for (i = r - 1; i >= 0; i--) {
        if (!zero(m[i][c])) run({ type: "add", target: i, source: r, factor: neg(m[i][c]) });
      }
    }
    return { ops: ops, result: m, pivots: pivots };
  }

  // "R2 → R2 − 3·R1", and in words as the worked solution says it.
  function symbol(op) {
    if (op.type === "swap") return "R" + (op.first + 1) + " \u2194 R" + (op.second + 1);
    if (op.type === "scale") return "R" + (op.row + 1) + ARROW + coefficient(op.factor) + "R" + (op.row + 1);
    var s = size(op.factor);
    return "R" + (op.target + 1) + ARROW + "R" + (op.target + 1) + (op.factor[0] < 0 ? " " + MINUS + " " : " + ") +
      (one(s) ? "" : text(s) + "\u00b7") + "R" + (op.source + 1);
  }
  function coefficient(a) { return one(a) ? "" : text(a) + "\u00b7"; }
  function words(op) {
    if (op.type === "swap") return "swap row " + (op.first + 1) + " and row " + (op.second + 1);
    if (op.type === "scale") {
      if (op.factor[0] === 1 && op.factor[1] !== 1) return "divide row " + (op.row + 1) + " by " + op.factor[1];
      return "multiply row " + (op.row + 1) + " by " + text(op.factor);
    }
    var s = size(op.factor);
    var times = one(s) ? "" : text(s) + " \u00d7 ";
    return op.factor[0] < 0
      ? "subtract " + times + "row " + (op.source + 1) + " from row " + (op.target + 1)
      : "add " + times + "row " + (op.source + 1) + " to row " + (op.target + 1);
  }
  function changedRows(op) {
    if (op.type === "swap") return [op.first, op.second];
    return [op.type === "scale" ? op.row : op.target];
  }

  // --- equations and solution sets in words --------------------------------------------------
  function term(a, name, first) {
    var s = size(a);
    var body = (one(s) ? "" : s[1] === 1 ? text(s) : "(" + text(s) + ")") + name;
    if (first) return (a[0] < 0 ? MINUS : "") + body;
    return (a[0] < 0 ? " " + MINUS + " " : " + ") + body;
  }
  // A linear expression: constant + Σ coefficient·name ("5 − 2t", "t", "0").
  function linear(constant, terms) {
    var out = zero(constant) ? "" : text(constant);
    terms.forEach(function (t) {
      if (zero(t[0])) return;
      out += term(t[0], t[1], out === "");
    });
    return out || "0";
  }
  function equation(row, names) {
    var left = "";
    for (var j = 0; j < names.length; j++) {
      if (zero(row[j])) continue;
      left += term(row[j], names[j], left === "");
    }
    return (left || "0") + " = " + text(row[names.length]);
  }
  function isEmptyRow(row, n) {
    for (var j = 0; j < n; j++) if (!zero(row[j])) return false;
    return true;
  }
  function parallel(a, b, n) {
    // coefficient parts proportional (neither all zero)
    for (var i = 0; i < n; i++) for (var j = i + 1; j < n; j++) {
      if (!zero(sub(mul(a[i], b[j]), mul(a[j], b[i])))) return false;
    }
    return !isEmptyRow(a, n) && !isEmptyRow(b, n);
  }
  function sameEquation(a, b, n) {
    for (var i = 0; i <= n; i++) for (var j = i + 1; j <= n; j++) {
      if (!zero(sub(mul(a[i], b[j]), mul(a[j], b[i])))) return false;
    }
    return true;
  }

  window.mlmathFigures["linear-system"] = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var sig = kit.sig;
    var n = params.system.length;  // unknowns = equations: 2 or 3
    var names = params.names || (n === 2 ? ["x", "y"] : ["x", "y", "z"]);
    var eliminate = params.eliminate !== false;
    var start = params.system.map(function (r) { return r.map(fromNumber); });
    var reduction = reduce(start);
    var ops = eliminate ? reduction.ops : [];
    var matrices = [start];
    ops.forEach(function (op, k) { matrices.push(apply(matrices[k], op)); });
    var at = 0;
    var colors = [C.blue, C.orange, C.green];
    var rowName = n === 2 ? "line" : "plane";

    // --- the solution set, read off the reduced form --------------------------------------
    var rref = reduction.result;
    var rank = reduction.pivots.filter(function (p) { return p[1] < n; }).length;
    var contradiction = reduction.pivots.some(function (p) { return p[1] === n; });
    var pivotOf = {};
    reduction.pivots.forEach(function (p) { pivotOf[p[1]] = p[0]; });
    var free = [];
    for (var j = 0; j < n; j++) if (pivotOf[j] === undefined) free.push(j);
    var paramNames = ["t", "s", "r", "u"].filter(function (p) { return names.indexOf(p) < 0; }).slice(0, free.length);
    var point = null;    // the one solution, as numbers
    var line = null;     // [point, direction] of a line of solutions
    var parts = [];      // each unknown in terms of the parameters (exact text)
    if (!contradiction) {
      for (j = 0; j < n; j++) {
        if (pivotOf[j] === undefined) {
          parts.push(names[j] + " = " + paramNames[free.indexOf(j)]);
        } else {
          var row = rref[pivotOf[j]];
          parts.push(names[j] + " = " + linear(row[n], free.map(function (f, k) { return [neg(row[f]), paramNames[k]]; })));
        }
      }
      var base = [], dir = [];
      for (j = 0; j < n; j++) {
        base.push(pivotOf[j] === undefined ? 0 : val(rref[pivotOf[j]][n]));
        dir.push(pivotOf[j] === undefined ? (free[0] === j ? 1 : 0) : (free.length ? -val(rref[pivotOf[j]][free[0]]) : 0));
      }
      if (rank === n) point = base;
      else if (rank === n - 1) line = [base, dir];
    }

    function status() {
      var tuple = "(" + names.join(", ") + ")";
      if (contradiction) {
        var pair = null;
        for (var a = 0; a < n && !pair; a++) for (var b = a + 1; b < n && !pair; b++) {
          if (parallel(start[a], start[b], n) && !sameEquation(start[a], start[b], n)) pair = [a, b];
        }
        var empty = start.some(function (r) { return isEmptyRow(r, n) && !zero(r[n]); });
        if (empty) return "No solution: one equation reads 0 = a non-zero number, which no point satisfies.";
        if (n === 2) return "No solution: the two lines are parallel and never meet.";
        if (pair) {
          return "No solution: planes " + (pair[0] + 1) + " and " + (pair[1] + 1) +
            " are parallel (same normal direction, different right-hand sides), so no point lies on all three planes.";
        }
        return "No solution: each pair of planes meets in a line, but those lines are parallel, so the three planes have no common point.";
      }
      if (point) {
        return "One solution: the " + (n === 2 ? "two lines cross" : "three planes meet") + " at one point, " + tuple +
          " = (" + point.map(function (v) { return sig(v); }).join(", ") + ").";
      }
      var param = " (" + parts.join(", ") + ", for any " + paramNames.join(" and ") + ")";
      if (rank === 0) return "Infinitely many solutions: every equation reads 0 = 0, so every point is a solution.";
      if (n === 2) {
        var oneLine = start.some(function (r) { return isEmptyRow(r, n); });
        return "Infinitely many solutions: " + (oneLine
          ? "one equation reads 0 = 0, so every point of the other line is a solution"
          : "both equations describe the same line, so every point on it is a solution") + param + ".";
      }
      if (rank === 2) return "Infinitely many solutions: the planes share a whole line" + param + ".";
      return "Infinitely many solutions: the equations all describe the same plane" + param + ".";
    }

    function equations(m) {
      return m.map(function (r, i) { return "(" + (i + 1) + ") " + equation(r, names); }).join("; ");
    }
    function oddRows(m) {
      var notes = [];
      m.forEach(function (r, i) {
        if (!isEmptyRow(r, n)) return;
        notes.push(zero(r[n])
          ? "Row " + (i + 1) + " reads 0 = 0: true everywhere, so it draws no " + rowName + "."
          : "Row " + (i + 1) + " reads 0 = " + text(r[n]) + ": no point satisfies it.");
      });
      return notes.join(" ");
    }

    function moved(op) {
      var rows = changedRows(op).map(function (i) { return "(" + (i + 1) + ")"; });
      var what = n === 2 ? "the dashed line is where it was" : "drawn bolder";
      if (op.type === "swap") return "Equations " + rows.join(" and ") + " trade places";
      var now = matrices[at][changedRows(op)[0]];
      var before = matrices[at - 1][changedRows(op)[0]];
      if (isEmptyRow(now, n)) {
        if (isEmptyRow(before, n)) return "Equation " + rows[0] + " now reads 0 = " + text(now[n]);
        return "Equation " + rows[0] + " becomes 0 = " + text(now[n]) + " and its " + rowName + " is gone" +
          (n === 2 ? " (the dashed line is where it was)" : "");
      }
      if (op.type === "scale") return "Equation " + rows[0] + " is rescaled: its " + rowName + " stays where it is";
      return "The " + rowName + " of equation " + rows[0] + " moves (" + what + ")";
    }

    function describe() {
      var m = matrices[at];
      var out;
      if (at === 0) {
        out = "The system: " + equations(m) + ".";
        if (ops.length > 1) out += " Press N for the first of " + ops.length + " row operations.";
        else if (ops.length) out += " Press N for the one row operation it takes.";
        else if (eliminate) out += " It is already in reduced row echelon form.";
      } else {
        var op = ops[at - 1];
        out = "Step " + at + " of " + ops.length + ": " + symbol(op) + " (" + words(op) + "). " +
          moved(op) + ". The solution set did not change: a row operation can be undone, so it keeps every solution and adds none. " +
          "Now: " + equations(m) + ".";
        if (at === ops.length) out += " This is the reduced row echelon form.";
      }
      var odd = oddRows(m);
      return out + (odd ? " " + odd : "") + " " + status();
    }

    // --- the board ------------------------------------------------------------------------
    var lo, hi;
    if (params.domain) {
      lo = params.domain[0];
      hi = params.domain[1];
    } else {
      var reach = 3;
      var centre = point || (line ? line[0] : null);
      if (centre) centre.forEach(function (v) { reach = Math.max(reach, Math.abs(v) * 1.4 + 1.5); });
      // each original equation's point nearest the origin
      start.forEach(function (r) {
        var a = r.slice(0, n).map(val), norm = a.reduce(function (s, v) { return s + v * v; }, 0);
        if (norm > 0) a.forEach(function (v) { reach = Math.max(reach, Math.abs(v * val(r[n]) / norm) * 1.3 + 1); });
      });
      reach = Math.min(Math.ceil(reach), 60);
      lo = -reach;
      hi = reach;
    }

    var keys = [];
    if (eliminate) {
      keys.push({
        keys: ["n", "N", "Enter"], help: "N applies the next row operation", button: "Step",
        buttonLabel: "Apply the next row operation",
        run: function () {
          if (!ops.length) return "No row operations are needed: the system is already in reduced row echelon form.";
          if (at >= ops.length) return "That was the last step: the matrix is in reduced row echelon form.";
          at += 1;
          redraw();
          return "";
        }
      });
      keys.push({
        keys: ["b", "B", "Backspace"], help: "B undoes it", button: "Back", buttonLabel: "Undo the last row operation",
        run: function () { at = Math.max(0, at - 1); redraw(); return at === 0 ? "Back to the start." : "One step back."; }
      });
      keys.push({
        keys: ["r", "R", "0"], help: "R starts again", button: "Reset", buttonLabel: "Back to the original system",
        run: function () { at = 0; redraw(); return "Back to the start."; }
      });
    }

    var redraw = n === 2 ? drawPlane() : drawSpace();

    function drawPlane() {
      var board;
      var drawn = [];
      var half = (hi - lo) / 2, mid = (hi + lo) / 2;
      var box = [mid - half * 4 / 3, hi, mid + half * 4 / 3, lo];
      // The part of a·(x, y) = d inside the box (inset a little), or null.
      function clip(r, inset) {
        var a = val(r[0]), b = val(r[1]), d = val(r[2]);
        var x0 = box[0] + inset * (box[2] - box[0]), x1 = box[2] - inset * (box[2] - box[0]);
        var y0 = box[3] + inset * (box[1] - box[3]), y1 = box[1] - inset * (box[1] - box[3]);
        var pts = [];
        if (b !== 0) {
          [x0, x1].forEach(function (x) { var y = (d - a * x) / b; if (y >= y0 && y <= y1) pts.push([x, y]); });
        }
        if (a !== 0) {
          [y0, y1].forEach(function (y) { var x = (d - b * y) / a; if (x >= x0 && x <= x1) pts.push([x, y]); });
        }
        if (pts.length < 2) return null;
        pts.sort(function (p, q) { return p[0] - q[0] || p[1] - q[1]; });
        return [pts[0], pts[pts.length - 1]];
      }
      function lineOf(r, attrs) {
        if (isEmptyRow(r, 2)) return null;
        return board.create("line", [val(r[2]), -val(r[0]), -val(r[1])], Object.assign({
          fixed: true, highlight: false, strokeWidth: 3
        }, attrs));
      }
      function render() {
        board.suspendUpdate();
        drawn.forEach(function (el) { board.removeObject(el); });
        drawn = [];
        var m = matrices[at];
        var changed = at > 0 ? changedRows(ops[at - 1]) : [];
        // the changed rows as they were, dashed
        changed.forEach(function (i) {
          var old = matrices[at - 1][i];
          if (sameEquation(old, m[i], 2) && !isEmptyRow(old, 2)) return;
          var ghost = lineOf(old, { strokeColor: colors[i], strokeWidth: 1.5, dash: 2, strokeOpacity: 0.6 });
          if (ghost) drawn.push(ghost);
        });
        var used = [];
        m.forEach(function (r, i) {
          var l = lineOf(r, { strokeColor: colors[i], strokeWidth: i === 0 ? 4 : 2.5 });
          if (!l) return;
          drawn.push(l);
          // its equation beside it, at different ends for the two rows
          var seg = clip(r, 0.08);
          if (!seg) return;
          var f = i === 0 ? 0.2 : 0.8;
          var p = [seg[0][0] + f * (seg[1][0] - seg[0][0]), seg[0][1] + f * (seg[1][1] - seg[0][1])];
          var room = (box[1] - box[3]) * 0.09;
          if (used.some(function (u) { return Math.abs(u[0] - p[0]) < room * 3 && Math.abs(u[1] - p[1]) < room; })) {
            f = 1 - f;
            p = [seg[0][0] + f * (seg[1][0] - seg[0][0]), seg[0][1] + f * (seg[1][1] - seg[0][1])];
          }
          used.push(p);
          drawn.push(board.create("text", [p[0], p[1], "(" + (i + 1) + ") " + equation(r, names)], {
            fixed: true, highlight: false, strokeColor: colors[i], fontSize: 14, cssClass: "figure-label system-label",
            highlightCssClass: "figure-label system-label", anchorX: "middle", anchorY: "bottom", display: "html"
          }));
        });
        if (point) {
          drawn.push(board.create("point", point, {
            name: "(" + point.map(function (v) { return sig(v); }).join(", ") + ")", size: 4, fixed: true,
            fillColor: "#000", strokeColor: "#000", showInfobox: false, highlight: false,
            label: { offset: [8, -14], fontSize: 14, strokeColor: "#000", cssClass: "figure-label", highlightCssClass: "figure-label" }
          }));
        }
        board.unsuspendUpdate();
      }
      kit.create(canvas, {
        box: box,
        keepAspect: true,
        extent: [],
        handles: [],
        keys: keys,
        build: function (b) {
          board = b;
          // the unknowns' names at the ends of the axes
          var ax = Math.min(Math.max(0, box[3]), box[1]), ay = Math.min(Math.max(0, box[0]), box[2]);
          var dx = (box[2] - box[0]) * 0.02, dy = (box[1] - box[3]) * 0.03;
          b.create("text", [box[2] - dx, ax + dy, names[0]], {
            fixed: true, highlight: false, strokeColor: "#495057", fontSize: 14, anchorX: "right", anchorY: "bottom",
            cssClass: "figure-label", highlightCssClass: "figure-label"
          });
          b.create("text", [ay + dx, box[1] - dy, names[1]], {
            fixed: true, highlight: false, strokeColor: "#495057", fontSize: 14, anchorX: "left", anchorY: "top",
            cssClass: "figure-label", highlightCssClass: "figure-label"
          });
          render();
        },
        describe: describe
      });
      return render;
    }

    function drawSpace() {
      var board, view;
      var drawn = [];
      var r = (hi - lo) / 2;
      var mid = (hi + lo) / 2;
      var range = [[mid - r, mid + r], [mid - r, mid + r], [mid - r, mid + r]];
      var angles = { az: 1.0, el: 0.35 };
      function cross(a, b) { return [a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]]; }
      function unit(v) { var l = Math.hypot(v[0], v[1], v[2]); return [v[0] / l, v[1] / l, v[2] / l]; }
      // The plane a·p = d cut to the box: the corners of its section, in order round it.
      function section(a, d, u, w) {
        var pts = [];
        function keep(p) {
          if (!pts.some(function (q) { return Math.abs(q[0] - p[0]) + Math.abs(q[1] - p[1]) + Math.abs(q[2] - p[2]) < 1e-9; })) pts.push(p);
        }
        for (var axis = 0; axis < 3; axis++) {
          var o1 = (axis + 1) % 3, o2 = (axis + 2) % 3;
          for (var i = 0; i < 2; i++) for (var k = 0; k < 2; k++) {
            var v1 = [0, 0, 0], v2 = [0, 0, 0];
            v1[o1] = v2[o1] = range[o1][i];
            v1[o2] = v2[o2] = range[o2][k];
            v1[axis] = range[axis][0];
            v2[axis] = range[axis][1];
            var s1 = a[0] * v1[0] + a[1] * v1[1] + a[2] * v1[2] - d;
            var s2 = a[0] * v2[0] + a[1] * v2[1] + a[2] * v2[2] - d;
            if (Math.abs(s1) < 1e-12) keep(v1);
            if (Math.abs(s2) < 1e-12) keep(v2);
            if (s1 * s2 < 0) {
              var t = s1 / (s1 - s2);
              keep([v1[0] + t * (v2[0] - v1[0]), v1[1] + t * (v2[1] - v1[1]), v1[2] + t * (v2[2] - v1[2])]);
            }
          }
        }
        if (pts.length < 3) return null;
        var c = [0, 1, 2].map(function (j) { return pts.reduce(function (sum, p) { return sum + p[j]; }, 0) / pts.length; });
        function angle(p) {
          var q = [p[0] - c[0], p[1] - c[1], p[2] - c[2]];
          return Math.atan2(q[0] * w[0] + q[1] * w[1] + q[2] * w[2], q[0] * u[0] + q[1] * u[1] + q[2] * u[2]);
        }
        return pts.sort(function (p, q) { return angle(p) - angle(q); });
      }
      function planeOf(row, color) {
        var a = row.slice(0, 3).map(val), d = val(row[3]);
        var norm = a[0] * a[0] + a[1] * a[1] + a[2] * a[2];
        if (norm === 0) return null;
        var least = [Math.abs(a[0]), Math.abs(a[1]), Math.abs(a[2])];
        var k = least.indexOf(Math.min.apply(null, least));
        var e = [0, 0, 0];
        e[k] = 1;
        var u = unit(cross(a, e)), w = unit(cross(a, u));
        var corners = section(a, d, u, w);
        if (!corners) return null;
        var face = view.create("polygon3d", corners, {
          fillColor: color, fillOpacity: 0.3, highlight: false, fixed: true,
          borders: { strokeColor: color, strokeWidth: 1.5, highlight: false, fixed: true },
          vertices: { visible: false, fixed: true, withLabel: false }
        });
        return face;
      }
      function render() {
        board.suspendUpdate();
        drawn.forEach(function (el) {
          var vertices = el.vertices ? el.vertices.slice() : [];
          board.removeObject(el);
          vertices.forEach(function (v) { board.removeObject(v); });
        });
        drawn = [];
        var m = matrices[at];
        var changed = at > 0 ? changedRows(ops[at - 1]) : [];
        m.forEach(function (row, i) {
          var el = planeOf(row, colors[i]);
          if (!el) return;
          if (changed.indexOf(i) >= 0) {
            el.setAttribute({ fillOpacity: 0.5 });
            (el.element2D.borders || []).forEach(function (bd) { bd.setAttribute({ strokeWidth: 3.5 }); });
          }
          drawn.push(el);
        });
        legend.forEach(function (t, i) {
          t.setText("(" + (i + 1) + ") " + equation(m[i], names) + (changed.indexOf(i) >= 0 ? "  \u2190 changed" : ""));
        });
        board.unsuspendUpdate();
      }
      var legend = [];
      kit.create(canvas, {
        box: [-8, 6, 8, -6],
        keepAspect: true,
        extent: [],
        handles: [],
        keys: keys.concat([
          { keys: ["ArrowLeft"], help: "the arrow keys turn the view (or drag it)", run: function () { turn(-0.2, 0); return ""; } },
          { keys: ["ArrowRight"], run: function () { turn(0.2, 0); return ""; } },
          { keys: ["ArrowUp"], run: function () { turn(0, 0.1); return ""; } },
          { keys: ["ArrowDown"], run: function () { turn(0, -0.1); return ""; } }
        ]),
        build: function (b) {
          board = b;
          // no flat axes or grid behind the 3-D view
          b.objectsList.slice().forEach(function (el) { el.setAttribute({ visible: false }); });
          view = b.create("view3d", [[-3.1, -3.6], [6.2, 6.2], range], {
            projection: "parallel",
            depthOrder: { enabled: false },
            az: { slider: { visible: false }, keyboard: { enabled: false }, pointer: { enabled: true } },
            el: { slider: { visible: false }, keyboard: { enabled: false }, pointer: { enabled: true } },
            bank: { slider: { visible: false }, keyboard: { enabled: false }, pointer: { enabled: false } },
            axesPosition: "center",
            xAxis: { name: names[0] }, yAxis: { name: names[1] }, zAxis: { name: names[2] },
            xPlaneRear: { visible: false }, yPlaneRear: { visible: false }, zPlaneRear: { visible: false }
          });
          view.setView(angles.az, angles.el);
          for (var i = 0; i < n; i++) {
            legend.push(b.create("text", [-7.7, 5.5 - i * 0.9, ""], {
              fixed: true, highlight: false, strokeColor: colors[i], fontSize: 14, cssClass: "figure-label system-label",
              highlightCssClass: "figure-label system-label", anchorX: "left", anchorY: "top"
            }));
          }
          if (point) {
            view.create("point3d", point, {
              name: "(" + point.map(function (v) { return sig(v); }).join(", ") + ")", size: 5, fixed: true,
              fillColor: "#000", strokeColor: "#000", withLabel: true, highlight: false,
              label: { offset: [8, 8], fontSize: 14, strokeColor: "#000", cssClass: "figure-label system-label", highlightCssClass: "figure-label system-label" }
            });
          } else if (line) {
            view.create("line3d", [line[0], line[1], [-Infinity, Infinity]], {
              strokeColor: "#000", strokeWidth: 3, fixed: true, highlight: false
            });
          }
          render();
        },
        describe: describe
      });
      function turn(daz, del) {
        angles.az = (angles.az + daz + 2 * Math.PI) % (2 * Math.PI);
        angles.el = Math.max(-1.4, Math.min(1.4, angles.el + del));
        view.setView(angles.az, angles.el);
      }
      return render;
    }
  };
})();
