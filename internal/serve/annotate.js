// annotate.js: annotating an article in the preview (`dossier serve` only; never part of
// a build). Selecting words of the article's text offers to add a note, an event or an
// actor's name; every note card gets Edit and Delete. The server writes the files and the
// page reloads from them, as after any save.
//
// A selection is sent as its line and its start and end in the line's text as the seed has
// it: the text of the line's element without what the page adds (note numbers, event
// marks), counted in UTF-16 code units. A selection that runs past its line ends with it.
//
// Keyboard: Tab to a line number, Alt+→/← moves to a word, Shift+→/← selects word by word
// (or select as the browser allows, caret browsing included); Tab then leads to the
// buttons, Enter opens the form, Escape closes it and returns to the passage.
(function () {
  "use strict";
  var me = document.currentScript;
  var token = me.dataset.token, articleID = me.dataset.article;
  var seed = document.querySelector("section.seed") || document.querySelector("main");
  var ctx = null, W = null;
  var toolbar = null, current = null; // the toolbar and the selection it acts on
  var form = null; // the open form: {el, dirty, restore}
  var pendingReload = false, saved = false;

  function post(op, body) {
    return fetch("/_dossier/edit/" + op, {
      method: "POST", credentials: "same-origin",
      headers: {"Content-Type": "application/json", "X-Dossier-Token": token},
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return {error: r.statusText, code: "failed"}; })
        .then(function (j) { return {ok: r.ok, body: j}; });
    }, function (err) { return {ok: false, body: {error: String(err), code: "failed"}}; });
  }

  function el(tag, attrs, children) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) {
      if (k === "text") e.textContent = attrs[k];
      else if (attrs[k] !== null && attrs[k] !== false) e.setAttribute(k, attrs[k] === true ? "" : attrs[k]);
    }
    (children || []).forEach(function (c) { if (c) e.appendChild(c); });
    return e;
  }

  var uid = 0;
  function newID(p) { uid++; return "dossier-" + p + "-" + uid; }

  // --- The selection, as the seed has it ---

  function lineOf(node) {
    for (var n = node && node.nodeType === 1 ? node : node && node.parentNode; n && n !== document.body; n = n.parentNode) {
      if (n.id && /^L\d+$/.test(n.id) && seed.contains(n)) return n;
    }
    return null;
  }

  function textOf(line) { return line.querySelector(".text"); }

  // added reports whether an element is not seed text: what the page or this script adds.
  var added = "sup.ref, .dossier-ui";

  function plain(fragment) {
    fragment.querySelectorAll(added).forEach(function (e) { e.remove(); });
    return fragment.textContent;
  }

  function lineText(t) { return plain(t.cloneNode(true)); }

  function offsetIn(t, node, offset) {
    var r = document.createRange();
    r.setStart(t, 0);
    r.setEnd(node, offset);
    return plain(r.cloneContents()).length;
  }

  function inside(t, node) { return node === t || t.contains(node); }

  // selected returns the selection within the article's text, or null.
  function selected() {
    var s = getSelection();
    if (!s.rangeCount || s.isCollapsed) return null;
    var r = s.getRangeAt(0);
    var line = lineOf(r.startContainer);
    var t = line && textOf(line);
    if (!t || !inside(t, r.startContainer)) return null;
    for (var n = r.startContainer; n && n !== t; n = n.parentNode) {
      if (n.nodeType === 1 && n.matches(added)) return null;
    }
    var all = lineText(t);
    var start = offsetIn(t, r.startContainer, r.startOffset);
    var end = inside(t, r.endContainer) ? offsetIn(t, r.endContainer, r.endOffset) : all.length;
    var text = all.slice(start, end);
    if (!text.trim()) return null;
    return {line: +line.id.slice(1), lineEl: line, textEl: t, start: start, end: end, text: text, range: r.cloneRange()};
  }

  function selectionBody(sel) {
    return {article: articleID, line: sel.line, start: sel.start, end: sel.end, text: sel.text};
  }

  // --- The toolbar on a selection ---

  function showToolbar(sel) {
    current = sel;
    if (!toolbar) {
      toolbar = el("div", {"class": "dossier-ui dossier-toolbar", role: "toolbar", "aria-label": W.Toolbar, title: W.Shortcut}, [
        button(W.AddNote, function () { openForm("note", current); }),
        button(W.AddEvent, function () { openForm("event", current); }),
        button(W.AsActor, function () { openForm("actor", current); })
      ]);
      // A click on a button must not end the selection it acts on.
      toolbar.addEventListener("mousedown", function (e) { e.preventDefault(); });
      toolbar.addEventListener("keydown", function (e) {
        var bs = Array.prototype.slice.call(toolbar.querySelectorAll("button"));
        var i = bs.indexOf(document.activeElement);
        if (e.key === "ArrowRight" || e.key === "ArrowLeft") {
          e.preventDefault();
          bs[(i + (e.key === "ArrowRight" ? 1 : bs.length - 1)) % bs.length].focus();
        } else if (e.key === "Escape") {
          e.preventDefault();
          var s = current;
          hideToolbar();
          returnTo(s);
        }
      });
      document.body.appendChild(toolbar);
    }
    var rect = sel.range.getBoundingClientRect();
    toolbar.hidden = false;
    var w = toolbar.offsetWidth;
    var left = Math.max(8, Math.min(rect.left + scrollX, scrollX + document.documentElement.clientWidth - w - 8));
    toolbar.style.left = left + "px";
    toolbar.style.top = (rect.bottom + scrollY + 6) + "px";
  }

  function hideToolbar() {
    if (toolbar) toolbar.hidden = true;
    current = null;
  }

  function button(label, onclick, attrs) {
    var b = el("button", Object.assign({type: "button", text: label}, attrs || {}));
    b.addEventListener("click", onclick);
    return b;
  }

  // returnTo gives the focus back to the passage of sel, selected again.
  function returnTo(sel) {
    if (!sel) return;
    if (!sel.textEl.hasAttribute("tabindex")) sel.textEl.setAttribute("tabindex", "-1");
    sel.textEl.focus({preventScroll: true});
    var s = getSelection();
    s.removeAllRanges();
    s.addRange(sel.range);
  }

  var pending = 0;
  document.addEventListener("selectionchange", function () {
    clearTimeout(pending);
    pending = setTimeout(function () {
      if (form || (toolbar && toolbar.contains(document.activeElement))) return;
      var sel = selected();
      if (sel) showToolbar(sel); else hideToolbar();
    }, 120);
  });

  document.addEventListener("keydown", function (e) {
    if (form) return;
    if (e.key === "Tab" && !e.shiftKey && toolbar && !toolbar.hidden && !toolbar.contains(document.activeElement)) {
      e.preventDefault();
      toolbar.querySelector("button").focus();
      return;
    }
    // Selecting with the keyboard from a line's number or text.
    var line = lineOf(document.activeElement);
    var t = line && textOf(line);
    if (!t || (e.key !== "ArrowRight" && e.key !== "ArrowLeft") || !(e.shiftKey || e.altKey)) return;
    var s = getSelection();
    if (!s.rangeCount || !inside(t, s.anchorNode)) s.collapse(t, 0);
    e.preventDefault();
    s.modify(e.shiftKey ? "extend" : "move", e.key === "ArrowRight" ? "forward" : "backward", "word");
  });

  // --- The forms ---

  function field(label, input, help) {
    var id = input.id || (input.id = newID("f"));
    var kids = [el("label", {"for": id, text: label}), input];
    if (help) {
      var h = el("small", {id: id + "-help", "class": "dossier-help", text: help});
      input.setAttribute("aria-describedby", h.id);
      kids.push(h);
    }
    return el("div", {"class": "dossier-field", "data-field": input.name || ""}, kids);
  }

  function select(name, options, value) {
    var s = el("select", {name: name});
    options.forEach(function (o) { s.appendChild(el("option", {value: o[0], text: o[1], selected: o[0] === value})); });
    return s;
  }

  // picker is a type-ahead choice of several actors or topics: a list of the chosen ones,
  // each a button that removes it, and an input offering the others.
  function picker(name, label, hint, choices, chosen) {
    var listID = newID("list");
    var input = el("input", {type: "text", name: name, list: listID, autocomplete: "off", "class": "dossier-pick"});
    var list = el("datalist", {id: listID});
    choices.forEach(function (c) { list.appendChild(el("option", {value: c.name + " (" + c.id + ")"})); });
    var ul = el("ul", {"class": "dossier-chips", "aria-label": label});
    var ids = [];
    function byInput(v) {
      v = v.trim().toLowerCase();
      for (var i = 0; i < choices.length; i++) {
        var c = choices[i];
        if (v === c.id || v === c.name.toLowerCase() || v === (c.name + " (" + c.id + ")").toLowerCase()) return c;
      }
      return null;
    }
    function add(c) {
      if (ids.indexOf(c.id) >= 0) return;
      ids.push(c.id);
      var b = button(c.name + " ×", function () {
        ids.splice(ids.indexOf(c.id), 1);
        li.remove();
        input.focus();
      }, {"aria-label": W.Remove + " " + c.name});
      var li = el("li", {}, [b]);
      ul.appendChild(li);
    }
    (chosen || []).forEach(function (id) {
      add(choices.filter(function (c) { return c.id === id; })[0] || {id: id, name: id});
    });
    var wrap = field(label, input, hint);
    wrap.insertBefore(ul, input);
    wrap.appendChild(list);
    function take(strict) {
      if (!input.value.trim()) return true;
      var c = byInput(input.value);
      if (c) {
        add(c);
        input.value = "";
        clearError(wrap);
        return true;
      }
      if (!strict) showFieldError(wrap, W.Unknown.replace("%s", input.value.trim()));
      return false;
    }
    input.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); take(false); }
    });
    input.addEventListener("change", function () { take(true); });
    return {el: wrap, values: function () {
      // What is still typed counts too: the server names it if it is unknown.
      var v = input.value.trim();
      if (v && !take(true)) return ids.concat([v]);
      return ids.slice();
    }};
  }

  function showFieldError(wrap, msg) {
    clearError(wrap);
    var input = wrap.querySelector("input, select, textarea");
    var m = el("p", {"class": "dossier-field-error", id: newID("err"), text: msg});
    wrap.appendChild(m);
    if (input) {
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-errormessage", m.id);
    }
  }

  function clearError(wrap) {
    var m = wrap.querySelector(".dossier-field-error");
    if (m) m.remove();
    var input = wrap.querySelector("[aria-invalid]");
    if (input) { input.removeAttribute("aria-invalid"); input.removeAttribute("aria-errormessage"); }
  }

  function kindOptions(kinds, names) {
    return kinds.map(function (k) { return [k, names[k] || k]; });
  }

  // openForm opens the form of kind ("note", "event", "actor", "edit") for the selection
  // sel, or, to edit, for the note n as the server read it.
  function openForm(kind, sel, n, card) {
    if (form) closeForm(false);
    hideToolbar();
    var titleID = newID("title");
    var titles = {note: W.NewNote, event: W.NewEvent, actor: W.ActorTitle, edit: W.ChangeNote};
    var passage = sel ? sel.text.trim() : n.quote;
    var lineNo = sel ? sel.line : +lineOf(card).id.slice(1);
    var f = el("form", {"class": "dossier-form-body", novalidate: true});
    var box = el("div", {"class": "dossier-ui dossier-form", role: "dialog", "aria-labelledby": titleID}, [
      el("h3", {id: titleID, text: titles[kind]}), f]);
    f.appendChild(el("div", {"class": "dossier-passage"}, [
      el("span", {"class": "dossier-label", text: W.Passage + " · " + lineNo}),
      el("blockquote", {text: passage})]));
    var fields = {}, pickers = {};
    if (kind === "note" || kind === "edit") {
      fields.kind = select("kind", kindOptions(ctx.noteKinds, W.KindNames), n ? n.kind : ctx.noteKinds[0]);
      f.appendChild(field(W.Kind, fields.kind));
      fields.body = el("textarea", {name: "body", rows: 5});
      fields.body.value = n ? n.body.replace(/\s+$/, "") : "";
      f.appendChild(field(W.Text, fields.body, W.TextHelp));
    }
    if (kind === "event") {
      fields.title = el("input", {type: "text", name: "title", required: true});
      fields.title.value = passage.length <= 80 ? passage : "";
      f.appendChild(field(W.Title, fields.title));
      fields.date = el("input", {type: "text", name: "date", required: true, inputmode: "text", autocomplete: "off"});
      f.appendChild(field(W.Date, fields.date, W.DateHelp));
    }
    if (kind !== "actor") {
      pickers.actors = picker("actors", W.Actors, W.AddActor, ctx.actors, n && n.actors);
      pickers.topics = picker("topics", W.Topics, W.AddTopic, ctx.topics, n && n.topics);
      f.appendChild(pickers.actors.el);
      f.appendChild(pickers.topics.el);
    }
    if (kind === "event") {
      fields.body = el("textarea", {name: "body", rows: 3});
      f.appendChild(field(W.Text, fields.body, W.TextHelp));
    }
    if (kind === "actor") {
      var group = newID("as");
      var asAlias = el("input", {type: "radio", name: "as", value: "alias", id: group + "-a", checked: true});
      var asNew = el("input", {type: "radio", name: "as", value: "new", id: group + "-n"});
      var actorChoice = el("input", {type: "text", name: "actor", list: group + "-list", autocomplete: "off"});
      var dl = el("datalist", {id: group + "-list"});
      ctx.actors.forEach(function (c) { dl.appendChild(el("option", {value: c.name + " (" + c.id + ")"})); });
      fields.actorKind = select("kind", kindOptions(ctx.actorKinds, W.ActorKinds), ctx.actorKinds[0]);
      var alias = el("fieldset", {"class": "dossier-as"}, [
        el("legend", {text: W.Name + ": „" + passage + "“"}),
        el("div", {"class": "dossier-radio"}, [asAlias, el("label", {"for": asAlias.id, text: W.AliasOf})]),
        field(W.AliasOf, actorChoice, W.AddActor), dl,
        el("div", {"class": "dossier-radio"}, [asNew, el("label", {"for": asNew.id, text: W.NewActor})]),
        field(W.ActorKind, fields.actorKind)]);
      f.appendChild(alias);
      fields.as = function () { return asNew.checked ? "new" : "alias"; };
      fields.actor = actorChoice;
      actorChoice.addEventListener("focus", function () { asAlias.checked = true; });
      fields.actorKind.addEventListener("focus", function () { asNew.checked = true; });
    }
    var status = el("div", {"class": "dossier-status", role: "alert"});
    f.appendChild(status);
    // A button, not a submit button: Enter in a field (choosing an actor) must not save.
    var save = el("button", {type: "button", "class": "dossier-save", text: W.Save});
    f.appendChild(el("div", {"class": "dossier-buttons"}, [save, button(W.Cancel, function () { closeForm(true); })]));

    box.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { e.preventDefault(); closeForm(true); }
    });
    f.addEventListener("input", function () { form && (form.dirty = true); });
    f.addEventListener("submit", function (e) { e.preventDefault(); });
    f.addEventListener("keydown", function (e) {
      if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) { e.preventDefault(); save.click(); }
    });
    save.addEventListener("click", function () {
      if (save.disabled) return;
      var body, op;
      if (kind === "note" || kind === "edit") {
        body = {kind: fields.kind.value, body: fields.body.value, actors: pickers.actors.values(), topics: pickers.topics.values()};
      }
      if (kind === "note") { op = "note/create"; Object.assign(body, selectionBody(sel)); }
      if (kind === "edit") { op = "note/update"; body.id = n.id; body.version = n.version; }
      if (kind === "event") {
        op = "event/create";
        body = Object.assign(selectionBody(sel), {title: fields.title.value, date: fields.date.value.trim(), body: fields.body.value,
          actors: pickers.actors.values(), topics: pickers.topics.values()});
      }
      if (kind === "actor") {
        body = selectionBody(sel);
        if (fields.as() === "new") { op = "actor/create"; body.kind = fields.actorKind.value; }
        else {
          op = "actor/alias";
          var v = fields.actor.value.trim(), m = /\(([a-z0-9-]+)\)$/.exec(v);
          body.actor = m ? m[1] : v;
          ctx.actors.forEach(function (c) { if (c.name.toLowerCase() === v.toLowerCase()) body.actor = c.id; });
        }
      }
      save.disabled = true;
      status.className = "dossier-status";
      status.textContent = W.Saving;
      box.querySelectorAll(".dossier-field").forEach(clearError);
      post(op, body).then(function (res) {
        save.disabled = false;
        if (res.ok) {
          status.textContent = W.Saved.replace("%s", res.body.file || "");
          if (res.body.anchor) {
            sessionStorage.setItem("dossier-focus", res.body.anchor);
            history.replaceState(null, "", "#" + res.body.anchor);
          }
          afterSave();
          return;
        }
        showError(status, box, res.body);
      });
    });

    var after = sel ? sel.lineEl : (lineOf(card) || card);
    after.parentNode.insertBefore(box, after.nextSibling);
    form = {el: box, dirty: false, restore: sel || {textEl: textOf(lineOf(card)), range: null, card: card}};
    var first = f.querySelector("select, input:not([type=radio]), textarea");
    (kind === "actor" ? fields.actor : first).focus();
  }

  function showError(status, box, err) {
    var words = {conflict: W.Conflict, forbidden: W.Forbidden};
    status.className = "dossier-status dossier-error";
    status.textContent = (words[err.code] ? words[err.code] + " " : W.Failed + " ") + (err.error || "");
    // The server names the fields of a file ("name" is an event's title); the message
    // stands beside the field of the form that holds it, if the form has one.
    var name = err.field === "name" ? "title" : err.field;
    var wrap = name && box.querySelector('.dossier-field[data-field="' + name + '"]');
    if (wrap) {
      showFieldError(wrap, err.error);
      wrap.querySelector("input, select, textarea").focus();
    }
  }

  // closeForm removes the form; back, if set, returns the focus to the passage.
  function closeForm(back) {
    if (!form) return;
    var f = form;
    form = null;
    f.el.remove();
    if (back) {
      if (f.restore.range) returnTo(f.restore);
      else if (f.restore.card) f.restore.card.querySelector(".dossier-note-edit button").focus();
    }
    if (pendingReload) location.reload();
  }

  // afterSave closes the form and reloads the page once the server has rebuilt the site
  // with the file: at the server's reload event, or at once if it came already.
  function afterSave() {
    saved = true;
    if (form) { form.el.remove(); form = null; }
    if (pendingReload) { location.reload(); return; }
    setTimeout(function () { location.reload(); }, 5000);
  }

  // A reload for a rebuild keeps the focus where it was: a save can be followed by more
  // than one rebuild, and the editor's place must survive each of them.
  document.addEventListener("dossier:reload", function (e) {
    if (form) { e.preventDefault(); pendingReload = true; return; }
    var a = document.activeElement;
    if (a && a.id && a !== document.body) sessionStorage.setItem("dossier-focus", a.id);
  });

  // --- Note cards ---

  function decorate() {
    ctx.notes.forEach(function (c) {
      var card = document.getElementById(c.name);
      if (!card || !seed.contains(card)) return;
      var host = card.querySelector(".note-content") || card;
      var edit = button(W.EditNote, function () {
        post("note/read", {id: c.id}).then(function (res) {
          if (!res.ok) { alertIn(bar, res.body); return; }
          openForm("edit", null, res.body, card);
        });
      });
      var del = button(W.DeleteNote, function () { confirmDelete(c, card, bar); });
      var bar = el("p", {"class": "dossier-ui dossier-note-edit"}, [edit, del]);
      host.appendChild(bar);
    });
  }

  function alertIn(bar, err) {
    var old = bar.querySelector(".dossier-status");
    if (old) old.remove();
    bar.appendChild(el("span", {"class": "dossier-status dossier-error", role: "alert",
      text: ({conflict: W.Conflict, forbidden: W.Forbidden}[err.code] || W.Failed) + " " + (err.error || "")}));
  }

  function confirmDelete(c, card, bar) {
    var name = (card.querySelector(".note-kind") || {}).textContent || c.id;
    var num = (card.querySelector(".note-num") || {}).textContent || "";
    var ask = el("span", {"class": "dossier-confirm", role: "alert", text: W.ConfirmDelete.replace("%s", (name + " " + num).trim())});
    var yes = button(W.DeleteNote, function () {
      post("note/read", {id: c.id}).then(function (res) {
        if (!res.ok) { alertIn(bar, res.body); return; }
        return post("note/delete", {id: c.id, version: res.body.version}).then(function (res) {
          if (!res.ok) { alertIn(bar, res.body); return; }
          afterSave();
        });
      });
    }, {"class": "dossier-danger"});
    var no = button(W.Cancel, function () { box.remove(); bar.hidden = false; bar.querySelector("button").focus(); });
    var box = el("p", {"class": "dossier-ui dossier-note-edit"}, [ask, yes, no]);
    bar.hidden = true;
    bar.parentNode.insertBefore(box, bar.nextSibling);
    no.focus();
  }

  function focusAfterReload() {
    var id = sessionStorage.getItem("dossier-focus");
    if (!id) return;
    sessionStorage.removeItem("dossier-focus");
    var target = document.getElementById(id);
    if (!target) return;
    if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    target.focus();
  }

  post("context", {article: articleID}).then(function (res) {
    if (!res.ok) return;
    ctx = res.body;
    W = ctx.words;
    document.documentElement.classList.add("dossier-editing");
    decorate();
    focusAfterReload();
  });
})();
