/* The graph pages: draws the view data (a JSON block on the page) with vis-network, then lets a person use it:
   type filters and per-type caps, a double-click adds a node's neighbours (served pages), a click shows the node
   in the side panel with a link to its page, PNG download from the canvas. Every string from the data is put
   into the page as text (textContent), never as markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("djkg-data").textContent);
  function tip(text) {
    var el = document.createElement("div");
    el.textContent = String(text || "");
    el.style.whiteSpace = "pre-line";
    return el;
  }
  function prepare(n) { n.facts = n.title; n.title = tip(n.title); return n; }
  function prepareEdge(e) { e.title = tip(e.title); if (!e.color) { delete e.color; } return e; }
  data.nodes.forEach(prepare);
  data.edges.forEach(prepareEdge);
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var status = document.getElementById("status");

  function shown() { return nodes.get({ filter: function (n) { return !n.hidden; } }).length; }
  function say(extra) {
    status.textContent = "已显示 " + shown() + " / 共 " + nodes.length + " 个节点" + (extra ? "；" + extra : "");
  }
  function settle() {
    if (document.body.getAttribute("data-settled")) { return; }
    network.setOptions({ physics: false });   // once settled, nothing moves by itself
    network.fit();
    // on a phone the whole graph would be too small to read: start readable around the page's subject
    // (the column drawing of a recommendation stays whole: its shape — which paths are red — is the point)
    var columns = data.options.layout && data.options.layout.hierarchical;
    if (!columns && container.clientWidth < 600 && network.getScale() < 0.65 && data.focus && nodes.get(data.focus)) {
      network.moveTo({ position: network.getPositions([data.focus])[data.focus], scale: 0.65 });
    }
    document.body.setAttribute("data-settled", "1");
    say("");
  }
  var physics = data.options.physics && data.options.physics.enabled !== false;
  if (physics) {
    network.once("stabilizationIterationsDone", settle);
    setTimeout(function () { if (!document.body.getAttribute("data-settled")) { network.stopSimulation(); settle(); } }, 8000);
  } else {
    network.once("afterDrawing", settle);
  }

  // white background, so a downloaded picture is not transparent
  network.on("beforeDrawing", function (ctx) {
    ctx.save();
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, ctx.canvas.width, ctx.canvas.height);
    ctx.restore();
  });

  // --- filters: a type unticked is hidden; "每类最多显示" keeps the heaviest nodes of each type ---------------
  var boxes = Array.prototype.slice.call(document.querySelectorAll("input[data-type]"));
  var cap = document.getElementById("cap");
  function protectedIds() {
    var keep = {};
    if (data.focus) { keep[data.focus] = true; }
    edges.get().forEach(function (e) { if (e.hl) { keep[e.from] = true; keep[e.to] = true; } });
    return keep;
  }
  function applyFilters() {
    var off = {};
    boxes.forEach(function (b) { if (!b.checked) { off[b.getAttribute("data-type")] = true; } });
    var limit = parseInt(cap.value, 10) || 0;
    var keep = protectedIds();
    var byType = {};
    nodes.get().forEach(function (n) { (byType[n.ntype] = byType[n.ntype] || []).push(n); });
    var updates = [];
    Object.keys(byType).forEach(function (t) {
      var list = byType[t].slice().sort(function (a, b) { return (b.weight || 0) - (a.weight || 0); });
      var kept = 0;
      list.forEach(function (n) {
        var hide = !!off[t] && !keep[n.id];
        if (!hide && limit && !keep[n.id]) { kept += 1; hide = kept > limit; }
        updates.push({ id: n.id, hidden: hide });
      });
    });
    nodes.update(updates);
    say("");
  }
  boxes.forEach(function (b) { b.addEventListener("change", applyFilters); });
  cap.addEventListener("change", applyFilters);

  // --- a click shows the node; a double-click (served pages) adds its neighbours ---------------------------
  var panel = document.getElementById("selected");
  function select(id) {
    var n = nodes.get(id);
    if (!n) { panel.hidden = true; return; }
    document.getElementById("sel-name").textContent = n.full || n.label || "";
    document.getElementById("sel-facts").textContent = n.facts || "";
    var link = document.getElementById("sel-link");
    if (n.url && data.links) { link.setAttribute("href", n.url); link.hidden = false; } else { link.hidden = true; }
    panel.hidden = false;
  }
  network.on("click", function (p) { if (p.nodes.length) { select(p.nodes[0]); } });
  if (data.links) {
    network.on("doubleClick", function (p) {
      if (!p.nodes.length) { return; }
      var id = p.nodes[0];
      status.textContent = "正在展开…";
      fetch("/views/expand?id=" + encodeURIComponent(id), { headers: { "Accept": "application/json" } })
        .then(function (r) { if (!r.ok) { throw new Error(String(r.status)); } return r.json(); })
        .then(function (more) {
          var before = nodes.length;
          var at = network.getPositions([id])[id] || { x: 0, y: 0 };
          more.nodes.forEach(function (n) {
            if (!nodes.get(n.id)) {
              prepare(n);
              n.x = at.x + (Math.random() - 0.5) * 260; n.y = at.y + (Math.random() - 0.5) * 260;
              delete n.level;
              nodes.add(n);
            }
          });
          more.edges.forEach(function (e) {
            var dup = edges.get({ filter: function (x) { return x.from === e.from && x.to === e.to && x.etype === e.etype; } });
            if (!dup.length) { edges.add(prepareEdge(e)); }
          });
          say("展开后新增 " + (nodes.length - before) + " 个节点");
        })
        .catch(function () { status.textContent = "没能展开这个节点，请稍后再试"; });
    });
  }

  // --- toolbar --------------------------------------------------------------------------------------------
  document.getElementById("fit").addEventListener("click", function () { network.fit({ animation: false }); });
  document.getElementById("png").addEventListener("click", function () {
    var canvas = container.querySelector("canvas");
    if (!canvas) { return; }
    var a = document.createElement("a");
    a.href = canvas.toDataURL("image/png");
    a.download = (data.title || "关系图") + ".png";
    document.body.appendChild(a);
    a.click();
    a.remove();
  });

  window.djkgNetwork = network;
  window.djkgNodes = nodes;
  window.djkgEdges = edges;
})();
