"use strict";
// The report's article list, chart and filter, drawn from the page's JSON data block
// (#report-data, written by mediamon/report.py). Only a page of article cards is in the
// document at a time ("Show more" adds the next), and an article's folded paragraphs are
// built when its "Full text" is first opened, so load and click times stay flat as the
// corpus grows. Click an entity (a button or a highlighted mention) to list only the
// articles that mention it, and to chart it with the entities most named alongside it;
// click it again, or "Show all", to list and chart everything. Text is set with
// textContent only: nothing from the data is ever parsed as markup.
(function () {
  var data = JSON.parse(document.getElementById("report-data").textContent);
  var entities = data.entities; // key number -> [id, type, name, mentions, articles]
  var articles = data.articles; // listed, newest first
  var size = data.page;
  var palette = ["#1f6fb4", "#d1495b", "#2a9d5c", "#e08a16", "#7b57b5", "#8c564b", "#c2408f", "#178a99"];
  var directions = ["", "ltr", "rtl", "auto"]; // the codes of report.py's _DIRECTIONS
  var plurals = { entity: "entities", "near-copy": "near-copies" };
  var svgNS = "http://www.w3.org/2000/svg";
  var list = document.getElementById("article-list");
  var status = document.getElementById("filter-status");
  var clear = document.getElementById("filter-clear");
  var more = document.getElementById("article-more");
  var highlight = document.head.appendChild(document.createElement("style"));
  var active = null; // the filtering entity's key number, or null
  var matches = [];
  var shown = 0;
  var charted = []; // the chart's series: {key, color, counts per period, undated}
  // What the chart counts: the listed articles and the counts of those not listed.
  var everything = articles.concat(data.unlisted.map(function (row) { return { p: row[0], n: row[1] }; }));

  function plural(n, noun) {
    return n.toLocaleString("en") + " " + (n === 1 ? noun : plurals[noun] || noun + "s");
  }

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function mentions(item, key) {
    // How many times an article (or an unlisted article's counts) mentions entity ``key``.
    var counts = item.n;
    for (var i = 0; i < counts.length; i += 2) { if (counts[i] === key) { return counts[i + 1]; } }
    return 0;
  }

  function button(key, css, count) {
    var e = entities[key];
    var node = el("button", {
      type: "button", "class": css, "data-key": "e" + key, "data-label": e[2],
      "aria-pressed": String(key === active),
      title: e[1] + " · " + e[0] + " · " + plural(e[3], "mention") + " in " + plural(e[4], "article")
    });
    node.appendChild(el("span", { "class": "name", dir: "auto" }, e[2]));
    if (count !== undefined) { node.appendChild(el("span", { "class": "count" }, count.toLocaleString("en"))); }
    return node;
  }

  function lines(parent, text) {
    // Text with its line breaks as <br>.
    text.split("\n").forEach(function (line, index) {
      if (index) { parent.appendChild(document.createElement("br")); }
      if (line) { parent.appendChild(document.createTextNode(line)); }
    });
  }

  function fill(parent, text, start, end, marks, at) {
    // text[start:end] with the marks from ``at`` on (flat [start, end, key], in order, inside
    // the range) highlighted; returns the index of the first mark past the range.
    var position = start;
    while (at < marks.length && marks[at] < end) {
      var e = entities[marks[at + 2]];
      lines(parent, text.slice(position, marks[at]));
      parent.appendChild(el("mark", {
        "data-entity": e[0], "data-key": "e" + marks[at + 2], "data-type": e[1], "data-label": e[2],
        title: e[1] + " · " + e[2]
      }, text.slice(marks[at], marks[at + 1])));
      position = marks[at + 1];
      at += 3;
    }
    lines(parent, text.slice(position, end));
    return at;
  }

  function paragraphs(parent, article, from, to) {
    var blocks = article.g;
    var marks = article.m;
    var at = 0;
    while (at < marks.length && marks[at] < blocks[3 * from]) { at += 3; }
    for (var i = from; i < to; i++) {
      var dir = directions[blocks[3 * i + 2]];
      var p = el("p", dir ? { dir: dir } : {});
      at = fill(p, article.b, blocks[3 * i], blocks[3 * i + 1], marks, at);
      parent.appendChild(p);
    }
  }

  function meta(article) {
    var line = el("p", { "class": "meta" });
    function part(css, text, note) {
      var span = line.appendChild(el("span", css ? { "class": css } : {}));
      if (note) { span.className = "note"; span.textContent = note; } else { span.appendChild(el("bdi", {}, text)); }
      return span;
    }
    if (article.date) {
      line.appendChild(el("span")).appendChild(el("time", { datetime: article.date }, article.date));
    } else {
      part("", "", "undated");
    }
    part("outlet", article.src, article.src ? "" : "unknown outlet");
    part("", article.ln);
    if (article.by) { part("author", article.by); }
    if (article.url && /^https?:\/\//i.test(article.url)) {
      line.appendChild(el("span")).appendChild(el("a", {
        href: article.url, rel: "noopener noreferrer nofollow", target: "_blank"
      }, "link"));
    } else if (article.raw) {
      part("url", article.raw);
    }
    part("id", article.id);
    return line;
  }

  function card(index) {
    var article = articles[index];
    var item = el("article", { "class": "item", id: "article-" + index, dir: article.dir });
    if (article.lang) { item.setAttribute("lang", article.lang); }
    var title = item.appendChild(el("h3", article.td ? { dir: article.td } : {}));
    if (article.t) {
      fill(title, article.t, 0, article.t.length, article.tm || [], 0);
    } else {
      title.appendChild(el("span", { "class": "untitled" }, "(untitled)"));
    }
    // The meta line, chips and "Full text" toggle follow the article's direction (right-aligned
    // in Arabic); their English words and input text sit in <bdi>, so they read as written.
    item.appendChild(meta(article));
    var text = item.appendChild(el("div", { "class": "text" }));
    var count = article.g.length / 3;
    var lead = article.lead === undefined ? count : article.lead;
    paragraphs(text, article, 0, lead);
    if (lead < count) {
      var fold = text.appendChild(el("details", { "class": "more" }));
      var summary = fold.appendChild(el("summary"));
      summary.appendChild(el("bdi", {}, "Full text (" + plural(count - lead, "more paragraph") + ")"));
      var built = false;
      var build = function () {
        // The folded paragraphs are made the first time they are opened: in the click itself
        // (the mouse or the keyboard), or when the browser opens the fold some other way.
        if (!built) { built = true; paragraphs(fold, article, lead, count); }
      };
      summary.addEventListener("click", build);
      fold.addEventListener("toggle", build);
    }
    if (article.n.length) {
      var chips = item.appendChild(el("footer", { "class": "chips" }));
      for (var i = 0; i < Math.min(article.n.length, 2 * data.chips); i += 2) {
        chips.appendChild(button(article.n[i], "chip", article.n[i + 1]));
      }
    }
    return item;
  }

  function page(limit) {
    // List the matches up to ``limit``, adding cards after those already listed.
    var end = Math.min(limit, matches.length);
    var cards = document.createDocumentFragment();
    for (var i = shown; i < end; i++) { cards.appendChild(card(matches[i])); }
    list.appendChild(cards);
    shown = end;
    var rest = matches.length - shown;
    more.hidden = rest <= 0;
    more.textContent = "Show " + Math.min(size, rest) + " more (" + rest + " not listed)";
  }

  // -- the chart ---------------------------------------------------------------------------

  function ranked(items) {
    // The series to chart: the filtering entity first, then the most-mentioned entities of
    // ``items`` (most articles, then the page's order, break ties) that have a dated mention.
    var total = {}, inArticles = {}, dated = {};
    items.forEach(function (item) {
      for (var i = 0; i < item.n.length; i += 2) {
        var key = item.n[i];
        total[key] = (total[key] || 0) + item.n[i + 1];
        inArticles[key] = (inArticles[key] || 0) + 1;
        if (item.p !== undefined && item.p >= 0) { dated[key] = true; }
      }
    });
    var keys = Object.keys(dated).map(Number).sort(function (a, b) {
      return (total[b] - total[a]) || (inArticles[b] - inArticles[a]) || (a - b);
    });
    if (active !== null && dated[active]) {
      keys = [active].concat(keys.filter(function (key) { return key !== active; }));
    }
    return keys.slice(0, data.series);
  }

  function svg(tag, attrs, text) {
    var node = document.createElementNS(svgNS, tag);
    Object.keys(attrs).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function step(max) {
    // A round step (1, 2 or 5 times a power of ten) giving at most five gridlines.
    var unit = 1;
    while (true) {
      var choices = [unit, 2 * unit, 5 * unit];
      for (var i = 0; i < choices.length; i++) { if (max / choices[i] <= 5) { return choices[i]; } }
      unit *= 10;
    }
  }

  function draw(series) {
    var periods = data.periods;
    var width = 960, height = 260, left = 52, right = 16, top = 12, bottom = 30;
    var inner = width - left - right, tall = height - top - bottom;
    var max = 1;
    series.forEach(function (s) { s.counts.forEach(function (n) { max = Math.max(max, n); }); });
    var gap = step(max);
    var ceiling = Math.ceil(max / gap) * gap;
    function x(i) { return left + (periods.length === 1 ? inner / 2 : inner * i / (periods.length - 1)); }
    function y(n) { return top + tall - tall * n / ceiling; }
    var root = svg("svg", { viewBox: "0 0 " + width + " " + height, xmlns: svgNS });
    for (var n = 0; n <= ceiling; n += gap) {
      root.appendChild(svg("line", { x1: left, x2: width - right, y1: y(n), y2: y(n), stroke: "#dde2e8" }));
      root.appendChild(svg("text", { x: left - 6, y: y(n) + 4, "text-anchor": "end", "class": "tick" }, String(n)));
    }
    var every = Math.max(1, Math.ceil(periods.length / 8));
    for (var i = 0; i < periods.length; i += every) {
      var label = data.unit === "month" ? periods[i].slice(0, 7) : periods[i];
      root.appendChild(svg("text", { x: x(i), y: height - 8, "text-anchor": "middle", "class": "tick" }, label));
    }
    root.appendChild(svg("text", {
      x: 14, y: top + tall / 2, "text-anchor": "middle", "class": "tick",
      transform: "rotate(-90 14 " + (top + tall / 2) + ")"
    }, "mentions per " + data.unit));
    var dot = periods.length <= 8 ? 4 : periods.length <= 120 ? 2.5 : 0;
    series.forEach(function (s) {
      var points = s.counts.map(function (count, i) { return x(i) + "," + y(count); }).join(" ");
      root.appendChild(svg("polyline", { points: points, fill: "none", stroke: s.color, "stroke-width": 1.8 }));
      if (dot) {
        s.counts.forEach(function (count, i) {
          root.appendChild(svg("circle", { cx: x(i), cy: y(count), r: dot, fill: s.color }));
        });
      }
    });
    return root;
  }

  function chart() {
    var figure = document.getElementById("chart");
    var legend = document.getElementById("chart-legend");
    var note = document.getElementById("chart-note");
    var numbers = document.getElementById("chart-numbers");
    var scope = document.getElementById("chart-scope");
    var items = active === null ? everything : everything.filter(function (item) { return mentions(item, active) > 0; });
    var keys = ranked(items);
    var series = keys.map(function (key, index) {
      var counts = data.periods.map(function () { return 0; });
      var undated = 0;
      items.forEach(function (item) {
        var n = mentions(item, key);
        if (item.p !== undefined && item.p >= 0) { counts[item.p] += n; } else { undated += n; }
      });
      return { key: key, color: palette[index % palette.length], counts: counts, undated: undated };
    });
    charted = series;
    scope.hidden = active === null;
    scope.textContent = active === null ? "" : "In the " + plural(items.length, "article") + " mentioning " +
      entities[active][2] + ": it and the entities most named with it.";
    figure.textContent = "";
    legend.textContent = "";
    numbers.hidden = !series.length;
    if (!series.length) {
      figure.removeAttribute("aria-label");
      figure.appendChild(el("p", { "class": "note" }, "No dated mentions to chart."));
      note.hidden = true;
      return;
    }
    figure.setAttribute("aria-label", "Line chart: mentions per " + data.unit + " of " +
      (active === null ? "the " + series.length + " most-mentioned " + (series.length === 1 ? "entity" : "entities")
        : entities[active][2] + " and " + plural(series.length - 1, "entity") + " most named with it"));
    figure.appendChild(draw(series));
    series.forEach(function (s) {
      var item = legend.appendChild(el("li"));
      item.appendChild(el("span", { "class": "swatch" })).style.background = s.color;
      item.appendChild(document.createTextNode(" "));
      item.appendChild(button(s.key, "chip"));
    });
    var undated = series.reduce(function (sum, s) { return sum + s.undated; }, 0);
    note.hidden = !undated;
    note.textContent = plural(undated, "mention") + " of these entities in undated articles are not charted.";
    numbers.querySelector("summary").textContent = "The numbers (" + plural(data.periods.length, data.unit) + ")";
    table();
  }

  function table() {
    // The chart's numbers, built only while their table is open (a long span has many periods).
    var numbers = document.getElementById("chart-numbers");
    if (!numbers.open) { return; }
    var head = el("tr");
    head.appendChild(el("th", {}, data.unit.charAt(0).toUpperCase() + data.unit.slice(1) + " from"));
    charted.forEach(function (s) { head.appendChild(el("th", { "class": "num", dir: "auto" }, entities[s.key][2])); });
    numbers.querySelector("thead").replaceChildren(head);
    var rows = document.createDocumentFragment();
    data.periods.forEach(function (period, i) {
      var row = rows.appendChild(el("tr"));
      row.appendChild(el("th", { scope: "row" }, period));
      charted.forEach(function (s) { row.appendChild(el("td", { "class": "num" }, String(s.counts[i]))); });
    });
    numbers.querySelector("tbody").replaceChildren(rows);
  }

  // -- the filter --------------------------------------------------------------------------

  function press(key, state) {
    if (key === null) { return; }
    document.querySelectorAll('button[data-key="e' + key + '"]').forEach(function (node) {
      node.setAttribute("aria-pressed", String(state));
    });
  }

  function show(key) {
    press(active, false);
    active = key;
    matches = [];
    articles.forEach(function (article, index) {
      if (key === null || mentions(article, key) > 0) { matches.push(index); }
    });
    list.textContent = "";
    shown = 0;
    page(size);
    chart();
    press(key, true);
    // One style rule outlines the active entity's mentions, wherever they are.
    highlight.textContent = key === null ? "" : 'mark[data-key="e' + key + '"] { outline: 2px solid var(--accent); }';
    if (key === null) {
      status.textContent = articles.length === 1 ? "Showing the one article" : "Showing all " + articles.length + " articles";
    } else {
      status.textContent = "Showing " + matches.length + " of " + articles.length + " articles, those mentioning " +
        entities[key][2];
    }
    clear.hidden = key === null;
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target.closest("[data-key]") : null;
    if (!target) { return; }
    var key = parseInt(target.getAttribute("data-key").slice(1), 10);
    if (!(key >= 0 && key < entities.length)) { return; }
    show(key === active ? null : key);
  });
  clear.addEventListener("click", function () { show(null); });
  more.addEventListener("click", function () { page(shown + size); });
  document.getElementById("chart-numbers").addEventListener("toggle", table);
  show(null);
})();
