/* Search page: Pagefind UI in #search, the query from ?q=, filters shown before typing,
   earlier posts published elsewhere linked out with their semester and host, and tool
   suggestions ("did you mean") when a query finds nothing. */
(function () {
  "use strict";

  function bundlePath(el) {
    var fromData = el.getAttribute("data-bundle-path");
    if (fromData) return fromData;
    var ui = document.querySelector('script[src$="pagefind-ui.js"]');
    return ui ? ui.src.replace(/pagefind-ui\.js(\?.*)?$/, "") : "/pagefind/";
  }

  /* Stub pages of earlier posts carry `external_url`, `earlier` (semester · host · author)
     and, when known, `summary`: the result links out and says where it lives. */

  // The address of an earlier post, only when it is a plain http(s) link (the catalog is
  // validated when loaded; this keeps a `javascript:` value from ever becoming an href).
  function webAddress(value) {
    try {
      var url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:" ? url : null;
    } catch (e) {
      return null;
    }
  }

  // Pagefind's UI shows `excerpt` with innerHTML; a summary is text, so it is escaped.
  function asHtml(text) {
    var holder = document.createElement("span");
    holder.textContent = text;
    return holder.innerHTML;
  }

  function linkOut(result) {
    var meta = result.meta || {};
    var external = meta.external_url;
    if (external) {
      delete meta.external_url;
      var url = webAddress(external);
      if (url) {
        result.url = meta.url = url.href;
        result.sub_results = [];
      }
      meta["Earlier post"] = meta.earlier || "";
      delete meta.earlier;
      var about = meta.summary || meta.about;
      if (about) result.excerpt = asHtml(about);
      delete meta.summary;
      delete meta.about;
    }
    return result;
  }

  /* Fuzzy tool names: the written query against every name and alias, by edit distance
     (adjacent swaps count once). No library is loaded for a few hundred short names. */
  function normalize(text) {
    return text.toLowerCase().replace(/&/g, "and").replace(/[^a-z0-9]+/g, "");
  }
  function distance(a, b) {
    var rows = [];
    for (var i = 0; i <= a.length; i++) { rows.push([i]); }
    for (var j = 1; j <= b.length; j++) { rows[0][j] = j; }
    for (i = 1; i <= a.length; i++) {
      for (j = 1; j <= b.length; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var best = Math.min(rows[i - 1][j] + 1, rows[i][j - 1] + 1, rows[i - 1][j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          best = Math.min(best, rows[i - 2][j - 2] + 1);
        }
        rows[i][j] = best;
      }
    }
    return rows[a.length][b.length];
  }
  function suggest(tools, query) {
    var wanted = normalize(query);
    if (wanted.length < 3) return [];
    var allowed = wanted.length <= 5 ? 1 : wanted.length <= 9 ? 2 : 3;
    var scored = [];
    tools.forEach(function (tool) {
      var best = Infinity;
      [tool.name].concat(tool.aliases || []).forEach(function (name) {
        var key = normalize(name);
        if (!key) return;
        var d = distance(wanted, key);
        if (key.length > wanted.length + 2 && key.indexOf(wanted.slice(0, 4)) === 0) {
          d = Math.min(d, distance(wanted, key.slice(0, wanted.length)));
        }
        best = Math.min(best, d);
      });
      if (best <= allowed) scored.push({ tool: tool, score: best });
    });
    scored.sort(function (x, y) { return x.score - y.score || x.tool.name.localeCompare(y.tool.name); });
    return scored.slice(0, 5).map(function (s) { return s.tool; });
  }

  function suggestions(root, box, siteRoot) {
    var tools = null;
    var pending = null;
    function load() {
      if (!pending) {
        pending = fetch(siteRoot + "search/tools.json")
          .then(function (r) { return r.ok ? r.json() : []; })
          .catch(function () { return []; })
          .then(function (data) { tools = data; return data; });
      }
      return pending;
    }
    function render(query, found) {
      box.textContent = "";
      if (!found.length) { box.hidden = true; return; }
      var p = document.createElement("p");
      p.textContent = "No posts match “" + query + "”. Did you mean ";
      found.forEach(function (tool, index) {
        var a = document.createElement("a");
        a.textContent = tool.name;
        a.href = tool.url ? siteRoot + tool.url : "?q=" + encodeURIComponent(tool.name);
        if (index) p.appendChild(document.createTextNode(index === found.length - 1 ? " or " : ", "));
        p.appendChild(a);
      });
      p.appendChild(document.createTextNode("?"));
      box.appendChild(p);
      box.hidden = false;
    }
    function check() {
      var input = root.querySelector(".pagefind-ui__search-input");
      var message = root.querySelector(".pagefind-ui__message");
      var query = input ? input.value.trim() : "";
      // Pagefind says "N results for …" or, when nothing matches, a sentence without a count.
      var none = message && query && !root.querySelector(".pagefind-ui__result") &&
        !/^\s*\d/.test(message.textContent);
      if (!none) { box.hidden = true; return; }
      load().then(function () {
        if (input && input.value.trim() === query) render(query, suggest(tools || [], query));
      });
    }
    new MutationObserver(check).observe(root, { childList: true, subtree: true, characterData: true });
  }

  function labelInput(root, labelText) {
    var input = root.querySelector(".pagefind-ui__search-input");
    if (!input || input.id) return !!input;
    input.id = "search-q";
    var label = document.createElement("label");
    label.className = "visually-hidden";
    label.htmlFor = input.id;
    label.textContent = labelText;
    input.parentNode.insertBefore(label, input);
    input.removeAttribute("title");
    return true;
  }

  function init() {
    var el = document.getElementById("search");
    if (!el) return;
    if (typeof window.PagefindUI !== "function") {
      var note = document.createElement("p");
      note.className = "callout";
      note.textContent = "The search index is not available. Build the site with Pagefind to enable search.";
      el.appendChild(note);
      return;
    }
    var path = bundlePath(el);
    var ui = new window.PagefindUI({
      element: "#search",
      showSubResults: true,
      showImages: false,
      showEmptyFilters: false,
      // Short stub pages of earlier posts would otherwise outrank long posts.
      ranking: { pageLength: 0 },
      bundlePath: path,
      processResult: linkOut
    });
    labelInput(el, el.getAttribute("data-label") || "Search posts");
    var box = document.getElementById("search-suggestions");
    if (box) suggestions(el, box, el.getAttribute("data-site-root") || "/");
    var q = new URLSearchParams(window.location.search).get("q");
    if (q && q.trim()) {
      // Search only once every filter is loaded. A search that runs while Pagefind is
      // still fetching its filter chunks reports only the filters loaded so far, and the
      // UI keeps that partial list for good (on a slow device the "Category" group never
      // appears). Pagefind UI imports this same module, so the chunks are shared.
      var run = function () { ui.triggerSearch(q.trim()); };
      import(path + "pagefind.js")
        .then(function (pagefind) { return pagefind.filters(); })
        .then(run, run);
    } else {
      // Pagefind UI loads its index when the input gets focus; load it now (without
      // moving the focus), so the filters are there before anything is typed.
      var input = el.querySelector(".pagefind-ui__search-input");
      if (input) input.dispatchEvent(new Event("focus"));
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
