/* "Pick a tool": filter the tool lists by name or alias as you type. The page works
   without this script (status filters are links); it only reveals the name filter. */
(function () {
  "use strict";

  function init() {
    var form = document.querySelector(".picker__search");
    var input = document.getElementById("pick-q");
    var count = document.getElementById("pick-count");
    if (!form || !input) return;
    var tools = Array.prototype.slice.call(document.querySelectorAll(".pick"));
    var groups = Array.prototype.slice.call(document.querySelectorAll(".pick-category"));

    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      tools.forEach(function (tool) {
        var name = tool.getAttribute("data-name") || "";
        var match = words.every(function (w) { return name.indexOf(w) !== -1; });
        tool.classList.toggle("is-filtered", !match);
        if (match) shown += 1;
      });
      groups.forEach(function (group) {
        group.classList.toggle("is-empty", !group.querySelector(".pick:not(.is-filtered)"));
      });
      count.textContent = words.length ? shown + (shown === 1 ? " tool matches" : " tools match") : "";
    }

    form.addEventListener("submit", function (event) { event.preventDefault(); });
    input.addEventListener("input", apply);
    form.hidden = false;
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
