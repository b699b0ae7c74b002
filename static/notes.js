/* notes.js: an article's notes beside their lines, without gaps in the text.
 *
 * Without this script, and on narrow screens and in print, each line's notes sit in the
 * line's grid row (style.css), so that a note longer than its line pushes the next line
 * down and leaves a gap in the text. With it, on screens wide enough for the side column,
 * <html> gets the class "sidenotes": the notes take no height in their row, the text closes
 * up, and each line's notes are moved down just as far as they must be not to overlap the
 * notes before them, as the side notes of a book are. Where the last notes reach past the
 * text, the text's section gets room for them. The layout is made again when the width or
 * the fonts change. Plain ES2017, no dependencies.
 */
(function () {
  'use strict';

  var GAP = 12; // px between the notes of two lines
  var wide = window.matchMedia('(min-width: 68.0625rem)'); // style.css's side column
  var html = document.documentElement;

  function layout() {
    place(wide.matches);
  }

  // place lays the notes out in the side column, or with side false takes them back to
  // their lines' rows.
  function place(side) {
    var asides = document.querySelectorAll('.line .notes');
    var sections = document.querySelectorAll('section.seed');
    var i;
    for (i = 0; i < asides.length; i++) {
      asides[i].style.top = '';
    }
    for (i = 0; i < sections.length; i++) {
      sections[i].style.paddingBottom = '';
    }
    if (!side || asides.length === 0) {
      html.classList.remove('sidenotes');
      return;
    }
    html.classList.add('sidenotes');
    var scroll = window.scrollY;
    var bottom = -Infinity;
    for (i = 0; i < asides.length; i++) {
      var aside = asides[i];
      var top = aside.getBoundingClientRect().top + scroll;
      var shift = Math.max(0, bottom + GAP - top);
      aside.style.top = shift + 'px';
      var last = aside.lastElementChild;
      if (last) {
        bottom = last.getBoundingClientRect().bottom + scroll;
      }
    }
    var section = asides[asides.length - 1].closest('section.seed');
    if (section) {
      var end = section.getBoundingClientRect().bottom + scroll;
      if (bottom > end) {
        section.style.paddingBottom = Math.ceil(bottom - end + GAP) + 'px';
      }
    }
  }

  // A note named by the address was scrolled to before it moved.
  function layoutAndKeepTarget() {
    layout();
    var id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch (e) {
      // not percent-encoded as it should be: the id as written
    }
    var target = id && document.getElementById(id);
    if (target && target.closest('.notes')) {
      target.scrollIntoView();
    }
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

  layoutAndKeepTarget();
  // Print lays the notes out in the text (style.css): no room is kept for them there.
  window.addEventListener('beforeprint', function () {
    place(false);
  });
  window.addEventListener('afterprint', layout);
  window.addEventListener('resize', later);
  window.addEventListener('load', later);
  if (document.fonts && document.fonts.ready) {
    document.fonts.ready.then(later);
  }
})();
