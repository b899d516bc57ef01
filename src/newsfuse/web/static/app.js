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

// Event page: the corrections form posts to /api/edits with the server's token.
(function () {
  "use strict";
  var form = document.getElementById("edit-form");
  if (!form) return;
  var status = document.getElementById("edit-status");
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var action = form.elements.action.value, value = form.elements.value.value.trim(), args = {};
    if (action === "date") args = { start: value };
    else if (action === "type") args = { event_type: value };
    else if (action === "place") args = { name: value };
    else if (action === "merge") args = { merged: value };
    else if (action === "figure") {
      var parts = value.split(/\s+/);
      args = { category: parts[0], value: parseInt(parts[1], 10) };
    }
    fetch("/api/edits", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Authorization": "Bearer " + form.elements.token.value },
      body: JSON.stringify({ action: action, event_id: form.dataset.event, args: args,
                             reason: form.elements.reason.value || null })
    }).then(function (response) {
      return response.json().then(function (body) {
        if (!response.ok) throw new Error(body.error ? body.error.message : response.statusText);
        window.location.href = "/events/" + body.event_id + "?edited=" + body.seq + "#edits";  // a new URL: reloads
      });
    }).catch(function (error) { status.textContent = "Not saved: " + error.message; });
  });
})();
