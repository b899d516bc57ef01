// Progressive enhancement only: every page works without this file.
// Article page: clicking a marked passage shows what was extracted from it.
(function () {
  "use strict";
  var panel = document.getElementById("fact-details");
  var text = document.getElementById("text");
  if (!panel || !text) return;
  text.addEventListener("click", function (event) {
    var mark = event.target.closest(".hl");
    if (!mark) return;
    document.querySelectorAll(".hl.active, li.fact.active").forEach(function (el) { el.classList.remove("active"); });
    mark.classList.add("active");
    var lines = [];
    (mark.getAttribute("data-facts") || "").split(" ").forEach(function (id) {
      var item = id && document.getElementById(id);
      if (!item) return;
      item.classList.add("active");
      var list = item.closest("details");
      if (list) list.open = true;
      lines.push(item.className.replace("fact k-", "") + ": " + item.querySelector(".desc").textContent);
    });
    panel.textContent = lines.join("\n");  // textContent: article words are never parsed as HTML
    panel.hidden = lines.length === 0;
  });
})();
