(function () {
  "use strict";
  var controls = document.getElementById("controls");
  var query = document.getElementById("q");
  var official = document.getElementById("official");
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
    var shown = 0;
    cards.forEach(function (card) {
      var text = card.getAttribute("data-text");
      var people = " " + card.getAttribute("data-officials") + " ";
      var visible = kinds[card.getAttribute("data-kind")] === true &&
        (who === "" || people.indexOf(" " + who + " ") >= 0) &&
        words.every(function (word) { return text.indexOf(word) >= 0; });
      card.hidden = !visible;
      if (visible) { shown += 1; }
    });
    years.forEach(function (year) { year.hidden = year.querySelector(".card:not([hidden])") === null; });
    count.textContent = "Showing " + shown + " of " + cards.length + " events";
  }

  query.addEventListener("input", apply);
  official.addEventListener("change", apply);
  boxes.forEach(function (box) { box.addEventListener("change", apply); });
  controls.hidden = false;
  apply();
})();
