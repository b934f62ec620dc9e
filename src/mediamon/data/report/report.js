"use strict";
// Click an entity (a button or a highlighted mention) to list only the articles that mention it;
// click it again, or "Show all", to list every article. Text is set with textContent only.
(function () {
  var items = Array.prototype.slice.call(document.querySelectorAll("#article-list .item"));
  var status = document.getElementById("filter-status");
  var clear = document.getElementById("filter-clear");
  var active = null;

  function show(key, label) {
    active = key;
    var shown = 0;
    items.forEach(function (item) {
      var keys = (item.getAttribute("data-e") || "").split(" ");
      var visible = key === null || keys.indexOf(key) >= 0;
      item.hidden = !visible;
      if (visible) { shown += 1; }
    });
    document.querySelectorAll("button[data-key]").forEach(function (button) {
      button.setAttribute("aria-pressed", String(button.getAttribute("data-key") === key));
    });
    document.querySelectorAll("mark[data-key]").forEach(function (mark) {
      mark.classList.toggle("active", mark.getAttribute("data-key") === key);
    });
    if (key === null) {
      status.textContent = items.length === 1 ? "Showing the one article" : "Showing all " + items.length + " articles";
    } else {
      status.textContent = "Showing " + shown + " of " + items.length + " articles, those mentioning " + label;
    }
    clear.hidden = key === null;
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-key]") : null;
    if (!target) { return; }
    var key = target.getAttribute("data-key");
    if (key === active) { show(null, ""); } else { show(key, target.getAttribute("data-label") || key); }
  });
  clear.addEventListener("click", function () { show(null, ""); });
})();
