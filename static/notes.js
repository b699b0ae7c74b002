/* notes.js: every note of an article level with its passage on wide screens.
 *
 * Without this script, on narrow screens and in print, each line's notes follow the line
 * in the text (style.css). On screens wide enough for the side column the script gives
 * <html> the class "sidenotes" before the page is first drawn, and then places each note
 * card at the height of its passage (the <mark> whose id is the note's with "m-" for
 * "note-"). A card longer than the room before the next note's passage is folded to its
 * head and the lines that fit; its "read more" button unfolds it in place and pushes only
 * the notes below it down. Where even folded heads would push a note more than SLACK px
 * below its passage (many passages on one line), that line's notes go into the text
 * under it, as on a phone. Pointing at a card lights up its passage, and the reverse. The
 * layout is made again when the width, the fonts or a note's state change. Plain ES2017,
 * no dependencies.
 */
(function () {
  'use strict';

  var GAP = 6; // px between two cards
  var SLACK = 40; // px a card may start below its passage
  var wide = window.matchMedia('(min-width: 68.0625rem)'); // style.css's side column
  var html = document.documentElement;
  if (wide.matches) {
    html.classList.add('sidenotes'); // before the first paint: the text does not jump
  }

  var cards = []; // {note, aside, content, button, toggle, mark}

  function setup() {
    var section = document.querySelector('section.seed');
    var more = (section && section.getAttribute('data-more')) || '…';
    var less = (section && section.getAttribute('data-less')) || '…';
    var notes = document.querySelectorAll('.line .notes .note');
    for (var i = 0; i < notes.length; i++) {
      var note = notes[i];
      var content = note.querySelector('.note-content');
      var toggle = note.querySelector('.note-toggle');
      if (!content || !toggle) {
        continue;
      }
      var id = note.id.replace(/^note-/, 'm-');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'note-more';
      button.setAttribute('aria-expanded', 'false');
      content.id = content.id || 'c-' + note.id;
      button.setAttribute('aria-controls', content.id);
      button.setAttribute('data-more', more);
      button.setAttribute('data-less', less);
      button.textContent = more;
      note.appendChild(button);
      var card = {
        note: note, aside: note.parentNode, content: content, button: button, toggle: toggle,
        mark: document.getElementById(id) || note.closest('.line').querySelector('.text')
      };
      cards.push(card);
      button.addEventListener('click', flip.bind(null, card));
      toggle.addEventListener('change', later);
      // A link inside the folded part gets the keyboard's focus: unfold the card first.
      content.addEventListener('focusin', open.bind(null, card));
      // Pointing at a card or its passage lights up the other: no numbers to match.
      pair(note, card.mark);
      pair(card.mark, note);
    }
  }

  function pair(el, other) {
    el.addEventListener('mouseenter', function () {
      other.classList.add('paired');
    });
    el.addEventListener('mouseleave', function () {
      other.classList.remove('paired');
    });
  }

  function flip(card) {
    card.toggle.checked = !card.toggle.checked;
    layout();
  }

  function open(card) {
    if (card.note.classList.contains('folded') && !card.toggle.checked) {
      card.toggle.checked = true;
      layout();
    }
  }

  function layout() {
    place(wide.matches && html.className.indexOf('printing') < 0);
  }

  // top returns the page offset of el's first line box.
  function top(el) {
    var rects = el.getClientRects();
    var r = rects.length ? rects[0] : el.getBoundingClientRect();
    return r.top + window.scrollY;
  }

  // place lays the cards out beside their passages, or with side false leaves them in the
  // text under their lines.
  function place(side) {
    var i, c;
    var asides = document.querySelectorAll('.line .notes');
    for (i = 0; i < asides.length; i++) {
      asides[i].classList.remove('inflow');
    }
    for (i = 0; i < cards.length; i++) {
      unfold(cards[i]);
    }
    var section = document.querySelector('section.seed');
    if (section) {
      section.style.paddingBottom = '';
    }
    if (!side || cards.length === 0) {
      html.classList.remove('sidenotes');
      return;
    }
    html.classList.add('sidenotes');

    // Measure first, then write: a reflow for the cards unfolded, one for them folded to
    // their heads, and one for each line whose notes go into the text.
    var n = cards.length;
    var want = [], asideTop = [], full = [], chrome = [], lineH = [], lead = [];
    var y0 = window.scrollY;
    for (i = 0; i < n; i++) {
      c = cards[i];
      want.push(top(c.mark));
      asideTop.push(c.aside.getBoundingClientRect().top + y0);
      full.push(c.note.offsetHeight);
      var body = c.content.querySelector('.note-body') || c.content;
      lineH.push(parseFloat(window.getComputedStyle(body).lineHeight) || 18);
      // The first paragraph's top margin: a folded card shows whole lines.
      var first = body.firstElementChild;
      lead.push(first ? parseFloat(window.getComputedStyle(first).marginTop) || 0 : 0);
    }
    for (i = 0; i < n; i++) {
      cards[i].note.classList.add('folded');
      cards[i].content.style.maxHeight = '0px';
    }
    for (i = 0; i < n; i++) {
      chrome.push(cards[i].note.offsetHeight);
    }
    for (i = 0; i < n; i++) {
      unfold(cards[i]); // the cards take no room in the text: nothing else moves
    }

    var out = [];
    var prevBottom = -Infinity, bottom = -Infinity;
    var pushed = false; // by a card the reader unfolded: the cards below move aside
    for (i = 0; i < n; i++) {
      c = cards[i];
      var y = Math.max(want[i], prevBottom + GAP);
      if (y <= want[i]) {
        pushed = false;
      }
      if (y - want[i] > SLACK && !pushed) {
        // Even the folded heads above leave no room: this line's notes go into the text,
        // and everything below moves down by as much as they take there.
        c.aside.classList.add('inflow');
        var k = i;
        while (k < n && cards[k].aside === c.aside) {
          out.push(null);
          k++;
        }
        if (k < n) {
          var d = cards[k].aside.getBoundingClientRect().top + y0 - asideTop[k];
          for (var j = k; j < n; j++) {
            want[j] += d;
            asideTop[j] += d;
          }
        }
        i = k - 1;
        continue;
      }
      var next = i + 1 < n ? want[i + 1] : Infinity;
      var room = next - GAP - y; // for this card without pushing the next one
      var o = {top: y - asideTop[i], foldable: full[i] > room, folded: false, height: -1};
      var h = full[i];
      if (o.foldable && !c.toggle.checked) {
        var lines = Math.max(0, Math.floor((room - chrome[i] - lead[i]) / lineH[i]));
        o.folded = true;
        o.height = lines > 0 ? lead[i] + lines * lineH[i] : 0;
        h = chrome[i] + o.height;
      }
      if (o.foldable && c.toggle.checked) {
        h += buttonRow();
      }
      if (c.toggle.checked && h > room) {
        pushed = true;
      }
      out.push(o);
      prevBottom = y + h;
      bottom = Math.max(bottom, prevBottom);
    }
    write(out);
    // The last cards may reach past the text: the section makes room for them.
    if (section) {
      var end = section.getBoundingClientRect().bottom + y0;
      if (bottom > end) {
        section.style.paddingBottom = Math.ceil(bottom - end + GAP) + 'px';
      }
    }
  }

  // buttonRow is the height an unfolded card grows by for its button ("show less") below
  // its text: style.css's padding-bottom of .note.foldable:not(.folded), 1.9rem for .5rem.
  function buttonRow() {
    return 1.4 * parseFloat(window.getComputedStyle(html).fontSize);
  }

  function unfold(c) {
    c.note.classList.remove('folded', 'foldable');
    c.note.style.top = '';
    c.content.style.maxHeight = '';
  }

  // write gives each card the place and fold of out[i], or leaves it in the text for null.
  function write(out) {
    for (var i = 0; i < out.length; i++) {
      var c = cards[i], o = out[i];
      if (!o) {
        continue;
      }
      c.note.style.top = Math.round(o.top) + 'px';
      c.note.classList.toggle('foldable', o.foldable);
      c.note.classList.toggle('folded', o.folded);
      c.content.style.maxHeight = o.folded ? Math.floor(o.height) + 'px' : '';
      c.button.textContent = c.button.getAttribute(o.folded ? 'data-more' : 'data-less');
      c.button.setAttribute('aria-expanded', o.folded ? 'false' : 'true');
    }
  }

  // A note named by the address is unfolded and scrolled to after it moved.
  function showTarget() {
    var id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch (e) {
      // not percent-encoded as it should be: the id as written
    }
    var target = id && document.getElementById(id);
    var note = target && target.closest('.notes .note');
    if (!note) {
      return;
    }
    for (var i = 0; i < cards.length; i++) {
      if (cards[i].note === note && !cards[i].toggle.checked) {
        cards[i].toggle.checked = true;
      }
    }
    layout();
    target.scrollIntoView();
  }

  var pending = false;
  function later() {
    if (!pending) {
      pending = true;
      window.requestAnimationFrame(function () {
        pending = false;
        layout();
      });
    }
  }

  function start() {
    setup();
    layout();
    showTarget();
    window.addEventListener('hashchange', showTarget);
    // Print lays the notes out in the text (style.css).
    window.addEventListener('beforeprint', function () {
      html.classList.add('printing');
      place(false);
    });
    window.addEventListener('afterprint', function () {
      html.classList.remove('printing');
      layout();
    });
    window.addEventListener('resize', later);
    window.addEventListener('load', later);
    if (document.fonts && document.fonts.ready) {
      document.fonts.ready.then(later);
    }
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
