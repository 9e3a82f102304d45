/* dipgraph explorer: draws the inline JSON graph as SVG. No dependencies, no network. */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("dipgraph-data").textContent);
  const SVGNS = "http://www.w3.org/2000/svg";
  const QUALIFIERS = [
    "title", "wording", "body", "term", "role", "on_behalf_of", "place", "kind", "action", "by",
    "harm", "relation", "office", "detail", "items", "quantity", "unit", "value", "currency", "contract",
  ];
  const REFS = new Set(["on_behalf_of", "place", "body", "by", "contract"]);
  const $ = (id) => document.getElementById(id);

  const nodes = data.nodes;
  const edges = data.edges;
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // Edges are known inside the page by their index: a relationship key need only be
  // unique between one pair of nodes.
  edges.forEach((e, i) => {
    e.uid = i;
  });
  const byKey = new Map(edges.map((e) => [e.uid, e]));
  const labelColor = new Map(data.labels.map((l) => [l.name, l.color]));
  const typeInfo = new Map(data.types.map((t) => [t.name, t]));

  const state = {
    year: null, // null: all years
    labels: new Set(data.labels.map((l) => l.name)),
    types: new Set(data.types.map((t) => t.name)),
    selected: null, // {kind: "node" | "edge", id}
    hover: null, // node id
    view: { k: 1, x: 0, y: 0 },
    visibleNodes: new Set(),
    visibleEdges: new Set(),
    undated: false, // show undated relationships at a year
    conflict: "", // "": every conflict; else one conflict's part of the graph
  };

  // ---- helpers -------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "class") node.className = v;
      else if (k === "style") node.style.cssText = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v === true ? "" : v);
    }
    for (const c of children.flat()) {
      if (c === null || c === undefined || c === false) continue;
      node.append(c instanceof Node ? c : document.createTextNode(String(c)));
    }
    return node;
  }
  function svg(tag, attrs) {
    const node = document.createElementNS(SVGNS, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }
  // Only an http(s) address becomes a link (the exporter has made a DOI one already):
  // checked again here, so that no javascript: or data: URL can ever be clicked.
  function safeHref(text) {
    if (typeof text !== "string" || !/^https?:\/\//i.test(text)) return null;
    try {
      const url = new URL(text);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  }
  function sourceLink(text, href) {
    const safe = safeHref(href);
    if (!safe) return el("span", { class: "url" }, text);
    return el("a", { class: "ref", href: safe, rel: "noreferrer" }, text);
  }
  const nameOf = (id) => (byId.has(id) ? byId.get(id).name : id);
  const plural = (n, one, many) => `${n} ${n === 1 ? one : many || one + "s"}`;

  // EDTF in words: "24 June 2011", "June 2011", "1994–1997", "from 1997", "until May
  // 1992", "1997 onwards", "about 1993", "the 1990s"; the EDTF itself in brackets.
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December"];
  const SEASONS = { 21: "spring", 22: "summer", 23: "autumn", 24: "winter" };
  function dateWords(text) {
    const about = /[~%]$/.test(text) ? "about " : "";
    const core = text.replace(/[~%?]$/, "");
    let m = /^(\d{3})X$/.exec(core);
    if (m) return `${about}the ${m[1]}0s`;
    m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(core);
    if (!m) return text;
    const [, y, mo, d] = m;
    if (!mo) return about + y;
    const n = Number(mo);
    if (n > 12) return about + (SEASONS[n] ? `${SEASONS[n]} ${y}` : y);
    return about + [d ? String(Number(d)) : null, MONTHS[n - 1], y].filter(Boolean).join(" ");
  }
  function timeWords(text) {
    if (!text.includes("/")) return dateWords(text);
    const [a, b] = text.split("/");
    if (a === ".." || a === "") return b === ".." || b === "" ? "undated" : `until ${dateWords(b)}`;
    if (b === "..") return `${dateWords(a)} onwards`;
    if (b === "") return `from ${dateWords(a)}`;
    return `${dateWords(a)}–${dateWords(b)}`;
  }
  function timeText(item) {
    if (!item.time) return null;
    const words = timeWords(item.time);
    return words === item.time ? item.time : `${words} (${item.time})`;
  }

  // ---- structure -----------------------------------------------------------------
  for (const n of nodes) {
    n.out = [];
    n.in = [];
  }
  for (const e of edges) {
    byId.get(e.source).out.push(e);
    byId.get(e.target).in.push(e);
  }
  for (const n of nodes) n.radius = Math.min(13, 3.5 + 1.5 * Math.sqrt(n.out.length + n.in.length));

  // Parallel edges between one pair of nodes bend apart, on a side fixed by the pair.
  const pairs = new Map();
  for (const e of edges) {
    const pair = e.source < e.target ? `${e.source}\u0000${e.target}` : `${e.target}\u0000${e.source}`;
    if (!pairs.has(pair)) pairs.set(pair, []);
    pairs.get(pair).push(e);
  }
  for (const group of pairs.values()) {
    group.forEach((e, i) => {
      const offset = (i - (group.length - 1) / 2) * 14;
      e.bend = e.source < e.target ? offset : -offset;
    });
  }

  // ---- drawing: created once, then shown/hidden and moved ---------------------------
  const graphSvg = $("graph");
  const edgeLayer = $("edges");
  const nodeLayer = $("nodes");
  const labelLayer = $("labels");
  const markers = $("markers");
  const tooltip = $("tooltip");

  data.types.forEach((t, i) => {
    t.marker = `arrow-${i}`;
    const m = svg("marker", {
      id: t.marker,
      viewBox: "0 0 10 10",
      refX: "10",
      refY: "5",
      markerWidth: "8",
      markerHeight: "8",
      markerUnits: "userSpaceOnUse",
      orient: "auto",
    });
    m.append(svg("path", { d: "M0,1 L10,5 L0,9 z", fill: t.color }));
    markers.append(m);
  });

  for (const e of edges) {
    const g = svg("g", { class: "edge" + (e.disputed ? " disputed" : ""), "data-key": e.key, "data-type": e.type });
    e.hit = svg("path", { class: "hit" });
    e.line = svg("path", {
      class: "line",
      stroke: typeInfo.get(e.type).color,
      "marker-end": `url(#${typeInfo.get(e.type).marker})`,
    });
    g.append(e.hit, e.line);
    g.addEventListener("click", (ev) => {
      ev.stopPropagation();
      select({ kind: "edge", id: e.uid });
    });
    g.addEventListener("pointerenter", (ev) => showTip(ev, edgeTip(e)));
    g.addEventListener("pointermove", moveTip);
    g.addEventListener("pointerleave", hideTip);
    e.el = g;
    edgeLayer.append(g);
  }
  for (const n of nodes) {
    const g = svg("g", { class: "node", "data-id": n.id, "data-label": n.label });
    n.circle = svg("circle", { r: n.radius, fill: labelColor.get(n.label) });
    g.append(n.circle);
    g.addEventListener("click", (ev) => {
      ev.stopPropagation();
      select({ kind: "node", id: n.id });
    });
    g.addEventListener("pointerenter", (ev) => {
      state.hover = n.id;
      showTip(ev, nodeTip(n));
      highlight();
    });
    g.addEventListener("pointermove", moveTip);
    g.addEventListener("pointerleave", () => {
      state.hover = null;
      hideTip();
      highlight();
    });
    n.el = g;
    nodeLayer.append(g);
  }

  const screen = (n) => [n.x * state.view.k + state.view.x, n.y * state.view.k + state.view.y];

  function place() {
    for (const n of nodes) {
      const [x, y] = screen(n);
      n.sx = x;
      n.sy = y;
      n.el.setAttribute("transform", `translate(${x.toFixed(1)},${y.toFixed(1)})`);
    }
    for (const e of edges) {
      const a = byId.get(e.source);
      const b = byId.get(e.target);
      const dx = b.sx - a.sx;
      const dy = b.sy - a.sy;
      const len = Math.hypot(dx, dy) || 1;
      const bend = e.bend * Math.min(1, len / 60);
      const cx = (a.sx + b.sx) / 2 - (dy / len) * bend;
      const cy = (a.sy + b.sy) / 2 + (dx / len) * bend;
      // Leave the circles: start and end on their rims, aiming at the control point.
      const ux1 = cx - a.sx;
      const uy1 = cy - a.sy;
      const l1 = Math.hypot(ux1, uy1) || 1;
      const ux2 = b.sx - cx;
      const uy2 = b.sy - cy;
      const l2 = Math.hypot(ux2, uy2) || 1;
      const x1 = a.sx + (ux1 / l1) * a.radius;
      const y1 = a.sy + (uy1 / l1) * a.radius;
      const x2 = b.sx - (ux2 / l2) * (b.radius + 1.5);
      const y2 = b.sy - (uy2 / l2) * (b.radius + 1.5);
      const d = e.bend
        ? `M${x1.toFixed(1)},${y1.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`
        : `M${x1.toFixed(1)},${y1.toFixed(1)} L${x2.toFixed(1)},${y2.toFixed(1)}`;
      e.line.setAttribute("d", d);
      e.hit.setAttribute("d", d);
    }
    drawLabels();
  }

  // ---- visibility ------------------------------------------------------------------
  // An undated relationship belongs to no year: at a year it shows only when asked for,
  // or the early mediators named without a date would "mediate" in 1950.
  const undated = (e) => e.from === null && e.to === null;
  const inYear = (e, y) =>
    y === null ||
    (undated(e) ? state.undated : (e.from === null || e.from <= y) && (e.to === null || e.to >= y));

  // With a conflict chosen, a node shows when that conflict's part of the graph holds it.
  const inConflict = (n) => !state.conflict || (n.conflicts || []).includes(state.conflict);

  function compute() {
    const ve = new Set();
    const vn = new Set();
    for (const e of edges) {
      if (!state.types.has(e.type) || !inYear(e, state.year)) continue;
      const a = byId.get(e.source);
      const b = byId.get(e.target);
      if (!state.labels.has(a.label) || !state.labels.has(b.label)) continue;
      if (!inConflict(a) || !inConflict(b)) continue;
      ve.add(e.uid);
      vn.add(a.id);
      vn.add(b.id);
    }
    if (state.year === null) {
      // Nodes with no relationship at all belong to no year; show them only in "all years".
      for (const n of nodes)
        if (!n.out.length && !n.in.length && state.labels.has(n.label) && inConflict(n)) vn.add(n.id);
    }
    state.visibleEdges = ve;
    state.visibleNodes = vn;
    for (const e of edges) e.el.classList.toggle("hidden", !ve.has(e.uid));
    for (const n of nodes) {
      n.el.classList.toggle("hidden", !vn.has(n.id));
      n.degree = 0;
    }
    for (const k of ve) {
      const e = byKey.get(k);
      byId.get(e.source).degree += 1;
      byId.get(e.target).degree += 1;
    }
    updateCounts();
    highlight();
    drawLabels();
    if (state.selected) renderPanel();
  }

  function updateCounts() {
    const nn = state.visibleNodes.size;
    const ne = state.visibleEdges.size;
    const counts = $("counts");
    counts.dataset.nodes = nn;
    counts.dataset.edges = ne;
    counts.replaceChildren(
      el("b", {}, String(nn)),
      ` ${nn === 1 ? "node" : "nodes"} · `,
      el("b", {}, String(ne)),
      ` ${ne === 1 ? "relationship" : "relationships"} `,
      state.year === null ? "· all years" : `· in ${state.year}`
    );
    const byLabel = new Map();
    for (const id of state.visibleNodes) {
      const l = byId.get(id).label;
      byLabel.set(l, (byLabel.get(l) || 0) + 1);
    }
    const byType = new Map();
    for (const k of state.visibleEdges) {
      const t = byKey.get(k).type;
      byType.set(t, (byType.get(t) || 0) + 1);
    }
    for (const li of document.querySelectorAll("#label-filters li")) {
      li.querySelector(".n").textContent = byLabel.get(li.dataset.name) || 0;
      li.classList.toggle("off", !state.labels.has(li.dataset.name));
    }
    for (const li of document.querySelectorAll("#type-filters li[data-name]")) {
      li.querySelector(".n").textContent = byType.get(li.dataset.name) || 0;
      li.classList.toggle("off", !state.types.has(li.dataset.name));
      li.querySelector("input").checked = state.types.has(li.dataset.name); // a family box may have changed it
    }
    for (const li of document.querySelectorAll("#type-filters li.family")) {
      const members = data.types.filter((t) => t.family === li.dataset.family);
      const on = members.filter((t) => state.types.has(t.name)).length;
      const box = li.querySelector("input[data-family]");
      box.checked = on > 0;
      box.indeterminate = on > 0 && on < members.length;
      li.classList.toggle("off", on === 0);
      li.querySelector(":scope > label .n").textContent = members.reduce((a, t) => a + (byType.get(t.name) || 0), 0);
    }
  }

  // ---- focus: the selection (or the hovered node) and its neighbourhood -------------
  function focusSets() {
    const hn = new Set();
    const he = new Set();
    const sel = state.selected;
    if (sel && sel.kind === "edge") {
      const e = byKey.get(sel.id);
      he.add(e.uid);
      hn.add(e.source).add(e.target);
    } else {
      const id = sel ? sel.id : state.hover;
      if (!id) return null;
      hn.add(id);
      const n = byId.get(id);
      for (const e of n.out.concat(n.in)) {
        if (!state.visibleEdges.has(e.uid)) continue;
        he.add(e.uid);
        hn.add(e.source).add(e.target);
      }
    }
    return { hn, he };
  }

  function highlight() {
    const f = focusSets();
    graphSvg.classList.toggle("focus", !!f);
    const sel = state.selected;
    for (const n of nodes) {
      n.el.classList.toggle("hl", !!f && f.hn.has(n.id));
      n.el.classList.toggle("sel", !!sel && sel.kind === "node" && sel.id === n.id);
    }
    for (const e of edges) {
      e.el.classList.toggle("hl", !!f && f.he.has(e.uid));
      e.el.classList.toggle("sel", !!sel && sel.kind === "edge" && sel.id === e.uid);
    }
    drawLabels();
  }

  // ---- labels: the most connected names that fit, plus whatever is in focus ---------
  const measure = document.createElement("canvas").getContext("2d");
  function textWidth(text, strong) {
    measure.font = `${strong ? "600 12px" : "11px"} system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif`;
    return measure.measureText(text).width;
  }

  function drawLabels() {
    if (nodes.length && nodes[0].sx === undefined) return; // not placed yet
    const w = graphSvg.clientWidth;
    const h = graphSvg.clientHeight;
    const f = focusSets();
    const forced = new Set();
    if (state.selected && state.selected.kind === "node") forced.add(state.selected.id);
    if (state.selected && state.selected.kind === "edge") {
      const e = byKey.get(state.selected.id);
      forced.add(e.source).add(e.target);
    }
    if (state.hover) forced.add(state.hover);
    const visible = nodes.filter((n) => state.visibleNodes.has(n.id));
    const rank = (n) => (forced.has(n.id) ? 3 : f && f.hn.has(n.id) ? 2 : 1) * 1000 + n.degree;
    visible.sort((a, b) => rank(b) - rank(a));
    const placed = [];
    // The big circles are obstacles too: a name written over a hub hides it.
    const circles = visible.filter((n) => n.radius >= 8).map((n) => [n.sx - n.radius, n.sy - n.radius, n.sx + n.radius, n.sy + n.radius]);
    const overlaps = (b, boxes) => boxes.some((p) => b[0] < p[2] && b[2] > p[0] && b[1] < p[3] && b[3] > p[1]);
    const budget = f ? 40 : Math.max(12, Math.round((w * h) / 24000));
    labelLayer.replaceChildren();
    let shown = 0;
    for (const n of visible) {
      const isForced = forced.has(n.id);
      if (!isForced && (shown >= budget || (f && !f.hn.has(n.id)))) continue;
      const strong = isForced;
      const tw = textWidth(n.name, strong);
      const r = n.radius;
      // Right of the node, else left, above, below: the first spot clear of other labels.
      const spots = [
        [n.sx + r + 3, n.sy + 4, "start", 0],
        [n.sx - r - 3, n.sy + 4, "end", -tw],
        [n.sx, n.sy - r - 4, "middle", -tw / 2],
        [n.sx, n.sy + r + 12, "middle", -tw / 2],
      ].map(([x, y, anchor, dx]) => ({ x, y, anchor, box: [x + dx - 2, y - 11, x + dx + tw + 2, y + 3] }));
      const free = (b) => b[0] >= 0 && b[2] <= w && b[1] >= 0 && b[3] <= h && !overlaps(b, placed) && !overlaps(b, circles);
      const spot = spots.find((c) => free(c.box)) || (isForced ? spots[0] : null);
      if (!spot) continue;
      placed.push(spot.box);
      const t = svg("text", { x: spot.x.toFixed(1), y: spot.y.toFixed(1), "text-anchor": spot.anchor, class: strong ? "strong" : "" });
      t.textContent = n.name;
      labelLayer.append(t);
      shown += 1;
    }
  }

  // ---- tooltip ----------------------------------------------------------------------
  function nodeTip(n) {
    const bits = [n.label, n.kind, n.time].filter(Boolean).join(" · ");
    return [el("div", {}, el("b", {}, n.name)), el("div", { class: "sub" }, bits)];
  }
  function edgeTip(e) {
    return [
      el("div", {}, `${nameOf(e.source)} `, el("b", {}, e.type), ` ${nameOf(e.target)}`),
      el("div", { class: "sub" }, [e.time || "undated", e.disputed ? "disputed" : null].filter(Boolean).join(" · ")),
    ];
  }
  function showTip(ev, content) {
    tooltip.replaceChildren(...content);
    tooltip.hidden = false;
    moveTip(ev);
  }
  function moveTip(ev) {
    const r = $("stage").getBoundingClientRect();
    let x = ev.clientX - r.left + 14;
    let y = ev.clientY - r.top + 14;
    if (x + tooltip.offsetWidth > r.width - 6) x = ev.clientX - r.left - tooltip.offsetWidth - 10;
    if (y + tooltip.offsetHeight > r.height - 6) y = ev.clientY - r.top - tooltip.offsetHeight - 10;
    tooltip.style.left = `${x}px`;
    tooltip.style.top = `${y}px`;
  }
  function hideTip() {
    tooltip.hidden = true;
  }

  // ---- side panel -------------------------------------------------------------------
  function chipLabel(label) {
    return el("span", { class: "chip", style: `background:${labelColor.get(label) || "#888"}` }, label);
  }
  function chipType(type) {
    const info = typeInfo.get(type);
    return el(
      "span",
      { class: "chip type", style: `background:${info ? info.color : "#888"}`, title: info ? info.description : "" },
      type
    );
  }
  function nodeRef(id) {
    if (!byId.has(id)) return id;
    return el("button", { type: "button", class: "ref", onclick: () => select({ kind: "node", id }) }, nameOf(id));
  }
  function facts(rows) {
    const dl = el("dl", { class: "facts" });
    for (const [k, v] of rows) {
      if (v === null || v === undefined || v === "" || (Array.isArray(v) && !v.length)) continue;
      dl.append(el("dt", {}, k), el("dd", {}, v));
    }
    return dl;
  }
  function sourceTitle(id) {
    const s = data.sources[id];
    return s && s.title ? s.title : id;
  }
  function citations(item) {
    const list = item.citations || [];
    const out = [el("h3", {}, `Citations (${list.length})`)];
    if (!list.length) return out.concat(el("p", { class: "empty" }, "None."));
    const ol = el("ol", { class: "cites" });
    list.forEach((c, i) => {
      const at = c.lastIndexOf("@");
      const src = at >= 0 ? c.slice(0, at) : c;
      const span = at >= 0 ? c.slice(at + 1) : "";
      const s = data.sources[src] || {};
      const by = s.authors ? [].concat(s.authors).join(", ") : null;
      const locator = (item.locators || [])[i];
      const passage = data.passages[c];
      ol.append(
        el(
          "li",
          { class: "cite", "data-source": src, "data-span": span },
          el("span", { class: "src", title: [by, s.publisher, s.published].filter(Boolean).join(" · ") }, sourceTitle(src)),
          el("span", { class: "where" }, [locator || null, span ? `characters ${span}` : null].filter(Boolean).join(" · ")),
          passage ? el("blockquote", { class: "passage" }, passage) : null
        )
      );
    });
    return out.concat(ol);
  }

  function nodePanel(n) {
    const rels = n.out.map((e) => ["out", e]).concat(n.in.map((e) => ["in", e]));
    rels.sort((a, b) => (a[1].earliest || "9999").localeCompare(b[1].earliest || "9999") || a[1].type.localeCompare(b[1].type));
    const ul = el("ul", { class: "rels" });
    for (const [dir, e] of rels) {
      const other = dir === "out" ? e.target : e.source;
      const shown = state.visibleEdges.has(e.uid);
      ul.append(
        el(
          "li",
          { class: shown ? "" : "gone", title: shown ? "" : "hidden by the current year or filters" },
          el("span", { class: "dir" }, dir === "out" ? "→" : "←"),
          el("button", { type: "button", class: "ref", onclick: () => select({ kind: "edge", id: e.uid }) }, e.type),
          " ",
          nodeRef(other),
          e.time ? el("span", { class: "when", title: e.time }, ` · ${timeWords(e.time)}`) : null
        )
      );
    }
    return [
      el("h2", { class: "title" }, n.name),
      chipLabel(n.label),
      facts([
        ["Kind", n.kind],
        ["Status", n.status],
        ["Time", timeText(n)],
        ["Aliases", (n.aliases || []).join(", ")],
        ["Born", n.born],
        ["Died", n.died],
        ["In force", n.in_force],
        ["Ended", n.ended],
        ["Category", n.category],
        ["ISO code", n.iso3],
        ["Note", n.note],
        ["Id", n.id],
      ]),
      citations(n),
      el("h3", {}, `Relationships (${rels.length})`),
      rels.length ? ul : el("p", { class: "empty" }, "None."),
    ];
  }

  function edgePanel(e) {
    const quals = QUALIFIERS.filter((q) => e[q] !== undefined).map((q) => [
      q.replace(/_/g, " ").replace(/^./, (c) => c.toUpperCase()),
      REFS.has(q) && byId.has(e[q]) ? nodeRef(e[q]) : String(e[q]),
    ]);
    const info = typeInfo.get(e.type);
    const srcs = (e.sources || []).map(sourceTitle).join("; ");
    return [
      el("h2", { class: "title edge-title" }, nodeRef(e.source), " ", chipType(e.type), " ", nodeRef(e.target)),
      e.disputed ? el("span", { class: "chip warn" }, "disputed") : null,
      facts([
        ["Subject", nodeRef(e.source)],
        ["Type", e.type],
        ["Object", nodeRef(e.target)],
        ["Meaning", info ? info.description : null],
        ["Time", timeText(e) || "undated"],
        ["Precision", e.precision],
        ...quals,
        ["Note", e.note],
        ["Confidence", e.confidence || "not stated"],
        ["Disputed", e.disputed ? "yes: sources disagree" : "no"],
        ["Corroboration", `${plural(e.corroboration || 0, "source")}${srcs ? ": " + srcs : ""}`],
      ]),
      claims(e),
      citations(e),
    ];
  }

  // Each claim as its source made it: the merged date is the most precise, so a source
  // that gave only a year is shown with its year.
  function claims(e) {
    const list = e.claim_sources || [];
    const out = [el("h3", {}, `What each source said (${list.length})`)];
    const ol = el("ol", { class: "claims" });
    list.forEach((src, i) => {
      const names = src.split("; ").map(sourceTitle).join("; ");
      const time = (e.claim_times || [])[i] || "undated";
      const note = (e.claim_notes || [])[i];
      ol.append(el("li", { class: "claim", "data-source": src }, `${names}: ${time}`, note ? ` — ${note}` : ""));
    });
    return out.concat(ol);
  }

  function introPanel() {
    const spanYears = data.years ? `${data.years[0]}–${data.years[1]}` : "undated";
    return [
      el("h2", { class: "title" }, "How to read this"),
      el(
        "p",
        {},
        `${plural(nodes.length, "entity", "entities")} and ${plural(edges.length, "relationship")} (${spanYears}). ` +
          "Colours show the kind of node (left) and of relationship; arrows run from subject to object."
      ),
      el(
        "p",
        {},
        "Hover a node for its name; click a node or a relationship for its details and where in the sources it comes from" +
          (Object.keys(data.passages).length ? ", with the cited passages." : ".")
      ),
      el("p", {}, "Drag to pan, scroll to zoom, Esc to clear the selection."),
    ];
  }

  function renderPanel() {
    const sel = state.selected;
    const panel = $("panel");
    let content;
    if (sel && sel.kind === "node" && byId.has(sel.id)) content = nodePanel(byId.get(sel.id));
    else if (sel && sel.kind === "edge" && byKey.has(sel.id)) content = edgePanel(byKey.get(sel.id));
    else content = introPanel();
    panel.dataset.kind = sel ? sel.kind : "";
    panel.dataset.id = !sel ? "" : sel.kind === "edge" ? byKey.get(sel.id).key : sel.id;
    panel.replaceChildren(...content.flat().filter(Boolean));
    panel.scrollTop = 0;
  }

  function select(sel) {
    state.selected = sel;
    renderPanel();
    highlight();
  }

  // ---- controls ---------------------------------------------------------------------
  function filterItem(item, kind, set, swatchClass) {
    const box = el("input", { type: "checkbox", checked: true, [`data-${kind}`]: item.name });
    box.addEventListener("change", () => {
      if (box.checked) set.add(item.name);
      else set.delete(item.name);
      compute();
    });
    return el(
      "li",
      { "data-name": item.name, title: item.description || "" },
      el(
        "label",
        {},
        box,
        swatchClass ? el("span", { class: swatchClass, style: `background:${item.color}` }) : null,
        el("span", { class: "name" }, item.name),
        el("span", { class: "n" }, item.count)
      )
    );
  }
  for (const item of data.labels) $("label-filters").append(filterItem(item, "label", state.labels, "swatch"));

  if (data.conflicts.length) {
    const select = $("conflict");
    for (const c of data.conflicts) select.append(el("option", { value: c.id }, c.name));
    $("conflict-filter").hidden = false;
    select.addEventListener("change", () => {
      state.conflict = select.value;
      compute();
    });
  }

  // Relationship types under their families: one colour per family, so the legend
  // names the family by its colour and each type by name.
  const familyName = (f) => f.name.replace(/^./, (c) => c.toUpperCase());
  for (const family of data.families) {
    const members = data.types.filter((t) => t.family === family.name);
    const box = el("input", { type: "checkbox", checked: true, "data-family": family.name });
    box.addEventListener("change", () => {
      for (const t of members) {
        if (box.checked) state.types.add(t.name);
        else state.types.delete(t.name);
      }
      compute();
    });
    $("type-filters").append(
      el(
        "li",
        { class: "family", "data-family": family.name, title: family.description },
        el(
          "label",
          {},
          box,
          el("span", { class: "swatch line", style: `background:${family.color}` }),
          el("span", { class: "family-name" }, familyName(family)),
          el("span", { class: "n" }, members.reduce((a, t) => a + t.count, 0))
        ),
        el("ul", { class: "members" }, members.map((t) => filterItem(t, "type", state.types, null)))
      )
    );
  }

  for (const [attr, on] of [
    ["data-all", true],
    ["data-none", false],
  ]) {
    for (const b of document.querySelectorAll(`[${attr}]`)) {
      b.addEventListener("click", () => {
        const kind = b.getAttribute(attr);
        const set = kind === "label" ? state.labels : state.types;
        for (const box of document.querySelectorAll(`input[data-${kind}]`)) {
          box.checked = on;
          const name = box.getAttribute(`data-${kind}`);
          if (on) set.add(name);
          else set.delete(name);
        }
        compute();
      });
    }
  }

  const slider = $("year");
  const allYears = $("all-years");
  const yearLabel = $("year-label");
  let timer = null;
  function setYear(y) {
    state.year = y;
    document.body.classList.toggle("all-years", y === null);
    allYears.checked = y === null;
    yearLabel.textContent = y === null ? "all" : String(y);
    if (y !== null) slider.value = String(y);
    compute();
  }
  function stop() {
    if (timer) clearInterval(timer);
    timer = null;
    $("play").innerHTML = "&#9654;";
  }
  if (data.years) {
    slider.min = String(data.years[0]);
    slider.max = String(data.years[1]);
    slider.value = String(data.years[0]);
    $("year-min").textContent = data.years[0];
    $("year-max").textContent = data.years[1];
    slider.addEventListener("input", () => {
      stop();
      setYear(Number(slider.value));
    });
    allYears.addEventListener("change", () => {
      stop();
      setYear(allYears.checked ? null : Number(slider.value));
    });
    $("undated").addEventListener("change", (ev) => {
      state.undated = ev.target.checked;
      compute();
    });
    $("play").addEventListener("click", () => {
      if (timer) return stop();
      let y = state.year === null || state.year >= data.years[1] ? data.years[0] : state.year;
      setYear(y);
      $("play").innerHTML = "&#10074;&#10074;";
      timer = setInterval(() => {
        y += 1;
        if (y > data.years[1]) return stop();
        setYear(y);
      }, 350);
    });
  } else {
    $("time").classList.add("hidden");
  }

  // Search by any spelling: name, id or alias, ignoring case and accents ("guliev",
  // "Lajcak", "minsk"); an exact spelling wins.
  const fold = (text) =>
    String(text).normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[ıİ]/g, "i")
      .replace(/ə/gi, "a").toLowerCase().replace(/\s+/g, " ").trim();
  const names = $("names");
  const spellings = [];
  for (const n of [...nodes].sort((a, b) => a.name.localeCompare(b.name))) {
    names.append(el("option", { value: n.name }, n.label));
    for (const s of [n.name, n.id, ...(n.aliases || [])]) spellings.push([fold(s), n]);
  }
  function findNode(text) {
    const wanted = fold(text);
    if (!wanted) return null;
    const exact = spellings.find(([s]) => s === wanted);
    if (exact) return exact[1];
    // Else the shortest spelling that contains it, one that starts with it first:
    // "Minsk" finds the Minsk Group (alias "Minsk Group") before the Minsk Conference.
    const partial = spellings.filter(([s]) => s.includes(wanted));
    const rank = ([s, n]) => [s.startsWith(wanted) ? 0 : 1, s.length, n.name];
    partial.sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2].localeCompare(y[2]);
    });
    return partial.length ? partial[0][1] : null;
  }
  $("search").addEventListener("change", (ev) => {
    const found = findNode(ev.target.value);
    $("search-status").textContent = found || !ev.target.value.trim() ? "" : `No match for “${ev.target.value}”`;
    if (!found) return;
    select({ kind: "node", id: found.id });
    centreOn(byId.get(found.id));
  });

  // ---- pan and zoom -------------------------------------------------------------------
  function fit() {
    const w = graphSvg.clientWidth || data.width;
    const h = graphSvg.clientHeight || data.height;
    const k = Math.min(w / data.width, h / data.height);
    state.view = { k, x: (w - data.width * k) / 2, y: (h - data.height * k) / 2 };
    place();
  }
  function zoomAt(factor, px, py) {
    const v = state.view;
    const k = Math.max(0.3, Math.min(12, v.k * factor));
    state.view = { k, x: px - ((px - v.x) * k) / v.k, y: py - ((py - v.y) * k) / v.k };
    place();
  }
  function centreOn(n) {
    const v = state.view;
    state.view = { k: v.k, x: graphSvg.clientWidth / 2 - n.x * v.k, y: graphSvg.clientHeight / 2 - n.y * v.k };
    place();
  }
  graphSvg.addEventListener(
    "wheel",
    (ev) => {
      ev.preventDefault();
      const r = graphSvg.getBoundingClientRect();
      zoomAt(Math.exp(-ev.deltaY * 0.0015), ev.clientX - r.left, ev.clientY - r.top);
    },
    { passive: false }
  );
  let drag = null;
  graphSvg.addEventListener("pointerdown", (ev) => {
    if (ev.button !== 0) return;
    drag = { x: ev.clientX, y: ev.clientY, vx: state.view.x, vy: state.view.y, moved: false, onBackground: ev.target === graphSvg };
  });
  window.addEventListener("pointermove", (ev) => {
    if (!drag) return;
    const dx = ev.clientX - drag.x;
    const dy = ev.clientY - drag.y;
    if (!drag.moved && Math.hypot(dx, dy) < 4) return;
    if (!drag.moved) graphSvg.setPointerCapture?.(ev.pointerId);
    drag.moved = true;
    graphSvg.classList.add("panning");
    state.view = { k: state.view.k, x: drag.vx + dx, y: drag.vy + dy };
    place();
  });
  let panned = false;
  window.addEventListener("pointerup", () => {
    if (drag && !drag.moved && drag.onBackground) select(null);
    panned = !!drag && drag.moved;
    graphSvg.classList.remove("panning");
    drag = null;
  });
  // A pan that ends on a node or a relationship must not select it.
  graphSvg.addEventListener(
    "click",
    (ev) => {
      if (panned) ev.stopPropagation();
      panned = false;
    },
    true
  );
  $("zoom-in").addEventListener("click", () => zoomAt(1.4, graphSvg.clientWidth / 2, graphSvg.clientHeight / 2));
  $("zoom-out").addEventListener("click", () => zoomAt(1 / 1.4, graphSvg.clientWidth / 2, graphSvg.clientHeight / 2));
  $("zoom-fit").addEventListener("click", fit);
  window.addEventListener("resize", fit);
  document.addEventListener("keydown", (ev) => {
    if (ev.key === "Escape") select(null);
  });

  // ---- caption ------------------------------------------------------------------------
  const caption = $("caption");
  const list = el("ol", {});
  for (const [id, s] of Object.entries(data.sources)) {
    const authors = [].concat(s.authors || []);
    const who = authors.length ? `${authors.join(", ")}, ` : "";
    const links = (s.links || []).map(([text, href]) => sourceLink(text, href));
    list.append(
      el(
        "li",
        { "data-source": id },
        who,
        el("cite", {}, s.title || id),
        [s.publisher, s.published].filter(Boolean).map((x) => `, ${x}`).join(""),
        links.flatMap((link) => [", ", link])
      )
    );
  }
  const quoted = Object.keys(data.passages).length
    ? "; the passages shown are quoted from the texts this page was made with"
    : " (export with --texts DIR to quote the passages)";
  caption.append(
    el("b", {}, "Sources. "),
    list,
    `. Every node and relationship cites passages of these documents by character span${quoted}.`
  );

  // ---- start --------------------------------------------------------------------------
  fit();
  setYear(null);
  renderPanel();
  document.body.dataset.ready = "true";
})();
