/* The year slider of a model's spread (served from /static; pages run no inline script). Moving it shows the
   province map and the yearly columns as they were at the end of that year: provinces that had not joined yet are
   greyed, those joining that year are outlined, and a sentence says how far the model had travelled. The data is
   read from the elements' attributes (data-joined on tiles, data-year/-units/-provinces/-new on columns).
   Without this script the page shows the final state, as it prints. */
(function () {
  "use strict";
  var slider = document.getElementById("spread-year");
  if (!slider) { return; }
  var box = slider.closest(".year-slider");
  var out = document.getElementById("spread-year-out");
  var tiles = document.querySelectorAll(".tilemap .tile.has");
  var bars = document.querySelectorAll(".year-bars .ybar");
  var last = parseInt(slider.max, 10);

  function show(year) {
    tiles.forEach(function (t) {
      var joined = parseInt(t.getAttribute("data-joined"), 10);
      var on = isNaN(joined) ? year >= last : joined <= year;     // a province whose year is unknown: at the end
      t.classList.toggle("later", !on);
      t.classList.toggle("new", joined === year);
    });
    var info = null;
    bars.forEach(function (b) {
      var y = parseInt(b.getAttribute("data-year"), 10);
      b.classList.toggle("later", y > year);
      b.classList.toggle("current", y === year);
      if (y === year) { info = b; }
    });
    if (!info) { return; }
    var text = "截至" + year + "年：" + info.getAttribute("data-provinces") + " 个省份、" +
               info.getAttribute("data-units") + " 个单位采用";
    var fresh = info.getAttribute("data-new");
    if (fresh) { text += "；这一年新进入" + fresh; }
    out.textContent = text + "。";
    slider.setAttribute("aria-valuetext", text);
  }

  slider.addEventListener("input", function () { show(parseInt(slider.value, 10)); });
  bars.forEach(function (b) {
    b.addEventListener("click", function () {
      slider.value = b.getAttribute("data-year");
      show(parseInt(slider.value, 10));
    });
  });
  box.hidden = false;
  show(parseInt(slider.value, 10));
})();
