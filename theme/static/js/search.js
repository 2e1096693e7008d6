/* Search page: the form in search.html, run on Pagefind's JavaScript API (pagefind.js).

   Pagefind's own UI bundle is not used: it weighs about as much as the rest of the page
   together, and it asks for every filter chunk (`filters()`) as soon as it starts. Here
   the index is loaded when a search starts, the filter values when the filter panel is
   opened, and a result's text (its fragment) only when that result is shown, five at a
   time. Earlier posts published elsewhere link out with their semester and host, and a
   query that finds nothing suggests tools by a fuzzy match on their names. */
(function () {
  "use strict";

  var PAGE_SIZE = 5;
  var SUB_RESULTS = 3;
  var DEBOUNCE_MS = 250;
  // The index of "m" or "ml" is large and rarely the word meant: a word of SHORT_WORD
  // characters or fewer is not preloaded, and searched after SHORT_WORD_MS (or on Enter).
  var SHORT_WORD = 2;
  var SHORT_WORD_MS = 700;
  // Filter groups in the order shown; a group the index has but this list lacks comes last.
  var GROUPS = [["category", "Category"], ["semester", "Semester"], ["tool", "Tool"], ["tag", "Tag"]];

  /* ---- Text from Pagefind ---- */

  // One inert document for decoding: parsing there runs nothing and loads nothing.
  var inert = document.implementation.createHTMLDocument("");

  // Filter values are stored HTML-escaped (the `pagefind_text` Jinja filter), so that
  // Pagefind's own UIs, which print them with innerHTML, show text. Here they are decoded
  // once and only ever set as text.
  function decoded(html) {
    var holder = inert.createElement("div");
    holder.innerHTML = html;
    return holder.textContent || "";
  }

  // Pagefind's excerpts are page text with `<` and `>` escaped and the matched words in
  // <mark>: rebuilt here as text nodes and <mark> elements, nothing else.
  function excerptNodes(html) {
    var holder = inert.createElement("div");
    holder.innerHTML = html;
    var out = document.createDocumentFragment();
    holder.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        out.appendChild(mark);
      } else {
        out.appendChild(document.createTextNode(node.textContent || ""));
      }
    });
    return out;
  }

  // The address of an earlier post, only when it is a plain http(s) link (the catalog is
  // validated when loaded; this keeps a `javascript:` value from ever becoming an href).
  function webAddress(value) {
    try {
      var url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:" ? url.href : null;
    } catch (e) {
      return null;
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text) node.textContent = text;
    return node;
  }

  /* ---- Fuzzy tool names ("did you mean") ----
     The written query against every name and alias, by edit distance (adjacent swaps
     count once). No library is loaded for a few hundred short names. */
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

  /* ---- The page ---- */

  function SearchPage(form) {
    this.form = form;
    this.input = form.querySelector("#search-q");
    this.panel = form.querySelector("#search-filters");
    this.groups = form.querySelector("#search-groups");
    this.chosen = form.querySelector("#search-chosen");
    this.message = form.querySelector("#search-message");
    this.list = form.querySelector("#search-results");
    this.more = form.querySelector("#search-more");
    this.box = form.querySelector("#search-suggestions");
    this.bundle = form.getAttribute("data-bundle-path") || "/pagefind/";
    this.siteRoot = form.getAttribute("data-site-root") || "/";
    this.pagefind = null; // the module's promise, once a search or the filters need it
    this.filtersLoaded = null; // the promise of every filter value, once the panel opened
    this.tools = null;
    this.serial = 0; // the newest search; answers to older ones are dropped
    this.results = [];
    this.shown = 0;
    this.summary = "";
    this.timer = null;
  }

  SearchPage.prototype.load = function () {
    if (!this.pagefind) {
      var bundle = this.bundle;
      this.pagefind = import(bundle + "pagefind.js").then(function (pagefind) {
        // Short stub pages of earlier posts would otherwise outrank long posts.
        return pagefind.options({ ranking: { pageLength: 0 } }).then(function () { return pagefind; });
      });
    }
    return this.pagefind;
  };

  SearchPage.prototype.selected = function () {
    var filters = {};
    var count = 0;
    this.groups.querySelectorAll("input[type=checkbox]:checked").forEach(function (box) {
      var group = box.getAttribute("data-group");
      (filters[group] = filters[group] || { any: [] }).any.push(box.value);
      count++;
    });
    this.chosen.textContent = count ? " (" + count + " chosen)" : "";
    return { filters: filters, count: count };
  };

  SearchPage.prototype.schedule = function () {
    var self = this;
    var term = this.input.value.trim();
    clearTimeout(this.timer);
    var words = term.split(/\s+/);
    var short = term !== "" && words[words.length - 1].length <= SHORT_WORD;
    if (term !== "" && !short) {
      // Fetch the index chunks for the words before the search itself runs.
      this.load().then(function (pagefind) { return pagefind.preload(term); }).catch(function () {});
    }
    this.timer = setTimeout(function () { self.run(); }, short ? SHORT_WORD_MS : DEBOUNCE_MS);
  };

  SearchPage.prototype.run = function () {
    var self = this;
    clearTimeout(this.timer);
    var term = this.input.value.trim();
    var choice = this.selected();
    var serial = ++this.serial;
    this.remember(term);
    if (!term && !choice.count) {
      this.show(serial, term, null);
      return;
    }
    this.message.textContent = term ? "Searching for " + term + "…" : "Searching…";
    this.load()
      .then(function (pagefind) { return pagefind.search(term || null, { filters: choice.filters }); })
      .then(function (response) { self.show(serial, term, response); })
      .catch(function () {
        if (serial === self.serial) self.message.textContent = "Search failed: the index could not be loaded.";
      });
  };

  // The query in the address, so that reloading or sharing the page repeats it.
  SearchPage.prototype.remember = function (term) {
    var url = new URL(window.location.href);
    if (term) url.searchParams.set("q", term); else url.searchParams.delete("q");
    if (url.href !== window.location.href) window.history.replaceState(null, "", url.href);
  };

  SearchPage.prototype.show = function (serial, term, response) {
    if (serial !== this.serial) return;
    this.results = response ? response.results : [];
    this.shown = 0;
    this.box.hidden = true;
    if (!response) {
      this.list.textContent = "";
      this.list.removeAttribute("aria-busy");
      this.message.textContent = "";
      this.more.hidden = true;
      this.counts(null);
      return;
    }
    var n = this.results.length;
    var what = term ? " for " + term : " for the chosen filters";
    // Shown with the results themselves (page()), so the count never describes old ones.
    this.summary = (n ? n + (n === 1 ? " result" : " results") : "No results") + what;
    this.counts(response.filters);
    this.page(serial);
    if (!n && term) this.suggestFor(serial, term);
  };

  // The next PAGE_SIZE results. Only shown results fetch their fragment (their text); the
  // batch is added once all of them have arrived, below what is shown, so nothing on the
  // page moves. Resolves to the first new item (or null).
  SearchPage.prototype.page = function (serial) {
    var self = this;
    var fresh = this.shown === 0; // a new search: its results replace the old ones
    var batch = this.results.slice(this.shown, this.shown + PAGE_SIZE);
    this.shown += batch.length;
    this.more.hidden = true;
    if (!batch.length) {
      if (fresh) {
        this.list.textContent = "";
        this.list.removeAttribute("aria-busy");
        this.message.textContent = this.summary;
      }
      return Promise.resolve(null);
    }
    this.list.setAttribute("aria-busy", "true");
    return Promise.all(batch.map(function (result) {
      return result.data().then(null, function () { return null; });
    })).then(function (found) {
      if (serial !== self.serial) return null;
      var first = null;
      if (fresh) {
        self.list.textContent = "";
        self.message.textContent = self.summary;
      }
      found.forEach(function (data) {
        var item = element("li", "search-result");
        if (data) self.fill(item, data); else item.textContent = "This result could not be loaded.";
        self.list.appendChild(item);
        first = first || item;
      });
      self.list.removeAttribute("aria-busy");
      self.more.hidden = self.shown >= self.results.length;
      return first;
    });
  };

  SearchPage.prototype.fill = function (item, data) {
    var meta = data.meta || {};
    var external = meta.external_url ? webAddress(meta.external_url) : null;
    var title = element("h2", "search-result__title");
    var link = element("a", "search-result__link", meta.title || data.url);
    link.href = external || data.url;
    if (external) link.rel = "noopener external";
    title.appendChild(link);
    item.appendChild(title);
    var label = null;
    if (meta.external_url !== undefined) {
      // An earlier post: where and when it was published; its summary is the excerpt.
      label = "Earlier post: " + (meta.earlier || "");
    } else if (meta.tool) {
      label = (meta.tool.indexOf(",") >= 0 ? "Tools: " : "Tool: ") + meta.tool;
    }
    if (label) item.appendChild(element("p", "search-result__label", label));
    var excerpt = element("p", "search-result__excerpt");
    if (meta.external_url !== undefined) {
      excerpt.textContent = meta.summary || meta.about || "";
    } else {
      excerpt.appendChild(excerptNodes(data.excerpt || ""));
    }
    item.appendChild(excerpt);
    var subs = external ? [] : this.subResults(data);
    if (subs.length) {
      var list = element("ul", "search-result__subs");
      subs.forEach(function (sub) {
        var li = element("li");
        var a = element("a", "search-result__sublink", sub.title);
        a.href = sub.url;
        li.appendChild(a);
        var text = element("p", "search-result__excerpt");
        text.appendChild(excerptNodes(sub.excerpt || ""));
        li.appendChild(text);
        list.appendChild(li);
      });
      item.appendChild(list);
    }
  };

  // The page's sections (headings with an id) where the words are found most, in page
  // order; the section that is the page itself is not repeated.
  SearchPage.prototype.subResults = function (data) {
    var subs = (data.sub_results || []).filter(function (sub) {
      return sub.url !== data.url && sub.title;
    });
    var best = subs.slice().sort(function (a, b) {
      return (b.locations || []).length - (a.locations || []).length;
    }).slice(0, SUB_RESULTS);
    return subs.filter(function (sub) { return best.indexOf(sub) >= 0; });
  };

  /* ---- Filters: loaded when the panel opens ---- */

  SearchPage.prototype.openFilters = function () {
    var self = this;
    if (!this.filtersLoaded) {
      this.groups.setAttribute("aria-busy", "true");
      this.filtersLoaded = this.load()
        .then(function (pagefind) { return pagefind.filters(); })
        .then(function (all) {
          self.drawFilters(all);
          // Counts for the current query, now that Pagefind holds the filter chunks.
          return self.refreshCounts();
        })
        .then(function () {
          self.groups.removeAttribute("aria-busy");
        }, function () {
          self.groups.removeAttribute("aria-busy");
          self.groups.textContent = "";
          self.groups.appendChild(element("p", "muted", "The filters could not be loaded."));
          self.filtersLoaded = null;
        });
    }
    return this.filtersLoaded;
  };

  SearchPage.prototype.refreshCounts = function () {
    var self = this;
    var term = this.input.value.trim();
    var choice = this.selected();
    var serial = this.serial;
    if (!term && !choice.count) return Promise.resolve();
    return this.load()
      .then(function (pagefind) { return pagefind.search(term || null, { filters: choice.filters }); })
      .then(function (response) { if (serial === self.serial) self.counts(response.filters); })
      .catch(function () {});
  };

  SearchPage.prototype.drawFilters = function (all) {
    var self = this;
    this.groups.textContent = "";
    var names = GROUPS.map(function (g) { return g[0]; });
    var order = GROUPS.filter(function (g) { return all[g[0]]; }).concat(
      Object.keys(all).filter(function (key) { return names.indexOf(key) < 0; }).map(function (key) {
        return [key, key.charAt(0).toUpperCase() + key.slice(1)];
      })
    );
    order.forEach(function (group) {
      var key = group[0];
      var values = Object.keys(all[key]).map(function (raw) {
        return { raw: raw, text: decoded(raw), count: all[key][raw] };
      });
      if (!values.length) return;
      values.sort(function (a, b) {
        return a.text.localeCompare(b.text, undefined, { numeric: true, sensitivity: "base" });
      });
      var details = element("details", "search-group");
      details.setAttribute("data-group", key);
      var summary = element("summary", "search-group__name", group[1]);
      details.appendChild(summary);
      var fieldset = element("fieldset", "search-group__values");
      fieldset.appendChild(element("legend", "visually-hidden", group[1]));
      values.forEach(function (value, index) {
        var id = "filter-" + key.replace(/[^a-z0-9_-]/gi, "") + "-" + index;
        var row = element("div", "search-value");
        var box = element("input");
        box.type = "checkbox";
        box.id = id;
        box.value = value.raw;
        box.setAttribute("data-group", key);
        var label = element("label", "search-value__label");
        label.htmlFor = id;
        label.appendChild(element("span", "search-value__text", value.text));
        label.appendChild(document.createTextNode(" "));
        label.appendChild(element("span", "search-value__count", "(" + value.count + ")"));
        row.appendChild(box);
        row.appendChild(label);
        fieldset.appendChild(row);
      });
      details.appendChild(fieldset);
      self.groups.appendChild(details);
    });
    this.totals = all;
  };

  // Per value, how many results it would leave; values that would leave none are hidden
  // unless chosen. Without a search, every value's total.
  SearchPage.prototype.counts = function (filtered) {
    var counts = filtered && Object.keys(filtered).length ? filtered : this.totals;
    if (!counts) return;
    this.groups.querySelectorAll("input[type=checkbox]").forEach(function (box) {
      var group = counts[box.getAttribute("data-group")] || {};
      var n = group[box.value] || 0;
      var row = box.parentNode;
      row.querySelector(".search-value__count").textContent = "(" + n + ")";
      row.hidden = !n && !box.checked;
    });
  };

  /* ---- Suggestions: tools.json, fetched only when a query finds nothing ---- */

  SearchPage.prototype.suggestFor = function (serial, term) {
    var self = this;
    if (!this.tools) {
      this.tools = fetch(this.siteRoot + "search/tools.json")
        .then(function (r) { return r.ok ? r.json() : []; })
        .catch(function () { return []; });
    }
    this.tools.then(function (tools) {
      if (serial !== self.serial) return;
      var found = suggest(tools, term);
      self.box.textContent = "";
      if (!found.length) return;
      var p = element("p", "", "No posts match “" + term + "”. Did you mean ");
      found.forEach(function (tool, index) {
        var a = element("a", "", tool.name);
        a.href = tool.url ? self.siteRoot + tool.url : "?q=" + encodeURIComponent(tool.name);
        if (index) p.appendChild(document.createTextNode(index === found.length - 1 ? " or " : ", "));
        p.appendChild(a);
      });
      p.appendChild(document.createTextNode("?"));
      self.box.appendChild(p);
      self.box.hidden = false;
    });
  };

  SearchPage.prototype.start = function () {
    var self = this;
    this.form.addEventListener("submit", function (event) {
      event.preventDefault();
      self.run();
    });
    this.input.addEventListener("input", function () { self.schedule(); });
    // Start loading the index as soon as the reader is about to type.
    this.input.addEventListener("focus", function () { self.load(); }, { once: true });
    this.panel.addEventListener("toggle", function () {
      if (self.panel.open) self.openFilters();
    });
    this.groups.addEventListener("change", function () { self.run(); });
    this.more.addEventListener("click", function () {
      self.page(self.serial).then(function (first) {
        var link = first && first.querySelector("a");
        // Keyboard users go on from the first new result.
        if (link) link.focus();
      });
    });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q && q.trim()) {
      this.input.value = q.trim();
      this.run();
    }
  };

  function init() {
    var form = document.getElementById("search");
    if (form && form.querySelector("#search-q")) new SearchPage(form).start();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
