// One training step of a two-layer network, drawn as its computation graph: the inputs x₁, x₂,
// the hidden units h₁…h₃, the output unit and the loss L. F runs the forward pass (values appear
// on the nodes), B the backward pass (∂L/∂w on every edge, ∂L/∂b under every unit), U the update
// w → w − η·∂L/∂w (the weights change, the loss before and after), R goes back to the start.
//
// The conventions are the course's (engine/calculus/backpropagation.py): hidden units
// a⁽¹⁾ = σ(W⁽¹⁾x + b⁽¹⁾), a sigmoid output ŷ = σ(w⁽²⁾·a⁽¹⁾ + b⁽²⁾) and the log loss
// L = −y ln ŷ − (1 − y) ln(1 − ŷ), so that ∂L/∂z⁽²⁾ = ŷ − y. Params: x (2 inputs), y (the label,
// 0 or 1), W1 (one row of 2 weights per hidden unit, 2 or 3 units), b1, W2 (1 × hidden), b2
// (a list of 1), learning_rate; optional activation of the hidden units ("sigmoid", the default,
// "tanh" or "relu").
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  var SUB = "\u2080\u2081\u2082\u2083\u2084\u2085\u2086\u2087\u2088\u2089";
  var MINUS = "\u2212";

  var ACTIVATIONS = {
    sigmoid: {
      name: "\u03c3", word: "sigmoid",
      f: function (z) { return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)); },
      slope: function (z, a) { return a * (1 - a); },
      slopeText: "\u03c3\u2032(z) = a(1 \u2212 a)"
    },
    tanh: {
      name: "tanh", word: "tanh",
      f: function (z) { return Math.tanh(z); },
      slope: function (z, a) { return 1 - a * a; },
      slopeText: "tanh\u2032(z) = 1 \u2212 a\u00b2"
    },
    relu: {
      name: "ReLU", word: "ReLU",
      f: function (z) { return Math.max(z, 0); },
      slope: function (z) { return z > 0 ? 1 : 0; },
      slopeText: "ReLU\u2032(z) = 1 for z > 0, else 0"
    }
  };

  function sigmoid(z) { return ACTIVATIONS.sigmoid.f(z); }

  // ln(1 + e^t) without overflow: the log loss from the output sum, exact even when ŷ rounds to 0 or 1.
  function softplus(t) { return t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t)); }

  // The forward pass: every sum and activation, and the loss.
  function forward(net, x, y, act) {
    var z1 = net.W1.map(function (row, j) { return row[0] * x[0] + row[1] * x[1] + net.b1[j]; });
    var a1 = z1.map(act.f);
    var z2 = net.b2;
    a1.forEach(function (a, j) { z2 += net.w2[j] * a; });
    var yhat = sigmoid(z2);
    var loss = y === 1 ? softplus(-z2) : softplus(z2);
    return { z1: z1, a1: a1, z2: z2, yhat: yhat, loss: loss };
  }

  // Backpropagation for one example: δ⁽²⁾ = ŷ − y, δ⁽¹⁾ⱼ = δ⁽²⁾·w⁽²⁾ⱼ·act′(z⁽¹⁾ⱼ).
  function backward(net, x, y, act, fw) {
    var d2 = fw.yhat - y;
    var d1 = fw.z1.map(function (z, j) { return d2 * net.w2[j] * act.slope(z, fw.a1[j]); });
    return {
      d2: d2,
      d1: d1,
      W1: d1.map(function (d) { return [d * x[0], d * x[1]]; }),
      b1: d1.slice(),
      w2: fw.a1.map(function (a) { return d2 * a; }),
      b2: d2
    };
  }

  function update(net, g, eta) {
    return {
      W1: net.W1.map(function (row, j) { return [row[0] - eta * g.W1[j][0], row[1] - eta * g.W1[j][1]]; }),
      b1: net.b1.map(function (b, j) { return b - eta * g.b1[j]; }),
      w2: net.w2.map(function (w, j) { return w - eta * g.w2[j]; }),
      b2: net.b2 - eta * g.b2
    };
  }

  function sub(k) { return String(k).split("").map(function (d) { return SUB[Number(d)]; }).join(""); }

  window.mlmathFigures.network = function (canvas, params) {
    var kit = window.mlmathFigureKit;
    var C = kit.colors;
    var sig = kit.sig;
    var act = ACTIVATIONS[params.activation || "sigmoid"];
    var x = params.x, y = params.y, eta = params.learning_rate;
    var w2 = Array.isArray(params.W2[0]) ? params.W2[0] : params.W2;
    var b2 = Array.isArray(params.b2) ? params.b2[0] : params.b2;
    var start = { W1: params.W1.map(function (r) { return r.slice(); }), b1: params.b1.slice(), w2: w2.slice(), b2: b2 };
    var net = start;
    var h = net.W1.length;
    var stage = 0;        // 0 weights only, 1 forward done, 2 backward done, 3 just updated
    var steps = 0;
    var fw = null, grads = null, before = null;

    function vec(v) { return "(" + v.map(function (e) { return sig(e); }).join(", ") + ")"; }
    function rows(m) { return m.map(vec).join(", "); }

    // --- layout: inputs at x = 0, hidden units at 2.5, the output at 4.9, the loss at 6.5 --------
    // One number per edge and one beside each node, so that the graph stays readable on a phone
    // (which gets a taller canvas): the weights, or after the backward pass their gradients.
    var inY = [1.3, -1.3];
    var hidY = h === 3 ? [2.2, 0, -2.2] : [1.5, -1.5];
    var X0 = 0, XH = 2.5, XO = 4.9, XL = 6.5;
    var box = h === 3 ? [-1.15, 3.05, 7.4, -3.1] : [-1.15, 2.35, 7.4, -2.45];
    var narrow = (canvas.clientWidth || 600) < 480;
    canvas.style.aspectRatio = narrow ? "4 / 5" : "4 / 3";
    var unit = (canvas.clientWidth || 600) / (box[2] - box[0]);
    var font = Math.max(11, Math.min(14, Math.round(unit * 0.19)));

    function text(board, px, py, words, color, attrs) {
      return board.create("text", [px, py, words], Object.assign({
        fixed: true, highlight: false, fontSize: font, strokeColor: color || "#212529", anchorX: "middle",
        anchorY: "middle", cssClass: "figure-net", highlightCssClass: "figure-net"
      }, attrs || {}));
    }

    // A number on a white patch, so that an edge under it does not strike it through.
    function patch(words, color) {
      return "<span style=\"white-space:nowrap;background:rgba(255,255,255,.9);padding:0 2px;color:" + color + "\">" + words + "</span>";
    }

    // What an edge shows: its weight, or after the backward pass ∂L/∂w (orange).
    function edgeText(weight, gradient) {
      return stage === 2 ? patch(sig(gradient()), C.orange) : patch(sig(weight()), "#212529");
    }


    function describe() {
      var intro = "Training step " + (steps + 1) + ". ";
      if (stage === 0) {
        return intro + "A network with inputs x = " + vec(x) + ", " + h + " hidden " + act.word + " units and a sigmoid output ŷ; " +
          "the loss is the log loss L = " + MINUS + "y ln ŷ " + MINUS + " (1 " + MINUS + " y) ln(1 " + MINUS + " ŷ) with label y = " + y +
          ". Weights: W⁽¹⁾ rows " + rows(net.W1) + ", b⁽¹⁾ = " + vec(net.b1) + "; w⁽²⁾ = " + vec(net.w2) + ", b⁽²⁾ = " + sig(net.b2) +
          "; learning rate η = " + sig(eta) + ". Press F for the forward pass.";
      }
      if (stage === 3) {
        var change = after() - before;
        var words = "Update with η = " + sig(eta) + ": every weight and bias moved against its gradient, w → w " + MINUS +
          " η·∂L/∂w. Now W⁽¹⁾ rows " + rows(net.W1) + ", b⁽¹⁾ = " + vec(net.b1) + ", w⁽²⁾ = " + vec(net.w2) + ", b⁽²⁾ = " +
          sig(net.b2) + ". Loss before " + sig(before) + ", after " + sig(after()) + " (" +
          (Math.abs(change) < 1e-12 ? "unchanged" : change < 0 ? "down by " + sig(-change) : "up by " + sig(change)) + ").";
        if (change > 1e-12) words += " The step overshot: the learning rate is too large for this point.";
        else if (Math.abs(change) < 1e-12) words += " The gradients were all 0, so nothing moved.";
        return "Training step " + steps + " done. " + words + " Press F for the next forward pass.";
      }
      var lossText = y === 1 ? MINUS + "ln ŷ" : MINUS + "ln(1 " + MINUS + " ŷ)";
      var text = intro + "Forward pass: z⁽¹⁾ = W⁽¹⁾x + b⁽¹⁾ = " + vec(fw.z1) + ", a⁽¹⁾ = " + act.name + "(z⁽¹⁾) = " + vec(fw.a1) +
        "; z⁽²⁾ = w⁽²⁾·a⁽¹⁾ + b⁽²⁾ = " + sig(fw.z2) + ", ŷ = σ(z⁽²⁾) = " + sig(fw.yhat) + "; loss L = " + lossText + " = " +
        sig(fw.loss) + ".";
      if (stage === 1) return text + " Press B to backpropagate.";
      var g = grads;
      text += " Backward pass: ∂L/∂z⁽²⁾ = ŷ " + MINUS + " y = " + sig(g.d2) + "; ∂L/∂w⁽²⁾ = (ŷ " + MINUS + " y)·a⁽¹⁾ = " +
        vec(g.w2) + ", ∂L/∂b⁽²⁾ = " + sig(g.b2) + "; δ⁽¹⁾ⱼ = (ŷ " + MINUS + " y)·w⁽²⁾ⱼ·" + act.slopeText.split(" = ")[0] +
        " with " + act.slopeText + ": δ⁽¹⁾ = " + vec(g.d1) + "; ∂L/∂W⁽¹⁾ = δ⁽¹⁾ times x, rows " + rows(g.W1) +
        ", ∂L/∂b⁽¹⁾ = δ⁽¹⁾ = " + vec(g.b1) + ".";
      var dead = [];
      fw.z1.forEach(function (z, j) { if (act.slope(z, fw.a1[j]) === 0) dead.push("h" + sub(j + 1)); });
      if (dead.length) {
        text += " " + dead.join(" and ") + (dead.length > 1 ? " are" : " is") + " off (z ≤ 0): ReLU passes no gradient back through " +
          (dead.length > 1 ? "them" : "it") + ", so " + (dead.length > 1 ? "their" : "its") + " incoming weights do not change.";
      }
      return text + " Press U to update.";
    }

    function after() { return forward(net, x, y, act).loss; }

    var view = kit.create(canvas, {
      box: box,
      extent: [],
      handles: [],
      keys: [
        { keys: ["f", "F"], help: "F runs the forward pass", button: "Forward", buttonLabel: "Forward pass (F)",
          run: function () { fw = forward(net, x, y, act); grads = null; stage = 1; return ""; } },
        { keys: ["b", "B"], help: "B the backward pass", button: "Backward", buttonLabel: "Backward pass (B)",
          run: function () {
            if (stage === 0 || stage === 3) {
              return "Run the forward pass first (F): backpropagation needs the values it computes" +
                (stage === 3 ? " with the new weights." : ".");
            }
            grads = backward(net, x, y, act, fw);
            stage = 2;
            return "";
          } },
        { keys: ["u", "U"], help: "U updates the weights", button: "Update", buttonLabel: "Update the weights (U)",
          run: function () {
            if (stage !== 2) return "Compute the gradients first (F, then B): the update needs ∂L/∂w.";
            before = fw.loss;
            net = update(net, grads, eta);
            steps += 1;
            stage = 3;
            return "";
          } },
        { keys: ["r", "R"], help: "R resets", button: "Reset", buttonLabel: "Reset the weights (R)",
          run: function () { net = start; stage = 0; steps = 0; fw = grads = null; return "Reset to the first weights."; } }
      ],
      build: function (board) {
        board.objectsList.forEach(function (o) {
          if (o.elType === "axis" || o.elType === "grid" || o.elType === "ticks") o.setAttribute({ visible: false });
        });
        var nodes = { x: inY.map(function (v) { return [X0, v]; }), h: hidY.map(function (v) { return [XH, v]; }), o: [XO, 0], L: [XL, 0] };
        var edge = function (from, to, color) {
          return board.create("segment", [from, to], { strokeColor: color || "#adb5bd", strokeWidth: 2, fixed: true, highlight: false });
        };
        var along = function (from, to, t) { return [from[0] + (to[0] - from[0]) * t, from[1] + (to[1] - from[1]) * t]; };
        // Edges, then their numbers: input → hidden a little before halfway, where they are apart.
        nodes.h.forEach(function (hp, j) {
          nodes.x.forEach(function (xp, k) {
            edge(xp, hp);
            var at = along(xp, hp, h === 3 ? 0.25 : 0.3);  // where the six numbers lie furthest apart
            text(board, at[0], at[1], function () {
              return edgeText(function () { return net.W1[j][k]; }, function () { return grads.W1[j][k]; });
            });
          });
          edge(hp, nodes.o);
          var mid = along(hp, nodes.o, 0.55);
          text(board, mid[0], mid[1], function () {
            return edgeText(function () { return net.w2[j]; }, function () { return grads.w2[j]; });
          });
        });
        edge(nodes.o, nodes.L, C.faint);
        // Nodes: a ring with the name inside, one number above it.
        var ring = Math.round(font * 1.2);
        var node = function (p, name, color) {
          board.create("point", p, {
            size: ring, fillColor: "#fff", strokeColor: color, strokeWidth: 2, fixed: true,
            highlight: false, withLabel: false, showInfobox: false
          });
          text(board, p[0], p[1], name, color, { fontSize: font + 1, cssClass: "figure-label", highlightCssClass: "figure-label" });
        };
        var gap = (ring + 4) / board.unitY;
        var forwardShown = function () { return stage === 1 || stage === 2; };
        // A unit's numbers: its bias; after the forward pass its sum z and activation; after the
        // backward pass ∂L/∂b.
        var unitText = function (bias, sum, value, gradient, name) {
          return function () {
            // (on a phone the single names are left to the key under the graph)
            if (stage === 2) return patch((narrow ? "" : "\u2202L/\u2202b = ") + sig(gradient()), C.orange);
            if (stage === 1) return patch("z = " + sig(sum()) + "<br>" + name + " = " + sig(value()), C.blue);
            return patch((narrow ? "" : "b = ") + sig(bias()), "#495057");
          };
        };
        nodes.x.forEach(function (p, k) {
          node(p, "x" + sub(k + 1), C.grey);
          // above x₁ and below x₂, each pulled left, clear of the edges' numbers
          text(board, p[0] + 0.05, p[1] + (k === 0 ? gap : -gap), patch("x" + sub(k + 1) + " = " + sig(x[k]), "#495057"), null,
            { anchorX: "right", anchorY: k === 0 ? "bottom" : "top" });
        });
        nodes.h.forEach(function (p, j) {
          node(p, "h" + sub(j + 1), C.blue);
          text(board, p[0] - 0.3, p[1] + gap, unitText(function () { return net.b1[j]; }, function () { return fw.z1[j]; }, function () { return fw.a1[j]; },
            function () { return grads.b1[j]; }, "a"), null, { anchorX: "left", anchorY: "bottom" });
        });
        node(nodes.o, "\u0177", C.purple);
        text(board, XO - 0.3, gap, unitText(function () { return net.b2; }, function () { return fw.z2; }, function () { return fw.yhat; },
          function () { return grads.b2; }, "\u0177"), null, { anchorX: "left", anchorY: "bottom" });
        node(nodes.L, "L", C.orange);
        // Under the loss: the label y, then the loss itself (before and after an update).
        text(board, box[2] - 0.05, -gap, function () {
          var words = patch("y = " + y, "#495057");
          if (stage === 3) return words + "<br>" + patch("L: " + sig(before) + " \u2192 " + sig(after()), C.orange);
          return forwardShown() ? words + "<br>" + patch("L = " + sig(fw.loss), C.orange) : words;
        }, null, { anchorX: "right", anchorY: "top", cssStyle: "text-align:right" });
        // What the numbers on the edges are, now.
        text(board, box[0] + 0.05, box[3] + 0.05, function () {
          if (stage === 2) {
            return "<span style=\"color:" + C.orange + "\">on the edges: \u2202L/\u2202w; on the units: \u2202L/\u2202b</span>";
          }
          if (stage === 1) return "on the edges: the weights w; on the units: the sum z and the activation a (\u0177 for the output)";
          return stage === 3 ? "on the edges: the new weights w; on the units: the new biases b"
            : "on the edges: the weights w; on the units: the biases b";
        }, "#495057", { anchorX: "left", anchorY: "bottom", fontSize: Math.max(font - 1, 11) });
      },
      describe: describe
    });
  };

  window.mlmathFigures.network.math = { forward: forward, backward: backward, update: update, activations: ACTIVATIONS };
})();
