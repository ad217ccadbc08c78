// Contact network on a canvas: a deterministic force layout (grid-approximated repulsion, capped
// iterations, so 2,000 actors lay out in well under a second), zoom/pan, click a node for the
// actor or an edge for the pair's events. The view (centre and zoom) is kept in the URL.
(function () {
  "use strict";
  const canvas = document.getElementById("network");
  const source = document.getElementById("network-data");
  if (!canvas || !source) return;
  const data = JSON.parse(source.textContent);
  const tip = document.getElementById("network-tip");
  const ctx = canvas.getContext("2d");

  function hash(text) {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 16777619); }
    return h >>> 0;
  }
  // Distinct colours for the most active countries (by events), grey for the rest.
  const PALETTE = ["#1f6fb2", "#b3261e", "#2e7d32", "#b45309", "#7b3fa0", "#00838f", "#ad1457",
    "#5d4037", "#3949ab", "#827717", "#c2185b", "#00695c"];
  const activity = new Map();
  data.nodes.forEach(function (n) { activity.set(n.country || "?", (activity.get(n.country || "?") || 0) + n.events); });
  const ranked = Array.from(activity.entries()).sort(function (a, b) { return b[1] - a[1] || (a[0] < b[0] ? -1 : 1); });
  const countryColour = new Map(ranked.map(function (entry, i) {
    return [entry[0], entry[0] !== "?" && i < PALETTE.length ? PALETTE[i] : "#8a8a8a"];
  }));
  function colour(country) { return countryColour.get(country || "?") || "#8a8a8a"; }

  const nodes = data.nodes.map(function (n, i) { return Object.assign({}, n, { i: i, x: 0, y: 0, dx: 0, dy: 0 }); });
  const byId = new Map(nodes.map(function (n) { return [n.id, n]; }));
  const edges = data.edges
    .map(function (e) { return { s: byId.get(e.source), t: byId.get(e.target), w: e.events }; })
    .filter(function (e) { return e.s && e.t; });
  const widths = new Map();
  edges.forEach(function (e) {
    e.width = Math.round((0.6 + Math.log2(1 + e.w)) * 2) / 2;
    (widths.get(e.width) || widths.set(e.width, []).get(e.width)).push(e);
  });
  const maxEvents = Math.max.apply(null, nodes.map(function (n) { return n.events; }).concat([1]));
  nodes.forEach(function (n) { n.r = 2.5 + 8 * Math.sqrt(n.events / maxEvents); });
  const labelled = new Set(nodes.slice(0, 25).map(function (n) { return n.id; }));

  // -- layout ---------------------------------------------------------------------------
  function layout() {
    const spread = 40 * Math.sqrt(nodes.length + 1);
    const countries = Array.from(new Set(nodes.map(function (n) { return n.country || "?"; }))).sort();
    const anchor = new Map(countries.map(function (c, k) {
      const angle = 2 * Math.PI * k / countries.length;
      return [c, [Math.cos(angle) * spread * 0.5, Math.sin(angle) * spread * 0.5]];
    }));
    nodes.forEach(function (n) {
      const h = hash(n.id), a = anchor.get(n.country || "?");
      const angle = (h % 3600) / 3600 * 2 * Math.PI, radius = ((h >>> 12) % 1000) / 1000 * spread * 0.3;
      n.x = a[0] + Math.cos(angle) * radius; n.y = a[1] + Math.sin(angle) * radius;
    });
    const k = 28, cell = 3 * k, iterations = nodes.length > 500 ? 160 : 300;
    for (let step = 0; step < iterations; step++) {
      const heat = spread * 0.08 * (1 - step / iterations) + 0.5;
      const grid = new Map();
      nodes.forEach(function (n) {
        n.dx = -n.x * 0.02; n.dy = -n.y * 0.02;  // gravity keeps components together
        const key = Math.floor(n.x / cell) * 65536 + Math.floor(n.y / cell);
        (grid.get(key) || grid.set(key, []).get(key)).push(n);
      });
      nodes.forEach(function (n) {
        const gx = Math.floor(n.x / cell), gy = Math.floor(n.y / cell);
        for (let ox = -1; ox <= 1; ox++) for (let oy = -1; oy <= 1; oy++) {
          const near = grid.get((gx + ox) * 65536 + gy + oy);
          if (!near) continue;
          for (const m of near) {
            if (m === n) continue;
            let vx = n.x - m.x, vy = n.y - m.y, d2 = vx * vx + vy * vy;
            if (d2 < 0.01) { vx = (n.i - m.i) * 0.1 + 0.1; vy = 0.1; d2 = vx * vx + vy * vy; }
            if (d2 > cell * cell) continue;
            const f = k * k / d2;
            n.dx += vx * f; n.dy += vy * f;
          }
        }
      });
      edges.forEach(function (e) {
        const vx = e.t.x - e.s.x, vy = e.t.y - e.s.y, d = Math.sqrt(vx * vx + vy * vy) + 0.01;
        const f = d / k * Math.min(3, 1 + Math.log(e.w)) * 0.5;
        e.s.dx += vx * f / d * k * 0.1; e.s.dy += vy * f / d * k * 0.1;
        e.t.dx -= vx * f / d * k * 0.1; e.t.dy -= vy * f / d * k * 0.1;
      });
      nodes.forEach(function (n) {
        const d = Math.sqrt(n.dx * n.dx + n.dy * n.dy) + 1e-9, move = Math.min(d, heat);
        n.x += n.dx / d * move; n.y += n.dy / d * move;
      });
    }
  }

  // -- view -----------------------------------------------------------------------------
  let view = { cx: 0, cy: 0, k: 1 };
  let hover = null;
  function fit() {
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    nodes.forEach(function (n) { minX = Math.min(minX, n.x); maxX = Math.max(maxX, n.x); minY = Math.min(minY, n.y); maxY = Math.max(maxY, n.y); });
    const w = canvas.clientWidth, h = canvas.clientHeight;
    const k = Math.min(w / (maxX - minX + 80), h / (maxY - minY + 80), 3);
    return { cx: (minX + maxX) / 2, cy: (minY + maxY) / 2, k: k };
  }
  function readView() {
    const raw = new URLSearchParams(location.search).get("view");
    const parts = raw ? raw.split(",").map(Number) : [];
    return parts.length === 3 && parts.every(isFinite) && parts[2] > 0 ? { cx: parts[0], cy: parts[1], k: parts[2] } : null;
  }
  let saveTimer = null;
  function saveView() {
    clearTimeout(saveTimer);
    saveTimer = setTimeout(function () {
      const url = new URL(location.href);
      url.searchParams.set("view", [view.cx.toFixed(1), view.cy.toFixed(1), view.k.toFixed(3)].join(","));
      history.replaceState(null, "", url);
    }, 200);
  }
  function toScreen(n) {
    return { x: (n.x - view.cx) * view.k + canvas.clientWidth / 2, y: (n.y - view.cy) * view.k + canvas.clientHeight / 2 };
  }
  function radius(n) { return Math.max(2, n.r * Math.min(1.2, Math.sqrt(view.k))); }

  function draw() {
    const dpr = window.devicePixelRatio || 1, w = canvas.clientWidth, h = canvas.clientHeight;
    if (canvas.width !== Math.round(w * dpr)) { canvas.width = Math.round(w * dpr); canvas.height = Math.round(h * dpr); }
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, w, h);
    const pos = nodes.map(toScreen);
    // One path per line width (few strokes for thousands of edges); hovered ones on top.
    ctx.strokeStyle = "rgba(70,70,90,0.28)";
    widths.forEach(function (group, width) {
      ctx.lineWidth = width;
      ctx.beginPath();
      group.forEach(function (e) {
        const a = pos[e.s.i], b = pos[e.t.i];
        ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y);
      });
      ctx.stroke();
    });
    if (hover) {
      ctx.strokeStyle = "rgba(11,87,164,0.9)";
      edges.forEach(function (e) {
        if (hover.node !== e.s && hover.node !== e.t && hover.edge !== e) return;
        const a = pos[e.s.i], b = pos[e.t.i];
        ctx.lineWidth = e.width * 1.6;
        ctx.beginPath(); ctx.moveTo(a.x, a.y); ctx.lineTo(b.x, b.y); ctx.stroke();
      });
    }
    nodes.forEach(function (n) {
      const p = pos[n.i];
      if (p.x < -20 || p.y < -20 || p.x > w + 20 || p.y > h + 20) return;
      ctx.beginPath(); ctx.arc(p.x, p.y, radius(n), 0, 2 * Math.PI);
      ctx.fillStyle = colour(n.country); ctx.fill();
      ctx.lineWidth = hover && hover.node === n ? 3 : 1; ctx.strokeStyle = "#fff"; ctx.stroke();
    });
    // Labels for the most active actors first, skipping any that would overlap one drawn.
    ctx.font = "12px system-ui, sans-serif"; ctx.lineJoin = "round";
    const taken = new Set();
    nodes.forEach(function (n) {
      const hovered = hover && hover.node === n;
      if (!(hovered || labelled.has(n.id) || radius(n) >= 9)) return;
      const p = pos[n.i], x = p.x + radius(n) + 3, y = p.y + 4;
      if (p.x < 0 || p.y < 0 || p.x > w || p.y > h) return;
      const width = ctx.measureText(n.name).width, cells = [];
      for (let cx = Math.floor(x / 40); cx <= Math.floor((x + width) / 40); cx++) {
        cells.push(cx * 4096 + Math.floor(y / 16));
      }
      if (!hovered && cells.some(function (c) { return taken.has(c); })) return;
      cells.forEach(function (c) { taken.add(c); });
      ctx.lineWidth = 3; ctx.strokeStyle = "rgba(255,255,255,0.9)"; ctx.strokeText(n.name, x, y);
      ctx.fillStyle = "#1a1a1a"; ctx.fillText(n.name, x, y);
    });
  }

  function segmentDistance(px, py, a, b) {
    const vx = b.x - a.x, vy = b.y - a.y, len = vx * vx + vy * vy;
    const t = len ? Math.max(0, Math.min(1, ((px - a.x) * vx + (py - a.y) * vy) / len)) : 0;
    const x = a.x + t * vx - px, y = a.y + t * vy - py;
    return Math.sqrt(x * x + y * y);
  }
  function hit(px, py) {
    let best = null, bestD = Infinity;
    nodes.forEach(function (n) {
      const p = toScreen(n), d = Math.hypot(p.x - px, p.y - py);
      if (d <= radius(n) + 3 && d < bestD) { best = n; bestD = d; }
    });
    if (best) return { node: best };
    let edge = null; bestD = 5;
    edges.forEach(function (e) {
      const d = segmentDistance(px, py, toScreen(e.s), toScreen(e.t));
      if (d < bestD) { edge = e; bestD = d; }
    });
    return edge ? { edge: edge } : null;
  }
  function open(target) {
    if (target.node) { location.href = "/actor/" + encodeURIComponent(target.node.id); return; }
    const url = new URL(canvas.dataset.eventsUrl, location.origin);
    url.searchParams.set("ids", target.edge.s.id + "," + target.edge.t.id);
    location.href = url.pathname + url.search;
  }
  function zoomAt(px, py, factor) {
    const wx = (px - canvas.clientWidth / 2) / view.k + view.cx, wy = (py - canvas.clientHeight / 2) / view.k + view.cy;
    view.k = Math.max(0.05, Math.min(40, view.k * factor));
    view.cx = wx - (px - canvas.clientWidth / 2) / view.k; view.cy = wy - (py - canvas.clientHeight / 2) / view.k;
    saveView(); draw();
  }

  let drag = null;
  canvas.addEventListener("mousedown", function (ev) { drag = { x: ev.offsetX, y: ev.offsetY, cx: view.cx, cy: view.cy, moved: false }; });
  canvas.addEventListener("mousemove", function (ev) {
    if (drag) {
      const dx = ev.offsetX - drag.x, dy = ev.offsetY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) drag.moved = true;
      if (drag.moved) { view.cx = drag.cx - dx / view.k; view.cy = drag.cy - dy / view.k; saveView(); draw(); }
      return;
    }
    const found = hit(ev.offsetX, ev.offsetY);
    const changed = (found && (found.node || found.edge)) !== (hover && (hover.node || hover.edge));
    hover = found;
    canvas.style.cursor = found ? "pointer" : "grab";
    if (found) {
      tip.hidden = false;
      tip.textContent = found.node ? found.node.name + (found.node.country ? " (" + found.node.country + ")" : "") + " · " + found.node.events + " events"
        : found.edge.s.name + " – " + found.edge.t.name + " · " + found.edge.w + " events";
      tip.style.left = (ev.offsetX + 14) + "px"; tip.style.top = (ev.offsetY + 10) + "px";
    } else { tip.hidden = true; }
    if (changed) draw();
  });
  window.addEventListener("mouseup", function (ev) {
    if (!drag) return;
    const wasClick = !drag.moved && ev.target === canvas;
    drag = null;
    if (wasClick) { const found = hit(ev.offsetX, ev.offsetY); if (found) open(found); }
  });
  canvas.addEventListener("mouseleave", function () { hover = null; tip.hidden = true; draw(); });
  canvas.addEventListener("wheel", function (ev) { ev.preventDefault(); zoomAt(ev.offsetX, ev.offsetY, ev.deltaY < 0 ? 1.2 : 1 / 1.2); }, { passive: false });
  canvas.addEventListener("keydown", function (ev) {
    const step = 60 / view.k, w = canvas.clientWidth / 2, h = canvas.clientHeight / 2;
    const keys = {
      ArrowLeft: function () { view.cx -= step; }, ArrowRight: function () { view.cx += step; },
      ArrowUp: function () { view.cy -= step; }, ArrowDown: function () { view.cy += step; },
      "+": function () { zoomAt(w, h, 1.25); }, "=": function () { zoomAt(w, h, 1.25); },
      "-": function () { zoomAt(w, h, 0.8); }, "0": function () { view = fit(); },
    };
    if (!keys[ev.key]) return;
    ev.preventDefault(); keys[ev.key](); saveView(); draw();
  });
  document.getElementById("network-reset").addEventListener("click", function () { view = fit(); saveView(); draw(); });
  window.addEventListener("resize", draw);

  const legend = document.getElementById("network-legend");
  ranked.slice(0, PALETTE.length).forEach(function (entry) {
    const span = document.createElement("span"), dot = document.createElement("i");
    dot.style.background = colour(entry[0]);
    span.append(dot, entry[0]);
    legend.appendChild(span);
  });

  layout();
  view = readView() || fit();
  draw();
  // For browser tests and scripts: where a node is drawn (CSS pixels within the canvas).
  window.diplowatchNetwork = {
    position: function (id) { const n = byId.get(id); return n ? toScreen(n) : null; },
    view: function () { return Object.assign({}, view); },
  };
})();
