/* Search page: start Pagefind UI in #search and run the query from ?q=.
   Stub pages for earlier posts published elsewhere carry an `external_url`
   meta value; their results link straight to that address. */
(function () {
  "use strict";

  function bundlePath(el) {
    var fromData = el.getAttribute("data-bundle-path");
    if (fromData) return fromData;
    var ui = document.querySelector('script[src$="pagefind-ui.js"]');
    return ui ? ui.src.replace(/pagefind-ui\.js(\?.*)?$/, "") : "/pagefind/";
  }

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

  function linkOut(result) {
    var external = result.meta && result.meta.external_url;
    if (external) {
      delete result.meta.external_url;
      var url = webAddress(external);
      if (url) {
        result.url = result.meta.url = url.href;
        result.sub_results = [];
        result.meta["Earlier post on"] = url.hostname;
      }
    }
    return result;
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
    var ui = new window.PagefindUI({
      element: "#search",
      showSubResults: true,
      showImages: false,
      bundlePath: bundlePath(el),
      processResult: linkOut
    });
    var q = new URLSearchParams(window.location.search).get("q");
    if (q && q.trim()) ui.triggerSearch(q.trim());
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
