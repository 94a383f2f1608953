// The preview's bridge to the app. Runs in an isolated world (page scripts are off): it patches
// the persistent page with what the app sends, and reports scrolling for scroll sync.
// No timers: with page scripts off they do not run in this world either.
(function () {
  "use strict";
  var bridge = null;
  var body = null;
  var regions = {};
  var programmaticTarget = null;
  var programmaticUntil = 0;
  var lastReported = null;

  function applyUpdate(json) {
    var update = JSON.parse(json);
    var ok = true;
    if (update.title !== undefined) { document.title = update.title; }
    if (update.head !== undefined) { replaceHead(update.head); }
    if (update.regions) {
      Object.keys(update.regions).forEach(function (name) {
        if (regions[name]) { regions[name].innerHTML = update.regions[name]; }
      });
    }
    if (update.font_size) {
      document.documentElement.style.setProperty("--preview-font-size", update.font_size + "px");
    }
    if (update.body) { ok = patchBody(update.body); }
    if (ok && update.lines) { setLines(update.lines); }
    if (update.reset_scroll) { scrollToY(0); }
    if (ok) { bridge.patched(update.seq); } else { bridge.resync(update.seq); }
  }

  // The head's metadata (Open Graph, JSON-LD...): every tag marked data-meta, replaced whole.
  function replaceHead(html) {
    var old = document.head.querySelectorAll("[data-meta]");
    for (var i = 0; i < old.length; i++) { old[i].parentNode.removeChild(old[i]); }
    var template = document.createElement("template");
    template.innerHTML = html;
    document.head.appendChild(template.content);
  }

  function patchBody(patch) {
    var children = body.children;
    if (children.length !== patch.expect) { return false; }
    for (var i = 0; i < patch["delete"]; i++) { body.removeChild(children[patch.start]); }
    if (patch.insert.length) {
      var template = document.createElement("template");
      template.innerHTML = patch.insert.join("\n");
      body.insertBefore(template.content, children[patch.start] || null);
    }
    return true;
  }

  function setLines(lines) {
    var children = body.children;
    for (var i = 0; i < lines.values.length; i++) {
      var child = children[lines.from + i];
      var value = lines.values[i];
      if (!child) { break; }
      if (value === null) { child.removeAttribute("data-source-line"); continue; }
      if (child.getAttribute("data-source-line") !== String(value)) {
        child.setAttribute("data-source-line", String(value));
      }
    }
  }

  function lineOf(element) {
    var value = element.getAttribute("data-source-line");
    return value === null ? null : parseInt(value, 10);
  }

  // The first block whose bottom is below the top of the window, by binary search.
  function firstVisibleIndex() {
    var children = body.children;
    var low = 0;
    var high = children.length - 1;
    var found = children.length;
    while (low <= high) {
      var mid = (low + high) >> 1;
      if (children[mid].getBoundingClientRect().bottom > 1) { found = mid; high = mid - 1; }
      else { low = mid + 1; }
    }
    return found;
  }

  function visibleLine() {
    var children = body.children;
    if (window.scrollY < 2) { return 1; }
    for (var i = firstVisibleIndex(); i < children.length; i++) {
      var line = lineOf(children[i]);
      if (line !== null) { return line; }
    }
    return null;
  }

  // Synchronous on purpose: with page scripts off, timers do not run in this world either.
  function onScroll() {
    if (programmaticTarget !== null) {
      var settled = Math.abs(window.scrollY - programmaticTarget) < 2;
      var ours = settled || Date.now() <= programmaticUntil;
      if (settled || !ours) { programmaticTarget = null; }
      if (ours) { return; }  // the app asked for this scroll: do not echo it back
    }
    var line = visibleLine();
    if (line !== null && line !== lastReported) {
      lastReported = line;
      bridge.source_line_visible(line);
    }
  }

  function scrollToY(y) {
    programmaticTarget = Math.max(0, Math.min(y, document.documentElement.scrollHeight - window.innerHeight));
    programmaticUntil = Date.now() + 300;
    window.scrollTo(0, y);
  }

  // The last block starting at or before `line` goes to the top of the window.
  function scrollToLine(line) {
    var children = body.children;
    var low = 0;
    var high = children.length - 1;
    var best = -1;
    while (low <= high) {
      var mid = (low + high) >> 1;
      var value = lineOf(children[mid]);
      var probe = mid;
      while (value === null && probe > low) { probe -= 1; value = lineOf(children[probe]); }
      if (value !== null && value <= line) { best = mid; low = mid + 1; } else { high = mid - 1; }
    }
    lastReported = line;
    if (best < 0 || line <= 1) { scrollToY(0); return; }
    var top = children[best].getBoundingClientRect().top + window.scrollY - 8;
    scrollToY(top);
  }

  function start() {
    body = document.querySelector("[data-region=\"body\"]");
    Array.prototype.forEach.call(document.querySelectorAll("[data-region]"), function (el) {
      regions[el.getAttribute("data-region")] = el;
    });
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.ew_bridge;
      bridge.sig_update.connect(applyUpdate);
      bridge.sig_scroll_to_line.connect(scrollToLine);
      window.addEventListener("scroll", onScroll, { passive: true });
      bridge.ready();
    });
  }

  start();
})();
