(function () {
  "use strict";
  var controls = document.getElementById("controls");
  var query = document.getElementById("q");
  var official = document.getElementById("official");
  var tag = document.getElementById("tag");
  var count = document.getElementById("count");
  var boxes = Array.prototype.slice.call(document.querySelectorAll("#kinds input"));
  var cards = Array.prototype.slice.call(document.querySelectorAll(".card"));
  var years = Array.prototype.slice.call(document.querySelectorAll(".year"));

  function fold(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function apply() {
    var words = fold(query.value).split(/\s+/).filter(Boolean);
    var kinds = {};
    boxes.forEach(function (box) { if (box.checked) { kinds[box.value] = true; } });
    var who = official.value;
    var wanted = tag.value;
    var shown = 0;
    cards.forEach(function (card) {
      var text = card.getAttribute("data-text");
      var people = " " + card.getAttribute("data-officials") + " ";
      var visible = kinds[card.getAttribute("data-kind")] === true &&
        (who === "" || people.indexOf(" " + who + " ") >= 0) &&
        (wanted === "" || (" " + card.getAttribute("data-tags") + " ").indexOf(" " + wanted + " ") >= 0) &&
        words.every(function (word) { return text.indexOf(word) >= 0; });
      card.hidden = !visible;
      if (visible) { shown += 1; }
    });
    years.forEach(function (year) { year.hidden = year.querySelector(".card:not([hidden])") === null; });
    count.textContent = "Showing " + shown + " of " + cards.length + " events";
    remember();
  }

  // The filters live in the address (?q=…&official=…&tag=…&kinds=…), so a filtered view can be shared.
  function remember() {
    var params = new URLSearchParams();
    if (query.value) { params.set("q", query.value); }
    if (official.value) { params.set("official", official.value); }
    if (tag.value) { params.set("tag", tag.value); }
    var off = boxes.filter(function (box) { return !box.checked; });
    if (off.length) {
      params.set("kinds", boxes.filter(function (box) { return box.checked; })
        .map(function (box) { return box.value; }).join(","));
    }
    var search = params.toString();
    try {
      history.replaceState(null, "", search ? "?" + search : location.pathname);
    } catch (error) { /* a file:// page in some browsers: the filters still work */ }
  }

  function restore() {
    var params = new URLSearchParams(location.search);
    query.value = params.get("q") || "";
    function pick(select, value) {
      if (value && Array.prototype.some.call(select.options, function (o) { return o.value === value; })) {
        select.value = value;
      }
    }
    pick(official, params.get("official"));
    pick(tag, params.get("tag"));
    if (params.has("kinds")) {
      var kinds = params.get("kinds").split(",");
      boxes.forEach(function (box) { box.checked = kinds.indexOf(box.value) >= 0; });
    }
  }

  query.addEventListener("input", apply);
  official.addEventListener("change", apply);
  tag.addEventListener("change", apply);
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  controls.hidden = false;
  restore();
  apply();
})();
