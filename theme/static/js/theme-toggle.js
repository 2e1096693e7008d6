/* Light/dark theme toggle. Without a stored choice the page follows
   prefers-color-scheme (pure CSS); a click stores the choice in
   localStorage and sets data-theme="light|dark" on <html>. */
(function () {
  "use strict";
  var KEY = "anthology-theme";
  var root = document.documentElement;
  var dark = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function load() {
    try { return localStorage.getItem(KEY); } catch (e) { return null; }
  }
  function save(theme) {
    try { localStorage.setItem(KEY, theme); } catch (e) { /* private mode */ }
  }
  function current() {
    return root.getAttribute("data-theme") || (dark && dark.matches ? "dark" : "light");
  }

  var stored = load();
  if (stored === "light" || stored === "dark") root.setAttribute("data-theme", stored);

  var button = document.querySelector(".theme-toggle");
  if (!button) return;
  function sync() { button.setAttribute("aria-pressed", String(current() === "dark")); }

  button.addEventListener("click", function () {
    var next = current() === "dark" ? "light" : "dark";
    root.setAttribute("data-theme", next);
    save(next);
    sync();
  });
  if (dark && dark.addEventListener) dark.addEventListener("change", sync);
  sync();
  button.hidden = false;
})();
