// Evidence links: show the sentence a row comes from, highlighted inside its article's body.
// Offsets (data-s, data-e) count UTF-16 units in the body's text; the text is only ever set
// through text nodes, never parsed as HTML.
(function () {
  "use strict";
  var originals = new Map();
  var shown = null;
  var origin = null;
  var back = document.getElementById("back");

  function reset() {
    if (shown) { shown.textContent = originals.get(shown); shown = null; }
    if (origin) { origin.classList.remove("origin"); }
  }

  function show(link) {
    var box = document.getElementById("src-" + link.dataset.src);
    if (!box) { return false; }
    var body = box.querySelector(".body");
    if (!originals.has(body)) { originals.set(body, body.textContent); }
    reset();
    var text = originals.get(body);
    var start = Math.max(0, Math.min(text.length, parseInt(link.dataset.s, 10) || 0));
    var end = Math.max(start, Math.min(text.length, parseInt(link.dataset.e, 10) || 0));
    var mark = document.createElement("mark");
    mark.className = "evidence";
    mark.textContent = text.slice(start, end);
    body.replaceChildren(document.createTextNode(text.slice(0, start)), mark,
                         document.createTextNode(text.slice(end)));
    shown = body;
    box.open = true;
    origin = link.closest("tr, .side");
    if (origin) { origin.classList.add("origin"); }
    mark.scrollIntoView({ block: "center" });
    if (back) { back.hidden = false; }
    return true;
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.ev") : null;
    if (link && show(link)) { event.preventDefault(); }
  });
  if (back) {
    back.addEventListener("click", function () {
      if (origin) { origin.scrollIntoView({ block: "center" }); }
      back.hidden = true;
    });
  }
})();
