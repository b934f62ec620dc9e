"use strict";
// Click an entity (a button or a highlighted mention) to list only the articles that mention it;
// click it again, or "Show all", to list every article. Text is set with textContent only.
// The list is paged: a page of articles is shown at a time ("Show more" adds the next), so a
// click touches a page of articles, not all of them, and the page stays short.
(function () {
  var list = document.getElementById("article-list");
  var items = Array.prototype.slice.call(list.querySelectorAll(".item"));
  var keys = items.map(function (item) { return (item.getAttribute("data-e") || "").split(" "); });
  var size = parseInt(list.getAttribute("data-page"), 10) || items.length;
  var status = document.getElementById("filter-status");
  var clear = document.getElementById("filter-clear");
  var more = document.getElementById("article-more");
  var highlight = document.head.appendChild(document.createElement("style"));
  var active = null;
  var matches = items.map(function (_, index) { return index; });
  var shown = Math.min(size, items.length);

  function page(limit) {
    // Reveal the first ``limit`` matches; hide whatever else is showing.
    var wanted = {};
    matches.slice(0, limit).forEach(function (index) { wanted[index] = true; });
    items.forEach(function (item, index) {
      var hide = !wanted[index];
      if (item.hidden !== hide) { item.hidden = hide; }
    });
    shown = Math.min(limit, matches.length);
    var rest = matches.length - shown;
    more.hidden = rest <= 0;
    more.textContent = "Show " + Math.min(size, rest) + " more (" + rest + " not listed)";
  }

  function press(key, state) {
    if (key === null) { return; }
    document.querySelectorAll('button[data-key="' + key + '"]').forEach(function (button) {
      button.setAttribute("aria-pressed", String(state));
    });
  }

  function show(key, label) {
    press(active, false);
    active = key;
    press(key, true);
    matches = [];
    keys.forEach(function (list, index) {
      if (key === null || list.indexOf(key) >= 0) { matches.push(index); }
    });
    page(size);
    // One style rule outlines the active entity's mentions, wherever they are.
    highlight.textContent = key === null ? "" : 'mark[data-key="' + key + '"] { outline: 2px solid var(--accent); }';
    if (key === null) {
      status.textContent = items.length === 1 ? "Showing the one article" : "Showing all " + items.length + " articles";
    } else {
      status.textContent = "Showing " + matches.length + " of " + items.length + " articles, those mentioning " + label;
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
  more.addEventListener("click", function () { page(shown + size); });
  page(shown);
})();
