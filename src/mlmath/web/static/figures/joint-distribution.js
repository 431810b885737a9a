// A joint distribution as a heat map: the table of P(X = x, Y = y) (rows: the values of X, columns:
// those of Y), each cell shaded by its probability, the marginal P(X) beside the rows and P(Y)
// under the columns. One cell is chosen (arrow keys, buttons, or a click or tap on a cell): its
// row divided by P(X = x) is the conditional distribution P(Y | X = x), drawn as orange bars
// under the table, and its column divided by P(Y = y) is P(X | Y = y), purple bars at the right
// — each sums to 1. The readout says whether X and Y are independent. Params: table (rows of
// probabilities: numbers, or fraction strings such as "1/8" — then every number is shown as a
// fraction), x_values, y_values; optional x_name ("X"), y_name ("Y").
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  // --- exact fractions [numerator, denominator] ------------------------------------------------
  function gcd(a, b) { a = Math.abs(a); b = Math.abs(b); while (b) { var t = a % b; a = b; b = t; } return a || 1; }
  function frac(p, q) { if (q < 0) { p = -p; q = -q; } var g = gcd(p, q); return [p / g, q / g]; }
  function plus(u, v) { return frac(u[0] * v[1] + v[0] * u[1], u[1] * v[1]); }
  function times(u, v) { return frac(u[0] * v[0], u[1] * v[1]); }
  function over(u, v) { return frac(u[0] * v[1], u[1] * v[0]); }

  // An entry of the table: a fraction when written as one ("3/16") or whole, else null.
  function exact(entry) {
    if (typeof entry === "number") return entry === Math.round(entry) ? [entry, 1] : null;
    var m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(String(entry));
    if (m) return frac(Number(m[1]), Number(m[2]));
    var n = Number(entry);
    return isFinite(n) && n === Math.round(n) ? [n, 1] : null;
  }
  function valueOf(entry) {
    if (typeof entry === "number") return entry;
    var f = exact(entry);
    return f ? f[0] / f[1] : Number(entry);
  }

  // Arithmetic on probabilities, exact (fractions) or in floating point, behind one face.
  function numbers(exactMode, sig) {
    if (exactMode) {
      return {
        of: exact,
        zero: [0, 1],
        plus: plus, times: times, over: over,
        value: function (u) { return u[0] / u[1]; },
        isZero: function (u) { return u[0] === 0; },
        same: function (u, v) { return u[0] === v[0] && u[1] === v[1]; },
        text: function (u) { return u[1] === 1 ? String(u[0]) : u[0] + "/" + u[1]; }
      };
    }
    return {
      of: valueOf,
      zero: 0,
      plus: function (u, v) { return u + v; },
      times: function (u, v) { return u * v; },
      over: function (u, v) { return u / v; },
      value: function (u) { return u; },
      isZero: function (u) { return Math.abs(u) < 1e-12; },
      same: function (u, v) { return Math.abs(u - v) < 1e-9; },
      text: function (u) { return sig(u, 4); }
    };
  }

  window.mlmathFigures["joint-distribution"] = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var table = params.table;
    var r = table.length, c = table[0].length;
    var exactMode = table.every(function (row) { return row.every(function (e) { return exact(e) !== null; }); }) &&
      table.some(function (row) { return row.some(function (e) { return typeof e === "string"; }); });
    var N = numbers(exactMode, kit.sig);
    var P = table.map(function (row) { return row.map(N.of); });
    var X = params.x_name || "X", Y = params.y_name || "Y";
    var Xs = X.charAt(0).toUpperCase() + X.slice(1);  // X at the start of a sentence
    var show = function (v) { return typeof v === "number" ? kit.dec(v) : String(v); };
    var xs = params.x_values.map(show), ys = params.y_values.map(show);

    var px = P.map(function (row) { return row.reduce(N.plus, N.zero); });
    var py = [];
    for (var j = 0; j < c; j++) {
      var s = N.zero;
      for (var i = 0; i < r; i++) s = N.plus(s, P[i][j]);
      py.push(s);
    }
    var most = 0;
    P.forEach(function (row) { row.forEach(function (p) { most = Math.max(most, N.value(p)); }); });

    var sel = [0, 0];  // the chosen cell: row i (X = x_i), column j (Y = y_j)
    function rowGiven(i) { return N.isZero(px[i]) ? null : P[i].map(function (p) { return N.over(p, px[i]); }); }
    function colGiven(j) {
      if (N.isZero(py[j])) return null;
      return P.map(function (row) { return N.over(row[j], py[j]); });
    }

    // --- layout (board units): cells 1 × 1; P(X) right of them, P(Y) below; the bars beyond -----
    // The row names and the name of X need room on the left: as many pixels as their letters
    // take at the font the cells can hold (found in a few rounds, the two depend on each other).
    var H = 2, W = 2;
    var barsTop = -1.35;          // P(Y | X = x): bars standing on y = base, up to base + H
    var base = barsTop - H - 0.15;
    var right0 = c + 1.35;        // P(X | Y = y): bars from x = right0 to right0 + W
    // The marginals' headings: P(X) and P(Y), or "total" where a long name would crowd them.
    var headX = X.length <= 3 ? "P(" + X + ")" : "total", headY = Y.length <= 3 ? "P(" + Y + ")" : "total";
    var chars = Math.max.apply(null, xs.map(function (v) { return v.length; }).concat([X.length, headY.length]));
    var width = canvas.clientWidth || 600;
    var font = 13, left = -1, box, ratio;
    for (var round = 0; round < 3; round++) {
      var leftPx = chars * 0.58 * font + 14;
      var unitX = (width - leftPx) / (right0 + W + 0.95);
      left = -leftPx / unitX;
      box = [left, r + 1.25, right0 + W + 0.95, base - 0.55];
      ratio = Math.min(Math.max((box[2] - box[0]) / (box[1] - box[3]), 1), 4 / 3);
      var unitY = width / ratio / (box[1] - box[3]);
      font = Math.max(10, Math.min(14, Math.round(Math.min(unitX, unitY) * 0.36)));
    }
    // A taller canvas for a tall table, so that rows do not get squeezed on a phone.
    canvas.style.aspectRatio = String(ratio);

    function label(board, x, y, words, attrs) {
      return board.create("text", [x, y, words], Object.assign({
        fixed: true, highlight: false, fontSize: font, strokeColor: "#212529", anchorX: "middle", anchorY: "middle",
        cssClass: "figure-cell", highlightCssClass: "figure-cell"
      }, attrs || {}));
    }

    function rect(board, x0, y0, x1, y1, attrs) {
      var curve = board.create("curve", [[x0, x1, x1, x0, x0], [y0, y0, y1, y1, y0]], Object.assign({
        fixed: true, highlight: false, strokeColor: "#dee2e6", strokeWidth: 1
      }, attrs || {}));
      return curve;
    }

    function choose(i, j) {
      sel = [i, j];
      view.board.update();
      view.refresh();
    }

    function pick(di, dj) {
      var i = sel[0] + di, j = sel[1] + dj;
      if (i < 0 || i >= r) return "That is the " + (i < 0 ? "first" : "last") + " row.";
      if (j < 0 || j >= c) return "That is the " + (j < 0 ? "first" : "last") + " column.";
      sel = [i, j];
      return "";
    }

    function eq(name, value) { return name + " = " + value; }

    function conditionalText(given, names, values, what, cond, marginal) {
      if (!given) {
        return "P(" + cond + ") = 0, so P(" + what + " | " + cond + ") is not defined: there is nothing to divide by.";
      }
      var parts = given.map(function (p, k) { return eq(names, values[k]) + ": " + N.text(p); });
      return "P(" + what + " | " + cond + ") is the " + (what === Y ? "row" : "column") + " divided by P(" + cond +
        ") = " + N.text(marginal) + ": " + parts.join(", ") + " (sum 1).";
    }

    function describe() {
      var i = sel[0], j = sel[1];
      var cx = eq(X, xs[i]), cy = eq(Y, ys[j]);
      var text = "Cell " + cx + ", " + cy + ": P(" + cx + ", " + cy + ") = " + N.text(P[i][j]) + ". ";
      text += conditionalText(rowGiven(i), Y, ys, Y, cx, px[i]) + " ";
      text += conditionalText(colGiven(j), X, xs, X, cy, py[j]) + " ";
      text += "Marginals (the sums of the rows and of the columns): " +
        px.map(function (p, k) { return "P(" + eq(X, xs[k]) + ") = " + N.text(p); }).join(", ") + "; " +
        py.map(function (p, k) { return "P(" + eq(Y, ys[k]) + ") = " + N.text(p); }).join(", ") + ". ";
      var product = N.times(px[i], py[j]);
      var independent = P.every(function (row, a) {
        return row.every(function (p, b) { return N.same(p, N.times(px[a], py[b])); });
      });
      if (independent) {
        text += Xs + " and " + Y + " are independent: every cell is P(" + X + ")\u00b7P(" + Y + "), so every row's conditional is P(" + Y + ").";
      } else if (N.same(P[i][j], product)) {
        text += Xs + " and " + Y + " are not independent, though this cell happens to equal P(" + cx + ")\u00b7P(" + cy +
          ") = " + N.text(product) + ": another cell does not.";
      } else {
        text += Xs + " and " + Y + " are not independent: P(" + cx + ", " + cy + ") = " + N.text(P[i][j]) +
          " but P(" + cx + ")\u00b7P(" + cy + ") = " + N.text(product) + ".";
      }
      return text;
    }

    var view = kit.create(canvas, {
      box: box,
      extent: [],
      handles: [],
      keys: [
        { keys: ["ArrowUp"], help: "the up and down arrows choose the row (" + X + " = x: P(" + Y + " | " + X + " = x) below)",
          button: "\u2191", buttonLabel: "Previous row", run: function () { return pick(-1, 0); } },
        { keys: ["ArrowDown"], button: "\u2193", buttonLabel: "Next row", run: function () { return pick(1, 0); } },
        { keys: ["ArrowLeft"], help: "left and right the column (" + Y + " = y: P(" + X + " | " + Y + " = y) at the right); or click a cell",
          button: "\u2190", buttonLabel: "Previous column", run: function () { return pick(0, -1); } },
        { keys: ["ArrowRight"], button: "\u2192", buttonLabel: "Next column", run: function () { return pick(0, 1); } }
      ],
      build: function (board) {
        // Hide the frame's axes: this board is a table, not a plane.
        board.objectsList.forEach(function (o) {
          if (o.elType === "axis" || o.elType === "grid" || o.elType === "ticks") o.setAttribute({ visible: false });
        });
        var textOn = function (p) { return N.value(p) / (most || 1) > 0.55 ? "#fff" : "#212529"; };
        // The table as a heat map; each cell chooses itself when clicked or tapped.
        P.forEach(function (row, i) {
          row.forEach(function (p, j) {
            var y1 = r - i, y0 = r - i - 1;
            rect(board, j, y0, j + 1, y1, {
              fillColor: C.blue, fillOpacity: 0.06 + 0.8 * N.value(p) / (most || 1), strokeColor: "#fff", strokeWidth: 2
            });
            label(board, j + 0.5, y0 + 0.5, N.text(p), { strokeColor: textOn(p) });
          });
          rect(board, c + 0.15, r - i - 1, c + 1.15, r - i, { fillColor: "#f1f3f5", fillOpacity: 1, strokeColor: "#fff", strokeWidth: 2 });
          label(board, c + 0.65, r - i - 0.5, N.text(px[i]));
          label(board, -0.12, r - i - 0.5, xs[i], { anchorX: "right" });
        });
        ys.forEach(function (name, j) {
          rect(board, j, -1.15, j + 1, -0.15, { fillColor: "#f1f3f5", fillOpacity: 1, strokeColor: "#fff", strokeWidth: 2 });
          label(board, j + 0.5, -0.65, N.text(py[j]));
          label(board, j + 0.5, r + 0.35, name);
        });
        label(board, -0.12, r + 0.35, X, { anchorX: "right", fontSize: font - 1, strokeColor: "#495057" });
        label(board, c / 2, r + 0.9, Y, { fontSize: font - 1, strokeColor: "#495057" });
        label(board, c + 0.65, r + 0.35, headX, { fontSize: font - 1, strokeColor: "#495057" });
        label(board, -0.12, -0.65, headY, { anchorX: "right", fontSize: font - 1, strokeColor: "#495057" });
        label(board, c + 0.65, -0.65, "1", { strokeColor: "#868e96" });

        // A click or tap on a cell chooses it; on a marginal, its row or its column.
        board.on("down", function (event) {
          var at = board.getUsrCoordsOfMouse(event);
          var j = Math.floor(at[0]), i = r - 1 - Math.floor(at[1]);
          var inRows = at[1] >= 0 && at[1] < r, inColumns = at[0] >= 0 && at[0] < c;
          if (inRows && inColumns) choose(i, j);
          else if (inRows && at[0] >= c + 0.15 && at[0] < c + 1.15) choose(i, sel[1]);
          else if (inColumns && at[1] >= -1.15 && at[1] < -0.15) choose(sel[0], j);
        });

        // The chosen row (orange) and column (purple), outlined through their marginals.
        board.create("curve", [[], []], { fixed: true, highlight: false, strokeColor: C.orange, strokeWidth: 3 })
          .updateDataArray = function () {
            var y1 = r - sel[0], y0 = y1 - 1;
            this.dataX = [-0.05, c + 1.2, c + 1.2, -0.05, -0.05];
            this.dataY = [y0, y0, y1, y1, y0];
          };
        board.create("curve", [[], []], { fixed: true, highlight: false, strokeColor: C.purple, strokeWidth: 3, dash: 2 })
          .updateDataArray = function () {
            var x0 = sel[1], x1 = x0 + 1;
            this.dataX = [x0, x1, x1, x0, x0];
            this.dataY = [-1.2, -1.2, r + 0.05, r + 0.05, -1.2];
          };

        // P(Y | X = x): a bar under each column, orange.
        rect(board, -0.05, base, c + 0.05, base, { strokeColor: "#868e96", strokeWidth: 1.5 });
        for (var jj = 0; jj < c; jj++) {
          (function (j) {
            board.create("curve", [[], []], { fixed: true, highlight: false, strokeColor: C.orange, strokeWidth: 1, fillColor: C.orange, fillOpacity: 0.6 })
              .updateDataArray = function () {
                var g = rowGiven(sel[0]);
                var h = g ? N.value(g[j]) * H : 0;
                this.dataX = [j + 0.2, j + 0.8, j + 0.8, j + 0.2, j + 0.2];
                this.dataY = [base, base, base + h, base + h, base];
              };
            label(board, j + 0.5, function () { var g = rowGiven(sel[0]); return base + (g ? N.value(g[j]) * H : 0) + 0.05; },
              function () { var g = rowGiven(sel[0]); return g ? N.text(g[j]) : ""; }, { anchorY: "bottom", fontSize: font - 1, strokeColor: C.orange });
          })(jj);
        }
        label(board, c / 2, base - 0.12, function () { return "P(" + Y + " | " + eq(X, xs[sel[0]]) + ")"; },
          { anchorY: "top", strokeColor: C.orange, fontSize: font - 1 });
        label(board, c / 2, base + H / 2, function () { return rowGiven(sel[0]) ? "" : "not defined: P(" + eq(X, xs[sel[0]]) + ") = 0"; },
          { strokeColor: C.orange, fontSize: font - 1 });

        // P(X | Y = y): a bar beside each row, purple.
        rect(board, right0, -0.05, right0, r + 0.05, { strokeColor: "#868e96", strokeWidth: 1.5 });
        for (var ii = 0; ii < r; ii++) {
          (function (i) {
            var y0 = r - i - 0.8, y1 = r - i - 0.2;
            board.create("curve", [[], []], { fixed: true, highlight: false, strokeColor: C.purple, strokeWidth: 1, fillColor: C.purple, fillOpacity: 0.55 })
              .updateDataArray = function () {
                var g = colGiven(sel[1]);
                var w = g ? N.value(g[i]) * W : 0;
                this.dataX = [right0, right0 + w, right0 + w, right0, right0];
                this.dataY = [y0, y0, y1, y1, y0];
              };
            label(board, function () { var g = colGiven(sel[1]); return right0 + (g ? N.value(g[i]) * W : 0) + 0.06; }, (y0 + y1) / 2,
              function () { var g = colGiven(sel[1]); return g ? N.text(g[i]) : ""; }, { anchorX: "left", fontSize: font - 1, strokeColor: C.purple });
          })(ii);
        }
        // Its name under the bars, in the free corner (on two lines when the names are long).
        label(board, right0, -0.3, function () {
          var name = "P(" + X + " | " + eq(Y, ys[sel[1]]) + ")";
          return name.length > 14 ? "P(" + X + "<br>| " + eq(Y, ys[sel[1]]) + ")" : name;
        }, { anchorX: "left", anchorY: "top", strokeColor: C.purple, fontSize: font - 1 });
        label(board, right0 + 0.1, r / 2, function () { return colGiven(sel[1]) ? "" : "not defined: P(" + eq(Y, ys[sel[1]]) + ") = 0"; },
          { anchorX: "left", strokeColor: C.purple, fontSize: font - 1 });
      },
      describe: describe
    });
  };
})();
