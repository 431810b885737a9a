// Interactive figures: each <figure class="interactive" data-kind=…> is drawn by the function
// registered for its kind (scripts under /static/figures/ register them). Until one is, the
// figure shows its text alternative. Figures arriving later through htmx (practice panels) are
// drawn when they arrive.
//
// window.mlmathFigureKit holds what every kind shares: a JSXGraph board sized to the numbers,
// draggable handles that snap to a grid, keyboard control, and a live readout (aria-live) that
// says in words what the figure shows — the figure's text alternative.
(function () {
  "use strict";
  window.mlmathFigures = window.mlmathFigures || {};

  var MINUS = "\u2212";
  var EPS = 1e-9;
  var counter = 0;
  var boards = [];

  var COLORS = {
    blue: "#1f5fbf",
    orange: "#c2410c",
    green: "#2b8a3e",
    purple: "#7048e8",
    grey: "#868e96",
    faint: "#adb5bd"
  };

  // --- numbers in words ------------------------------------------------------------------

  function fraction(x) {
    if (!isFinite(x)) return null;
    for (var q = 1; q <= 12; q++) {
      var p = Math.round(x * q);
      if (Math.abs(p / q - x) < EPS) return [p, q];
    }
    return null;
  }

  // A number as a learner would write it: 2, −1.5, 0.25, 1/3, or 3.46 (two decimals at most).
  function num(x) {
    if (Math.abs(x) < EPS) return "0";
    var f = fraction(x);
    var size;
    if (f && f[1] === 1) size = String(Math.abs(f[0]));
    else if (f && 100 % f[1] === 0) size = String(Math.abs(f[0]) / f[1]);
    else if (f) size = Math.abs(f[0]) + "/" + f[1];
    else size = String(Number(Math.abs(x).toFixed(2)));
    if (size === "0") return "0";
    return (x < 0 ? MINUS : "") + size;
  }

  function vec(p) { return "(" + num(p[0]) + ", " + num(p[1]) + ")"; }

  function isZero(x) { return Math.abs(x) < EPS; }

  // --- the board -----------------------------------------------------------------------------

  function halfHeight(points, least) {
    var m = 0;
    points.forEach(function (p) { m = Math.max(m, Math.abs(p[0]) * 0.75, Math.abs(p[1])); });
    return Math.max(least, Math.ceil(m * 1.25 + 0.5));
  }

  function snap(x, step) { return Number((Math.round(x / step) * step).toFixed(6)); }

  // A round grid spacing (1, 2 or 5 times a power of ten) giving about `lines` lines over `span`.
  function niceStep(span, lines) {
    var raw = span / (lines || 8);
    var p = Math.pow(10, Math.floor(Math.log10(raw)));
    var m = raw / p;
    return (m < 1.5 ? 1 : m < 3.5 ? 2 : m < 7.5 ? 5 : 10) * p;
  }

  // Axes for a board whose box need not contain the origin: each axis sits at 0 when 0 is in
  // view, else along the edge of the box (a frame), with its numbers inside the box.
  function boxAxes(board, bbox) {
    var dx = niceStep(bbox[2] - bbox[0]);
    var dy = niceStep(bbox[1] - bbox[3]);
    // JSXGraph labels only the ticks at least half a font size inside the canvas: an axis on
    // the frame sits a few pixels in from the edge, or its numbers would be left out.
    var insetX = 8 / board.unitX, insetY = 8 / board.unitY;
    var y0 = Math.min(Math.max(0, bbox[3] + insetY), bbox[1] - insetY);
    var x0 = Math.min(Math.max(0, bbox[0] + insetX), bbox[2] - insetX);
    var atBottom = y0 !== 0 && y0 < (bbox[1] + bbox[3]) / 2;
    var atLeft = x0 !== 0 && x0 < (bbox[0] + bbox[2]) / 2;
    var common = { strokeColor: COLORS.faint, highlight: false, fixed: true, withLabel: false, lastArrow: false };
    var tickAttrs = { strokeColor: COLORS.faint, minorTicks: 0, majorHeight: 6, insertTicks: false, drawZero: true,
      label: { fontSize: 12, strokeColor: "#495057", highlight: false } };
    var xAxis = board.create("axis", [[x0, y0], [x0 + 1, y0]], Object.assign({}, common, {
      ticks: Object.assign({}, tickAttrs, { ticksDistance: dx, drawZero: x0 !== 0,
        label: Object.assign({}, tickAttrs.label, { offset: [-4, atBottom ? 10 : -12], anchorX: "middle" }) })
    }));
    var yAxis = board.create("axis", [[x0, y0], [x0, y0 + 1]], Object.assign({}, common, {
      ticks: Object.assign({}, tickAttrs, { ticksDistance: dy, drawZero: y0 !== 0,
        label: Object.assign({}, tickAttrs.label, { offset: [atLeft ? 8 : -8, 0], anchorX: atLeft ? "left" : "right", anchorY: "middle" }) })
    }));
    var grid = board.create("grid", [], { majorStep: [dx, dy], minorElements: 0, strokeColor: "#e9ecef", strokeOpacity: 1 });
    return [xAxis, yAxis, grid];
  }

  function freeDetached() {
    boards = boards.filter(function (b) {
      if (document.body.contains(b.containerObj)) return true;
      try { window.JXG.JSXGraph.freeBoard(b); } catch (e) { /* already gone */ }
      return false;
    });
  }

  // spec: {extent: [[x, y], …], minHalfHeight, step, handles: [{label, at: [x, y], color}], selected,
  //        build(board, handles, origin), describe(handles) → text}
  // Optional: box [xmin, ymax, xmax, ymin] (a board not centred on the origin; keepAspect to keep
  // its proportions; the returned reframe(box) moves it to another box, its axes renumbered);
  // handles may be empty (a figure driven by its keys and buttons alone); a handle with along: f (x ↦ y) moves along the graph of f, left and right
  // (path: how the key help says it, "along the graph" unless given);
  // keys: [{keys: ["Enter", …], help: "Enter takes a step", button: "Step", run() → words}] are
  // extra keys, each with an optional button doing the same.
  function create(canvas, spec) {
    var JXG = window.JXG;
    var figure = canvas.closest("figure") || canvas.parentNode;
    var step = spec.step || 0.5;
    var bbox;
    if (spec.box) {
      bbox = spec.box;
    } else {
      var h = halfHeight(spec.extent.concat(spec.handles.map(function (s) { return s.at; })),
        spec.minHalfHeight || 4);
      var w = h * 4 / 3;
      bbox = [-w, h, w, -h];
    }
    counter += 1;
    if (!canvas.id) canvas.id = "figure-board-" + counter;
    var board = JXG.JSXGraph.initBoard(canvas.id, {
      boundingbox: bbox,
      keepaspectratio: spec.box ? !!spec.keepAspect : true,
      axis: !spec.box,
      grid: false,
      showCopyright: false,
      showNavigation: false,
      pan: { enabled: false },
      zoom: { enabled: false, wheel: false },
      keyboard: { enabled: false },
      showInfobox: false,
      defaultAxes: {
        x: { strokeColor: COLORS.faint, ticks: { strokeColor: COLORS.faint, minorTicks: 0, majorHeight: 6 } },
        y: { strokeColor: COLORS.faint, ticks: { strokeColor: COLORS.faint, minorTicks: 0, majorHeight: 6 } }
      }
    });
    boards.push(board);
    var frame = [];
    if (spec.box) {
      frame = boxAxes(board, bbox);
    } else {
      // About ten lines each way however large the numbers: never a mesh too dense to read.
      var gridStep = h > 25 ? niceStep(2 * h, 10) : h > 12 ? 5 : h > 7 ? 2 : 1;
      board.create("grid", [], { majorStep: [gridStep, gridStep], minorElements: 0, strokeColor: "#e9ecef", strokeOpacity: 1 });
    }
    var origin = board.create("point", [0, 0], { fixed: true, visible: false, withLabel: false });

    var handles = spec.handles.map(function (s) {
      return board.create("point", s.at, {
        name: s.label,
        size: 5,
        fillColor: s.color,
        strokeColor: s.color,
        highlightFillColor: s.color,
        highlightStrokeColor: "#000",
        snapToGrid: !s.along,
        snapSizeX: step,
        snapSizeY: step,
        showInfobox: false,
        label: { offset: s.labelOffset || [8, 10], fontSize: 15, strokeColor: s.color, cssClass: "figure-label", highlightCssClass: "figure-label" }
      });
    });
    var xLimits = [snap(bbox[0] + step, step), snap(bbox[2] - step, step)];
    function onCurve(i, x) {
      x = Math.min(Math.max(x, xLimits[0]), xLimits[1]);
      var y = spec.handles[i].along(x);
      return [x, isFinite(y) ? y : 0];
    }
    spec.handles.forEach(function (s, i) {
      if (!s.along) return;
      var p = handles[i];
      p.setPositionDirectly(JXG.COORDS_BY_USER, onCurve(i, p.X()));
      // Dragged anywhere, the point drops onto the graph above or below the pointer.
      p.on("drag", function () {
        p.setPositionDirectly(JXG.COORDS_BY_USER, onCurve(i, snap(p.X(), step)));
      });
    });
    spec.build(board, handles, origin);

    // The readout: visible to everyone, announced to screen readers (the text alternative).
    counter += 1;
    var readout = document.createElement("p");
    readout.className = "figure-readout";
    readout.id = "figure-readout-" + counter;
    readout.setAttribute("aria-live", "polite");
    canvas.parentNode.insertBefore(readout, canvas.nextSibling);

    var keys = document.createElement("p");
    keys.className = "figure-keys";
    keys.id = "figure-keys-" + counter;
    var caption = figure.querySelector("figcaption");
    var captionText = caption ? caption.textContent : "";
    (caption || figure).appendChild(keys);

    var extra = spec.keys || [];
    var selected = spec.selected || 0;
    var last = "";

    function keyText() {
      if (!handles.length) {
        var helps = extra.filter(function (k) { return k.help; }).map(function (k) { return k.help; });
        return "Keys: select the figure (click or Tab), then: " + helps.join("; ") + "." +
          (extra.some(function (k) { return k.button; }) ? " Or use the buttons." : "");
      }
      var names = spec.handles.map(function (s) { return s.label; });
      var how = spec.handles[selected].along
        ? "the left and right arrow keys move " + names[selected] + " " +
          (spec.handles[selected].path || "along the graph") + " by "
        : "the arrow keys move " + names[selected] + " by ";
      var text = "Keys: select the figure (click or Tab), then " + how + num(step) + ".";
      if (names.length > 1) {
        text += " Space switches to " + names[(selected + 1) % names.length] +
          " (or press 1–" + names.length + ").";
      }
      extra.forEach(function (k) { if (k.help) text += " " + k.help + "."; });
      return text + " Or drag the points with the mouse or a finger.";
    }

    function refresh(announce) {
      var text = spec.describe(handles);
      if (announce) text = announce + " " + text;
      if (text !== last) {
        readout.textContent = text;
        last = text;
      }
    }

    function select(i) {
      selected = i;
      handles.forEach(function (p, j) {
        p.setAttribute({ size: j === i ? 7 : 5, strokeColor: j === i ? "#000" : spec.handles[j].color, strokeWidth: j === i ? 2 : 1 });
      });
      keys.textContent = keyText();
    }

    function move(dx, dy) {
      if (!handles.length) return;
      var p = handles[selected];
      if (spec.handles[selected].along) {
        if (!dx) return;
        // To the next grid point that way (a point between grid points goes to the nearer one).
        var n = dx > 0 ? Math.floor(p.X() / step + 1e-6) + 1 : Math.ceil(p.X() / step - 1e-6) - 1;
        p.moveTo(onCurve(selected, snap(n * step, step)));
        board.update();
        refresh();
        return;
      }
      var x = snap(p.X() + dx * step, step);
      var y = snap(p.Y() + dy * step, step);
      x = Math.min(Math.max(x, snap(bbox[0] + step, step)), snap(bbox[2] - step, step));
      y = Math.min(Math.max(y, snap(bbox[3] + step, step)), snap(bbox[1] - step, step));
      p.moveTo([x, y]);
      board.update();
      refresh();
    }

    figure.tabIndex = 0;
    figure.setAttribute("role", "application");
    figure.setAttribute("aria-roledescription", "interactive figure");
    figure.setAttribute("aria-label", "Interactive figure. " + captionText);
    figure.setAttribute("aria-describedby", readout.id + " " + keys.id);

    function runExtra(k) {
      var words = k.run();
      board.update();
      refresh(words || "");
    }

    if (extra.some(function (k) { return k.button; })) {
      var controls = document.createElement("div");
      controls.className = "figure-controls";
      extra.forEach(function (k) {
        if (!k.button) return;
        var button = document.createElement("button");
        button.type = "button";
        button.textContent = k.button;
        if (k.buttonLabel) button.setAttribute("aria-label", k.buttonLabel);
        button.addEventListener("click", function () { runExtra(k); });
        controls.appendChild(button);
      });
      readout.parentNode.insertBefore(controls, readout);
    }

    figure.addEventListener("keydown", function (event) {
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.target !== figure) return;  // a button inside the figure handles its own keys
      for (var i = 0; i < extra.length; i++) {
        if (extra[i].keys.indexOf(event.key) >= 0) {
          event.preventDefault();
          runExtra(extra[i]);
          return;
        }
      }
      var moves = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, 1], ArrowDown: [0, -1] };
      if (moves[event.key]) {
        event.preventDefault();
        move(moves[event.key][0], moves[event.key][1]);
      } else if (handles.length && (event.key === " " || event.key === "n" || event.key === "N")) {
        event.preventDefault();
        select((selected + 1) % handles.length);
        refresh("Now moving " + spec.handles[selected].label + ".");
      } else if (/^[1-9]$/.test(event.key) && Number(event.key) <= handles.length) {
        event.preventDefault();
        select(Number(event.key) - 1);
        refresh("Now moving " + spec.handles[selected].label + ".");
      }
    });

    handles.forEach(function (p, i) {
      p.on("down", function () {
        if (selected !== i) select(i);
        if (document.activeElement !== figure) figure.focus({ preventScroll: true });
      });
      p.on("drag", function () { refresh(); });
      p.on("up", function () { refresh(); });
    });

    // Another box for the same board (the numbers to show have moved or grown): axes renumbered.
    function reframe(box) {
      frame.forEach(function (el) { board.removeObject(el); });
      bbox = box;
      xLimits = [snap(bbox[0] + step, step), snap(bbox[2] - step, step)];
      board.setBoundingBox(box, spec.box ? !!spec.keepAspect : true);
      frame = boxAxes(board, box);
      board.fullUpdate();
    }

    if (handles.length) select(selected);
    else keys.textContent = keyText();
    board.update();
    refresh();
    return { board: board, handles: handles, refresh: refresh, box: bbox, reframe: reframe };
  }

  // A number in decimals (up to four places), for values that change in small steps.
  function dec(x) {
    if (!isFinite(x)) return x > 0 ? "\u221e" : x < 0 ? MINUS + "\u221e" : "undefined";
    var size = String(Number(Math.abs(x).toFixed(4)));
    if (Math.abs(x) >= 1e6) size = Math.abs(x).toExponential(2).replace("e+", "\u00d710^");
    if (size === "0") return "0";
    return (x < 0 ? MINUS : "") + size;
  }

  // A probability to four significant figures, never rounded up to a certainty it is not.
  function prob(p) {
    if (p <= 0) return "0";
    if (p >= 1) return "1";
    var text = sig(p, 4);
    return text === "1" ? "> 0.9999" : text;
  }

  var SUPERSCRIPT = { "-": "\u207b", "0": "\u2070", "1": "\u00b9", "2": "\u00b2", "3": "\u00b3",
    "4": "\u2074", "5": "\u2075", "6": "\u2076", "7": "\u2077", "8": "\u2078", "9": "\u2079" };

  // A number to n significant figures (default 4), trailing zeros dropped: 1.414, 0.002453,
  // 2.1×10⁻⁶, 1×10⁻⁸, 3.5×10⁷ — never machine form (no e-notation, no 0.30000000000000004).
  function sig(x, n) {
    n = n || 4;
    if (!isFinite(x)) return dec(x);
    if (x === 0) return "0";
    var size = Math.abs(x);
    var text;
    if (size >= 1e-4 && size < Math.pow(10, Math.max(n, 6))) {
      text = String(Number(size.toPrecision(n)));
      if (/e/.test(text)) text = size.toFixed(0);
    } else {
      var parts = size.toExponential(n - 1).split("e");
      var mantissa = String(Number(parts[0]));
      var power = String(Number(parts[1])).split("").map(function (c) { return SUPERSCRIPT[c]; }).join("");
      text = mantissa + "\u00d710" + power;
    }
    return (x < 0 ? MINUS : "") + text;
  }

  // The coarsest of the usual handle steps (0.5 first) on whose grid every number lies, so the
  // handles start exactly where the numbers say (a handle snaps to its step's grid).
  function fitStep(numbers, preferred) {
    var steps = [preferred || 0.5, 1, 0.5, 0.25, 0.2, 0.1, 0.05, 0.01];
    for (var i = 0; i < steps.length; i++) {
      var s = steps[i];
      if (numbers.every(function (x) { return Math.abs(Math.round(x / s) * s - x) < 1e-9; })) return s;
    }
    return 0.01;
  }

  // The finite values of f(x, y) on a 31 × 31 grid over a board's box [left, top, right,
  // bottom]: what a contour plot picks its levels from.
  function gridValues(box, value) {
    var samples = [];
    for (var i = 0; i <= 30; i++) {
      for (var j = 0; j <= 30; j++) {
        var v = value([box[0] + (box[2] - box[0]) * i / 30, box[3] + (box[1] - box[3]) * j / 30]);
        if (isFinite(v)) samples.push(v);
      }
    }
    return samples;
  }

  // One contour line f(x, y) = c, drawn the same way in every figure.
  function contourLine(board, value, c) {
    return board.create("implicitcurve", [function (x, y) { return value([x, y]) - c; }], {
      strokeColor: COLORS.green, strokeOpacity: 0.55, strokeWidth: 1.5, fixed: true, highlight: false
    });
  }

  window.mlmathFigureKit = {
    gridValues: gridValues,
    contourLine: contourLine,
    sig: sig,
    fitStep: fitStep,
    colors: COLORS,
    create: create,
    niceStep: niceStep,
    dec: dec,
    prob: prob,
    num: num,
    vec: vec,
    isZero: isZero,
    xy: function (p) { return [p.X(), p.Y()]; },
    // An arrow from the origin (or a given point) to a point; tips may be functions.
    arrow: function (board, from, to, attrs) {
      return board.create("arrow", [from, to], Object.assign({
        strokeWidth: 3, fixed: true, highlight: false, lastArrow: { type: 2, size: 5 }
      }, attrs || {}));
    },
    // A label that follows a point given by functions: centred above (or below) it.
    text: function (board, fx, fy, words, color, below) {
      return board.create("text", [fx, fy, words], {
        fixed: true, highlight: false, strokeColor: color, fontSize: 15, cssClass: "figure-label",
        highlightCssClass: "figure-label", anchorX: "middle", anchorY: below ? "top" : "bottom"
      });
    },
    // A hidden point that follows a function of the handles.
    follow: function (board, fx, fy, attrs) {
      return board.create("point", [fx, fy], Object.assign({
        visible: false, fixed: true, withLabel: false, showInfobox: false
      }, attrs || {}));
    }
  };

  // --- the loader ----------------------------------------------------------------------------

  function drawAll(root) {
    if (!window.JXG || !root || !root.querySelectorAll) return;
    freeDetached();
    var figures = Array.prototype.slice.call(root.querySelectorAll("figure.interactive:not(.drawn)"));
    if (root.matches && root.matches("figure.interactive:not(.drawn)")) figures.unshift(root);
    figures.forEach(function (fig) {
      var draw = window.mlmathFigures[fig.getAttribute("data-kind")];
      if (!draw) return;
      var params = {};
      try { params = JSON.parse(fig.getAttribute("data-params") || "{}"); } catch (e) { return; }
      var canvas = fig.querySelector(".figure-canvas");
      fig.classList.add("drawn");  // the canvas needs its size before the board is made
      try {
        draw(canvas, params);
      } catch (e) {
        fig.classList.remove("drawn");
        canvas.innerHTML = "";
        Array.prototype.forEach.call(fig.querySelectorAll(".figure-readout, .figure-keys"), function (el) {
          el.parentNode.removeChild(el);
        });
        if (window.console) window.console.error("figure " + fig.getAttribute("data-kind") + ":", e);
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    drawAll(document.body);
    if (window.htmx) window.htmx.onLoad(function (el) { drawAll(el); });
  });
})();
