/* Sortable tables (served from /static; pages run no inline script). In a table[data-sortable], each header cell
   with data-sort="num" or "text" becomes a button that sorts the body rows by that column: a cell's data-value
   when it has one, else its text. Numbers sort largest first, text in Chinese order; a second click reverses.
   The current order is announced with aria-sort. Without this script the table keeps the server's order. */
(function () {
  "use strict";
  var collator = new Intl.Collator("zh-Hans-CN", { numeric: true });

  function key(row, index, kind) {
    var cell = row.cells[index];
    var raw = !cell ? "" : (cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim());
    if (kind === "num") {
      var n = parseFloat(raw);
      return isNaN(n) ? -Infinity : n;
    }
    return raw;
  }

  function sortBy(table, th, index, kind) {
    var heads = table.tHead.rows[0].cells;
    var current = th.getAttribute("aria-sort");
    var first = kind === "num" ? "descending" : "ascending";
    var order = current === first ? (first === "ascending" ? "descending" : "ascending") : first;
    Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", order);
    var sign = order === "ascending" ? 1 : -1;
    Array.prototype.forEach.call(table.tBodies, function (body) {
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = key(a, index, kind), y = key(b, index, kind);
        return sign * (kind === "num" ? (x - y || 0) : collator.compare(x, y));
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  }

  document.querySelectorAll("table[data-sortable]").forEach(function (table) {
    if (!table.tHead || !table.tHead.rows.length) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var kind = th.getAttribute("data-sort");
      if (kind !== "num" && kind !== "text") { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, th, index, kind); });
    });
  });
})();
