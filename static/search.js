/* search.js: the dossier's full-text search, in the browser, without a server.
 *
 * The index is built in Go (internal/search, whose package documentation describes its
 * format) and loaded as a script that sets window.DOSSIER_SEARCH, so that search works from
 * file:// too. Words are folded and stemmed here exactly as in Go: fold, isWordChar and stem
 * below are copies of internal/search's, and its tests run this file in Node to hold them
 * to it.
 *
 * Progressive enhancement: without this script the search form in the header submits to
 * search/index.html, which says that search needs JavaScript. With it, the header box
 * proposes results as one types (an ARIA 1.2 combobox with a listbox), and the search page
 * shows every result, grouped by kind, with the matching words marked.
 *
 * The page tells the script the way to the site's root in data-root, on this script's tag
 * or on <html>; the index is loaded from root + "static/search-index.js" (or data-index)
 * when it is first needed, so that pages that are not searched do not carry it. Plain
 * ES2017, no dependencies, no network requests beyond that script; data goes into the page
 * through textContent only.
 */
(function (global) {
  'use strict';

  /* ---- Words: the same rules as internal/search/fold.go ---- */

  var SPELLED = { 'ß': 'ss', 'æ': 'ae', 'œ': 'oe', 'ø': 'o', 'ł': 'l', 'đ': 'd', 'ð': 'd', 'þ': 'th', 'ı': 'i' };

  function dropped(c) {
    return (c >= 0x300 && c <= 0x36f) || c === 0xad || (c >= 0x200b && c <= 0x200d) ||
      c === 0x2060 || c === 0xfeff;
  }

  // fold: NFD; combining marks, soft hyphens, zero-width characters removed; each code point
  // lower-cased on its own; ß and a few letters spelled in ASCII; NFC.
  function fold(s) {
    if (/^[\x20-\x40\x5b-\x7f]*$/.test(s)) return s;
    var out = '';
    for (var ch of s.normalize('NFD')) {
      if (dropped(ch.codePointAt(0))) continue;
      var l = ch.toLowerCase();
      out += Object.prototype.hasOwnProperty.call(SPELLED, l) ? SPELLED[l] : l;
    }
    return out.normalize('NFC');
  }

  var NON_WORD = [
    [0x37e, 0x37e], [0x387, 0x387],
    [0x2000, 0x200b], [0x200e, 0x205f], [0x2061, 0x2bff],
    [0x2e00, 0x2e7f], [0x3000, 0x303f], [0xd800, 0xf8ff], [0xfe10, 0xfe6f], [0xfeff, 0xfeff],
    [0xff00, 0xff0f], [0xff1a, 0xff20], [0xff3b, 0xff40], [0xff5b, 0xff65], [0xfff0, 0xffff]
  ];

  function isWordChar(c) {
    if (c < 0x80) return (c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
    if (c < 0xc0) return c === 0xad;
    if (c < 0x370) return c !== 0xd7 && c !== 0xf7;
    if (c < 0x10000) {
      for (var i = 0; i < NON_WORD.length; i++) {
        if (c >= NON_WORD[i][0] && c <= NON_WORD[i][1]) return false;
      }
      return true;
    }
    return c < 0x1f000 || (c >= 0x20000 && c <= 0x3ffff);
  }

  // words returns the words of s with their offsets in UTF-16 code units.
  function words(s) {
    var ws = [], start = -1, i = 0;
    while (i < s.length) {
      var c = s.codePointAt(i);
      if (isWordChar(c)) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        ws.push({ s: s.slice(start, i), start: start, end: i });
        start = -1;
      }
      i += c > 0xffff ? 2 : 1;
    }
    if (start >= 0) ws.push({ s: s.slice(start), start: start, end: s.length });
    return ws;
  }

  /* ---- The Snowball German stemmer (snowballstem.org/algorithms/german), as generated
   * for Go in github.com/blevesearch/snowballstem/german, on a folded word. ---- */

  function isVowel(ch) { return ch.length === 1 && 'aeiouyäöü'.indexOf(ch) >= 0; }
  var S_ENDING = 'bdfghklmnrt', ST_ENDING = 'bdfghklmnt';

  function endsWith(w, suf) {
    if (suf.length > w.length) return false;
    for (var i = 0; i < suf.length; i++) {
      if (w[w.length - suf.length + i] !== suf[i]) return false;
    }
    return true;
  }
  function longest(w, sufs) { // sufs longest first
    for (var i = 0; i < sufs.length; i++) if (endsWith(w, sufs[i])) return sufs[i];
    return '';
  }

  function stem(word) {
    var w = [], i;
    for (var ch of word) {
      if (ch === 'ß') w.push('s', 's'); else w.push(ch);
    }
    // Prelude: u and y between vowels are consonants.
    for (i = 1; i + 1 < w.length; i++) {
      if (isVowel(w[i - 1]) && isVowel(w[i + 1])) {
        if (w[i] === 'u') w[i] = 'U';
        else if (w[i] === 'y') w[i] = 'Y';
      }
    }
    // Regions: R1 after the first non-vowel that follows a vowel, but not before the
    // fourth letter; R2 the same again after R1.
    var n = w.length, p1 = n, p2 = n;
    if (n >= 3) {
      var c = pastVowelRun(w, 0);
      if (c >= 0) {
        p1 = Math.max(c, 3);
        var c2 = pastVowelRun(w, c);
        if (c2 >= 0) p2 = c2;
      }
    }
    // Step 1.
    var s = longest(w, ['ern', 'em', 'er', 'en', 'es', 'e', 's']);
    if (s && w.length - s.length >= p1) {
      if (s === 's') {
        if (w.length >= 2 && S_ENDING.indexOf(w[w.length - 2]) >= 0) w.length -= 1;
      } else {
        w.length -= s.length;
        if ((s === 'e' || s === 'en' || s === 'es') && endsWith(w, ['n', 'i', 's', 's'])) w.length -= 1;
      }
    }
    // Step 2.
    s = longest(w, ['est', 'en', 'er', 'st']);
    if (s && w.length - s.length >= p1) {
      if (s !== 'st') w.length -= s.length;
      else if (w.length - 3 >= 3 && ST_ENDING.indexOf(w[w.length - 3]) >= 0) w.length -= 2;
    }
    // Step 3: derivational suffixes.
    s = longest(w, ['heit', 'keit', 'lich', 'isch', 'end', 'ung', 'ig', 'ik']);
    if (s && w.length - s.length >= p2) {
      var before = w[w.length - s.length - 1];
      if (s === 'end' || s === 'ung') {
        w.length -= s.length;
        if (endsWith(w, ['i', 'g']) && w[w.length - 3] !== 'e' && w.length - 2 >= p2) w.length -= 2;
      } else if (s === 'ig' || s === 'ik' || s === 'isch') {
        if (before !== 'e') w.length -= s.length;
      } else if (s === 'lich' || s === 'heit') {
        w.length -= s.length;
        if ((endsWith(w, ['e', 'r']) || endsWith(w, ['e', 'n'])) && w.length - 2 >= p1) w.length -= 2;
      } else { // keit
        w.length -= s.length;
        var t = longest(w, ['lich', 'ig']);
        if (t && w.length - t.length >= p2) w.length -= t.length;
      }
    }
    // Postlude.
    var out = '';
    for (i = 0; i < w.length; i++) {
      var x = w[i];
      out += x === 'Y' ? 'y' : x === 'U' ? 'u' : x === 'ä' ? 'a' : x === 'ö' ? 'o' : x === 'ü' ? 'u' : x;
    }
    return out;
  }

  // pastVowelRun returns the position after the first non-vowel that follows a vowel, from
  // position i on, or -1.
  function pastVowelRun(w, i) {
    while (i < w.length && !isVowel(w[i])) i++;
    if (i >= w.length) return -1;
    i++;
    while (i < w.length && isVowel(w[i])) i++;
    if (i >= w.length) return -1;
    return i + 1;
  }

  /* ---- The Snowball English stemmer (Porter2, snowballstem.org/algorithms/english), as
   * generated for Go in github.com/blevesearch/snowballstem/english, on a folded word
   * (which has no apostrophes). ---- */

  var EN_EXCEPTION = {
    skis: 'ski', skies: 'sky', dying: 'die', lying: 'lie', tying: 'tie', idly: 'idl', gently: 'gentl',
    ugly: 'ugli', early: 'earli', only: 'onli', singly: 'singl',
    sky: 'sky', news: 'news', howe: 'howe', atlas: 'atlas', cosmos: 'cosmos', bias: 'bias', andes: 'andes'
  };
  var EN_INVARIANT = ['inning', 'outing', 'canning', 'herring', 'earring', 'proceed', 'exceed', 'succeed'];
  var EN_STEP2 = {
    tional: 'tion', enci: 'ence', anci: 'ance', abli: 'able', entli: 'ent', izer: 'ize', ization: 'ize',
    ational: 'ate', ation: 'ate', ator: 'ate', alism: 'al', aliti: 'al', alli: 'al', fulness: 'ful',
    ousli: 'ous', ousness: 'ous', iveness: 'ive', iviti: 'ive', biliti: 'ble', bli: 'ble', ogi: 'og',
    fulli: 'ful', lessli: 'less', li: ''
  };
  var EN_STEP3 = { tional: 'tion', ational: 'ate', alize: 'al', icate: 'ic', iciti: 'ic', ical: 'ic', ful: '', ness: '', ative: '' };
  var EN_STEP4 = ['al', 'ance', 'ence', 'er', 'ic', 'able', 'ible', 'ant', 'ement', 'ment', 'ent', 'ism', 'ate', 'iti', 'ous', 'ive', 'ize', 'ion'];

  function byLength(sufs) { return sufs.slice().sort(function (a, b) { return b.length - a.length; }); }
  var EN_STEP2_SUFS = byLength(Object.keys(EN_STEP2)), EN_STEP3_SUFS = byLength(Object.keys(EN_STEP3));
  var EN_STEP4_SUFS = byLength(EN_STEP4);

  function isEnVowel(ch) { return ch !== undefined && ch.length === 1 && 'aeiouy'.indexOf(ch) >= 0; }

  // enPast returns the position after the first non-vowel that follows a vowel, from i on,
  // or -1.
  function enPast(w, i) {
    while (i < w.length && !isEnVowel(w[i])) i++;
    if (i >= w.length) return -1;
    while (i < w.length && isEnVowel(w[i])) i++;
    if (i >= w.length) return -1;
    return i + 1;
  }

  function enHasVowel(w, from, to) {
    for (var i = from; i < to; i++) if (isEnVowel(w[i])) return true;
    return false;
  }

  // enShort reports whether the letters before position c end in a short syllable: a
  // vowel between two non-vowels, the last not w, x or Y; or a vowel and a non-vowel that
  // begin the word.
  function enShort(w, c) {
    if (c < 2 || !isEnVowel(w[c - 2])) return false;
    if (c >= 3 && !isEnVowel(w[c - 3]) && 'aeiouywxY'.indexOf(w[c - 1]) < 0) return true;
    return c === 2 && !isEnVowel(w[c - 1]);
  }

  function englishStem(word) {
    if (Object.prototype.hasOwnProperty.call(EN_EXCEPTION, word)) return EN_EXCEPTION[word];
    var w = Array.from(word), i, s, start;
    if (w.length < 3) return word;
    // Prelude: y at the start and after a vowel is a consonant.
    var yFound = false;
    if (w[0] === 'y') { w[0] = 'Y'; yFound = true; }
    for (i = 1; i < w.length; i++) {
      if (w[i] === 'y' && isEnVowel(w[i - 1])) { w[i] = 'Y'; yFound = true; }
    }
    // Regions: R1 after the first non-vowel that follows a vowel (or after gener, commun,
    // arsen), R2 the same again after R1.
    var n = w.length, p1 = n, p2 = n, joined = w.join('');
    var pre = ['gener', 'commun', 'arsen'].filter(function (x) { return joined.lastIndexOf(x, 0) === 0; })[0];
    var c = pre ? pre.length : enPast(w, 0);
    if (c >= 0) {
      p1 = c;
      var c2 = enPast(w, c);
      if (c2 >= 0) p2 = c2;
    }
    // Step 1a: plurals.
    s = longest(w, ['sses', 'ied', 'ies', 'us', 'ss', 's']);
    if (s === 'sses') w.length -= 2;
    else if (s === 'ied' || s === 'ies') {
      start = w.length - 3;
      w.length = start;
      if (start >= 2) w.push('i'); else w.push('i', 'e');
    } else if (s === 's' && enHasVowel(w, 0, w.length - 2)) w.length -= 1;
    if (EN_INVARIANT.indexOf(w.join('')) < 0) {
      // Step 1b: -ed, -ing.
      s = longest(w, ['eedly', 'ingly', 'edly', 'eed', 'ing', 'ed']);
      if (s === 'eed' || s === 'eedly') {
        if (w.length - s.length >= p1) { w.length -= s.length; w.push('e', 'e'); }
      } else if (s && enHasVowel(w, 0, w.length - s.length)) {
        w.length -= s.length;
        var t = longest(w, ['at', 'bl', 'iz', 'bb', 'dd', 'ff', 'gg', 'mm', 'nn', 'pp', 'rr', 'tt']);
        if (t === 'at' || t === 'bl' || t === 'iz') w.push('e');
        else if (t) w.length -= 1;
        else if (w.length === p1 && enShort(w, w.length)) w.push('e');
      }
      // Step 1c: y after a non-vowel that does not begin the word.
      var last = w[w.length - 1];
      if ((last === 'y' || last === 'Y') && w.length >= 3 && !isEnVowel(w[w.length - 2])) w[w.length - 1] = 'i';
      // Step 2.
      s = longest(w, EN_STEP2_SUFS);
      start = w.length - s.length;
      if (s && start >= p1) {
        if (s === 'ogi') {
          if (w[start - 1] === 'l') { w.length = start; w.push('o', 'g'); }
        } else if (s === 'li') {
          if (start > 0 && 'cdeghkmnrt'.indexOf(w[start - 1]) >= 0) w.length = start;
        } else {
          w.length = start;
          Array.prototype.push.apply(w, EN_STEP2[s].split(''));
        }
      }
      // Step 3.
      s = longest(w, EN_STEP3_SUFS);
      start = w.length - s.length;
      if (s && start >= p1 && (s !== 'ative' || start >= p2)) {
        w.length = start;
        Array.prototype.push.apply(w, EN_STEP3[s].split(''));
      }
      // Step 4.
      s = longest(w, EN_STEP4_SUFS);
      start = w.length - s.length;
      if (s && start >= p2 && (s !== 'ion' || w[start - 1] === 's' || w[start - 1] === 't')) w.length = start;
      // Step 5.
      start = w.length - 1;
      if (w[start] === 'e') {
        if (start >= p2 || (start >= p1 && !enShort(w, start))) w.length = start;
      } else if (w[start] === 'l') {
        if (start >= p2 && w[start - 1] === 'l') w.length = start;
      }
    }
    var out = w.join('');
    return yFound ? out.replace(/Y/g, 'y') : out;
  }

  // STEMMERS are the stemmers of the languages an index may name (its "stem"): a
  // language this file has no stemmer for has its words matched by their beginnings.
  var STEMMERS = { german: stem, english: englishStem };
  function plainWord(w) { return w; }

  /* ---- Querying ---- */

  var KIND_ORDER = ['article', 'note', 'actor', 'topic', 'event'];
  var MAX_EXPANSIONS = 64;
  var MIN_PREFIX = 3; // letters of a word being typed before its completions are searched

  // Searcher answers queries on the index data (window.DOSSIER_SEARCH). Format 1 holds
  // everything; format 3 (a large dossier) holds the terms, and the postings and documents
  // are in shards that prepare and loadDocs fetch with loadShard(name, callback), which
  // calls back with the shard's data or null.
  function Searcher(data, loadShard) {
    if (!data || (data.v !== 1 && data.v !== 3)) throw new Error('search: unknown index format');
    if (data.v === 3) {
      // The runs of documents of one kind, documents start to end, each cut into shards of
      // per documents, shard to shardEnd.
      var runs = [], doc = 0, shard = 0;
      data.runs.forEach(function (r) {
        var run = { kind: r[0], start: doc, end: doc + r[1], per: r[2], shard: shard };
        run.shardEnd = shard + Math.ceil(r[1] / r[2]);
        runs.push(run);
        doc = run.end;
        shard = run.shardEnd;
      });
      data = {
        v: 3, kinds: data.kinds, stop: data.stop, stem: data.stem, terms: data.terms, df: data.df,
        pshards: data.pshards, runs: runs,
        docs: new Array(data.n), post: new Array(data.terms.length)
      };
      this.loadShard = loadShard;
      this.shards = new Map();
    }
    this.data = data;
    this.termId = new Map();
    for (var i = 0; i < data.terms.length; i++) this.termId.set(data.terms[i], i);
    this.stop = new Set(data.stop);
    this.decoded = [];
    this.stemCache = new Map();
    // The stemmers of the index's languages: German alone unless it names them.
    this.stemmers = (data.stem || ['german']).map(function (name) { return STEMMERS[name] || plainWord; });
  }

  // stemsOf returns the stems of the folded word f, one for each language of the index,
  // without duplicates: German's alone for a German dossier.
  Searcher.prototype.stemsOf = function (f) {
    var ss = this.stemCache.get(f);
    if (ss === undefined) {
      ss = [];
      this.stemmers.forEach(function (st) {
        var s = st(f);
        if (ss.indexOf(s) < 0) ss.push(s);
      });
      this.stemCache.set(f, ss);
    }
    return ss;
  };

  // isTerm reports whether a stem of the folded word f is a term of the index.
  Searcher.prototype.isTerm = function (f) {
    var self = this;
    return this.stemsOf(f).some(function (s) { return self.termId.has(s); });
  };

  // df returns the number of documents that have term id t.
  Searcher.prototype.df = function (t) {
    return this.data.v === 3 ? this.data.df[t] : this.data.post[t].length;
  };

  // kindOf returns the kind number of document d.
  Searcher.prototype.kindOf = function (d) {
    if (this.data.v !== 3) return this.data.docs[d][0];
    var run = this.runOf(d);
    return run ? run.kind : -1;
  };

  // runOf returns the run of a sharded index's documents that holds document d.
  Searcher.prototype.runOf = function (d) {
    var runs = this.data.runs;
    for (var i = 0; i < runs.length; i++) if (d < runs[i].end) return runs[i];
    return null;
  };

  // docShard returns the name of the shard of document d.
  Searcher.prototype.docShard = function (d) {
    var run = this.runOf(d);
    return 'd' + (run.shard + Math.floor((d - run.start) / run.per));
  };

  // shard calls back once the shards named are loaded, each once; with format 1 at once.
  Searcher.prototype.shard = function (names, f) {
    var self = this, left = 0, failed = false;
    names = names.filter(function (n, i) { return names.indexOf(n) === i; });
    var todo = [];
    names.forEach(function (name) {
      var s = self.shards.get(name);
      if (s && s.done) return;
      if (!s) {
        s = { done: false, waiting: [] };
        self.shards.set(name, s);
        todo.push(name);
      }
      left++;
      s.waiting.push(function (ok) {
        if (!ok) failed = true;
        if (--left === 0) f(!failed);
      });
    });
    if (left === 0) { f(true); return; }
    // Started after every waiter is in place: a loader may call back at once.
    todo.forEach(function (name) {
      var s = self.shards.get(name);
      self.loadShard(name, function (data) {
        s.done = true;
        if (data) self.fillShard(name, data);
        else self.shards.delete(name); // asked again next time
        var ws = s.waiting;
        s.waiting = [];
        ws.forEach(function (w) { w(!!data); });
      });
    });
  };

  // fillShard takes in the data of a shard. A document of a document shard is
  // [t, title, u, URL, text] (and its language, in an index of more than one): the title
  // and the URL go on from the first t and u characters of the previous document's.
  Searcher.prototype.fillShard = function (name, data) {
    var d = this.data, n = +name.slice(1), i;
    if (name[0] === 'p') {
      for (i = 0; i < data.length; i++) d.post[d.pshards[n] + i] = data[i];
      return;
    }
    var run = d.runs.filter(function (r) { return n < r.shardEnd; })[0];
    var at = run.start + (n - run.shard) * run.per, title = '', url = '';
    for (i = 0; i < data.length; i++) {
      var x = data[i];
      title = title.slice(0, x[0]) + x[1];
      url = url.slice(0, x[2]) + x[3];
      d.docs[at + i] = [run.kind, title, url, x[4], x[5]];
    }
  };

  // prepare calls back with true once everything search needs for query is loaded: the
  // postings shards of its terms. With format 1, at once.
  Searcher.prototype.prepare = function (query, options, f) {
    if (this.data.v !== 3) { f(true); return; }
    var self = this, names = [], ps = this.data.pshards;
    this.kept(query, options).forEach(function (k) {
      self.expand(k.f, k.prefix).forEach(function (pair) {
        var lo = 0, hi = ps.length - 1;
        while (lo < hi) {
          var mid = (lo + hi + 1) >> 1;
          if (ps[mid] <= pair[0]) lo = mid; else hi = mid - 1;
        }
        names.push('p' + lo);
      });
    });
    this.shard(names, f);
  };

  // loadDocs calls back with true once the results given have their title, URL and text.
  // With format 1 they always have, and it calls back at once.
  Searcher.prototype.loadDocs = function (results, f) {
    if (this.data.v !== 3) { f(true); return; }
    var self = this;
    this.shard(results.map(function (r) { return self.docShard(r.doc); }), function (ok) {
      results.forEach(function (r) { self.fill(r); });
      f(ok);
    });
  };

  // fill sets a result's title, URL and text from its document, if it is loaded.
  Searcher.prototype.fill = function (r) {
    var doc = this.data.docs[r.doc];
    if (doc) { r.title = doc[1]; r.url = doc[2]; r.text = doc[3]; r.lang = doc[4] || ''; }
    return r;
  };

  // postings returns the documents of term id t and their weights, decoded once. Format 1
  // has them as numbers, 8 × (document − previous document) + weight; format 3 as a string
  // of the weights, one character each, then the differences less one in base 26, 'A' to
  // 'Z' for the leading digits and 'a' to 'z' for the last.
  Searcher.prototype.postings = function (t) {
    var p = this.decoded[t];
    if (p) return p;
    var raw = this.data.post[t], n = this.df(t), docs = new Array(n), weights = new Array(n), prev = -1, at = n, i;
    if (this.data.v === 3) {
      for (i = 0; i < n; i++) {
        weights[i] = raw.charCodeAt(i) - 48;
        var v = 0, c = raw.charCodeAt(at++);
        for (; c < 97; c = raw.charCodeAt(at++)) v = v * 26 + c - 65;
        prev += v * 26 + c - 97 + 1;
        docs[i] = prev;
      }
    } else {
      for (i = 0; i < n; i++) {
        prev += raw[i] >> 3;
        docs[i] = prev;
        weights[i] = raw[i] & 7;
      }
    }
    p = this.decoded[t] = { docs: docs, weights: weights };
    return p;
  };

  // expand returns the terms a folded query word matches, as [term id, factor] pairs: its
  // stem and, for a name with a genitive -s, the name; and every term that begins with its
  // stem when the word is being typed or the index has no such term. The factor of such a
  // completion is negative, to tell it apart.
  Searcher.prototype.expand = function (f, prefix) {
    var out = [], seen = new Set(), self = this;
    function add(id, factor) {
      if (id !== undefined && !seen.has(id)) { seen.add(id); out.push([id, factor]); }
    }
    var ss = this.stemsOf(f);
    ss.forEach(function (s) { add(self.termId.get(s), 1); });
    if (f.length > 4 && f[f.length - 1] === 's') {
      this.stemsOf(f.slice(0, -1)).forEach(function (s) { add(self.termId.get(s), 1); });
    }
    if (prefix || out.length === 0) {
      ss.forEach(function (s) {
        if (s.length < 2) return;
        var more = [], terms = self.data.terms;
        for (var i = 0; i < terms.length; i++) {
          if (terms[i].length > s.length && terms[i].lastIndexOf(s, 0) === 0) more.push(i);
        }
        more.sort(function (a, b) { return self.df(b) - self.df(a) || a - b; });
        // The nearer completion first: "munit" is more likely "Munition" than
        // "Munitionsvorräte".
        more.slice(0, MAX_EXPANSIONS).forEach(function (id) {
          add(id, -0.6 * Math.sqrt(s.length / terms[id].length));
        });
      });
    }
    return out;
  };

  // search returns the documents that match every word of the query, best first, as
  // {doc, kind, title, url, text, score}, and the matched terms for marking. With
  // options.typing, the last word is taken as the beginning of a word.
  Searcher.prototype.search = function (query, options) {
    var self = this, data = this.data, n = data.docs.length;
    var kept = this.kept(query, options);
    var result = { results: [], terms: [], words: kept.map(function (k) { return k.f; }) };
    if (kept.length === 0) return result;

    var total = null, matched = new Set();
    for (var k = 0; k < kept.length; k++) {
      var scores = new Map(), pairs = this.expand(kept[k].f, kept[k].prefix);
      // A term is worth more the fewer documents have it; the completions of a word count
      // as one term, the word, so that a rare completion does not outweigh a common one.
      var union = new Set();
      pairs.forEach(function (pair) {
        if (pair[1] < 0) self.postings(pair[0]).docs.forEach(function (d) { union.add(d); });
      });
      var prefixIDF = Math.log(1 + n / Math.max(union.size, 1));
      pairs.forEach(function (pair) {
        var p = self.postings(pair[0]);
        var idf = pair[1] < 0 ? prefixIDF : Math.log(1 + n / p.docs.length), factor = Math.abs(pair[1]);
        matched.add(data.terms[pair[0]]);
        for (var j = 0; j < p.docs.length; j++) {
          var v = factor * idf * weight(p.weights[j]);
          var d = p.docs[j];
          if (!(scores.get(d) >= v)) scores.set(d, v);
        }
      });
      if (total === null) {
        total = scores;
      } else {
        var next = new Map();
        total.forEach(function (v, d) {
          if (scores.has(d)) next.set(d, v + scores.get(d));
        });
        total = next;
      }
      if (total.size === 0) break;
    }
    total.forEach(function (score, d) {
      result.results.push(self.fill({ doc: d, kind: data.kinds[self.kindOf(d)], score: score }));
    });
    result.results.sort(function (a, b) { return b.score - a.score || a.doc - b.doc; });
    result.terms = Array.from(matched).sort();
    return result;
  };

  // kept returns the words of query that count, folded, as {f, prefix}: stop words are
  // dropped, except the last while it is being typed (options.typing), which is a prefix;
  // until it has MIN_PREFIX letters it is left out. Two letters begin too many words: in a
  // dossier of 10,000 articles the completions of "be" alone are 320 KB of postings.
  Searcher.prototype.kept = function (query, options) {
    var self = this, typing = !!(options && options.typing);
    var qws = words(query).map(function (w) { return fold(w.s); });
    var typedLast = typing && qws.length > 0 && /[^\s\-]$/.test(query);
    var kept = [];
    qws.forEach(function (f, i) {
      var prefix = i === qws.length - 1 && typedLast;
      if (prefix && f.length < MIN_PREFIX) return;
      // A stop word of one language may be a word of another ("war"): in an index of more
      // than one, it is dropped only when it is no term.
      if (self.stop.has(f) && !prefix && !(self.stemmers.length > 1 && self.isTerm(f))) return;
      kept.push({ f: f, prefix: prefix });
    });
    return kept;
  };

  // weight turns the weight of a posting into a factor: occurrences count, a title more,
  // a compound part or derived form a little.
  function weight(w) {
    var count = w & 3, title = w & 4 ? 2 : 0;
    return (count === 0 ? (title ? 0 : 0.3) : 1 + 0.25 * (count - 1)) + title;
  }

  // group returns the results grouped by kind, the group with the best result first.
  function group(results) {
    var byKind = new Map();
    results.forEach(function (r) {
      if (!byKind.has(r.kind)) byKind.set(r.kind, []);
      byKind.get(r.kind).push(r);
    });
    var groups = [];
    byKind.forEach(function (rs, kind) { groups.push({ kind: kind, results: rs }); });
    groups.sort(function (a, b) {
      return b.results[0].score - a.results[0].score || KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind);
    });
    return groups;
  }

  // Searcher.snippet cuts about max characters of text around the words that match terms,
  // as a list of {text, mark} pieces.
  Searcher.prototype.snippet = function (text, terms, max) {
    var self = this, ws = words(text), marked = [];
    for (var i = 0; i < ws.length; i++) {
      if (matches(self, fold(ws[i].s), terms)) marked.push(i);
    }
    var from = 0;
    if (marked.length > 0 && text.length > max) {
      // The window that holds the most marked words.
      var best = 0, bestCount = 0;
      for (var a = 0; a < marked.length; a++) {
        var count = 0;
        for (var b = a; b < marked.length && ws[marked[b]].end - ws[marked[a]].start <= max; b++) count++;
        if (count > bestCount) { best = a; bestCount = count; }
      }
      // Some words before it, more when the text ends soon after, and start with a word.
      var first = ws[marked[best]].start;
      var want = Math.min(first - Math.min(Math.floor(max / 4), 60), text.length - max);
      if (want > 0) {
        for (var j = 0; j < ws.length; j++) {
          if (ws[j].start >= want) { from = Math.min(ws[j].start, first); break; }
        }
      }
    }
    var to = text.length;
    if (to - from > max) {
      to = from + max;
      for (var m = ws.length - 1; m >= 0; m--) {
        if (ws[m].end <= to && ws[m].start >= from) { to = ws[m].end; break; }
      }
    }
    var pieces = [];
    if (from > 0) pieces.push({ text: '… ', mark: false });
    var at = from, marks = new Set(marked);
    for (var k = 0; k < ws.length; k++) {
      if (!marks.has(k) || ws[k].start < from || ws[k].end > to) continue;
      if (ws[k].start > at) pieces.push({ text: text.slice(at, ws[k].start), mark: false });
      pieces.push({ text: ws[k].s, mark: true });
      at = ws[k].end;
    }
    if (to > at) pieces.push({ text: text.slice(at, to), mark: false });
    if (to < text.length) pieces.push({ text: ' …', mark: false });
    return pieces;
  };

  // Searcher.mark returns the whole text as {text, mark} pieces, the words that match terms
  // marked.
  Searcher.prototype.mark = function (text, terms) {
    return this.snippet(text, terms, text.length);
  };

  // matches reports whether the folded word f is one the terms found: its stem is a term,
  // or, for terms of four letters or more, it contains one (a compound, an inflected form;
  // a stem is always the beginning of its word).
  function matches(self, f, terms) {
    var s = null;
    for (var i = 0; i < terms.length; i++) {
      var t = terms[i];
      if (t.length >= 4) {
        if (f.indexOf(t) >= 0) return true;
      } else if (f.lastIndexOf(t, 0) === 0) {
        if (s === null) s = self.stemsOf(f);
        if (s.indexOf(t) >= 0) return true;
      }
    }
    return false;
  }

  var api = { fold: fold, words: words, stem: stem, englishStem: englishStem, isWordChar: isWordChar, Searcher: Searcher, group: group };
  global.DossierSearch = api;
  if (typeof module === 'object' && module.exports) module.exports = api;

  /* ---- The page ---- */

  if (typeof document === 'undefined') return;

  // labels makes the words of the page from window.DOSSIER_WORDS, which the build writes
  // from the site's locale (static/search-words.js): "{n}" is a number, "{q}" the query,
  // and a plural picks zero (if given) for 0, one for 1, other otherwise, as Go does.
  function labels(w) {
    function put(s, key, v) { return s.split(key).join(v); }
    function plural(p, n) { return put(n === 0 && p.zero ? p.zero : n === 1 ? p.one : p.other, '{n}', String(n)); }
    return {
      kinds: w.kinds,
      suggestions: w.suggestions,
      found: function (n, q) { return put(plural(w.found, n), '{q}', q); },
      none: function (q) { return put(w.none, '{q}', q); },
      all: function (n) { return plural(w.all, n); },
      more: function (n) { return put(w.more, '{n}', String(n)); },
      options: function (n) { return plural(w.options, n); },
      enter: w.enter,
      loading: w.loading,
      failed: w.failed
    };
  }

  var script = document.currentScript;
  var PAGE_SIZE = 20, POPUP_SIZE = 8, MORE_SIZE = 100;
  // A large dossier's index (sharded) shows half as many results of each kind at first:
  // each result shown may need a shard of its own, and a query must load little.
  var SHARDED_PAGE_SIZE = 10;
  function pageSize(searcher) { return searcher.data.v === 3 ? SHARDED_PAGE_SIZE : PAGE_SIZE; }

  function attr(name) {
    var v = script && script.getAttribute(name);
    if (v === null || v === undefined) v = document.documentElement.getAttribute(name);
    return v;
  }

  // start loads the words of the page (static/search-words.js, or data-words) unless they
  // are there, then enhances the search forms; without the words the forms stay plain.
  function start() {
    if (global.DOSSIER_WORDS) { begin(global.DOSSIER_WORDS); return; }
    var s = document.createElement('script');
    s.src = attr('data-words') || (attr('data-root') || '') + 'static/search-words.js';
    s.async = true;
    s.onload = function () { if (global.DOSSIER_WORDS) begin(global.DOSSIER_WORDS); };
    document.head.appendChild(s);
  }

  // markLang gives the element of a result's text the language of its document, when the
  // index says one and it is not the page's.
  function markLang(e, lang) {
    if (lang && lang !== document.documentElement.lang) e.setAttribute('lang', lang);
  }

  function begin(words) {
    var root = attr('data-root') || '';
    var indexURL = attr('data-index') || root + 'static/search-index.js';
    var L = labels(words);
    var loader = makeLoader(indexURL);
    var page = document.getElementById('search-results');
    var forms = document.querySelectorAll('form[role="search"]');
    var n = 0;
    Array.prototype.forEach.call(forms, function (form) {
      var input = form.querySelector('input[name="q"]');
      if (!input) return;
      if (page && input.id === 'search-q') searchPage(input, form, page, loader, root, L);
      else combobox(input, form, loader, root, L, n++);
    });
  }

  // makeLoader returns a function that calls back with a Searcher once the index script
  // has run, loading it on the first call.
  function makeLoader(url) {
    var searcher = null, failed = false, waiting = [], requested = false;
    function settle() {
      if (global.DOSSIER_SEARCH && !searcher) {
        try { searcher = new Searcher(global.DOSSIER_SEARCH, shardLoader(url)); } catch (e) { failed = true; }
      } else if (!global.DOSSIER_SEARCH) {
        failed = true;
      }
      var ws = waiting;
      waiting = [];
      ws.forEach(function (f) { f(searcher); });
    }
    return function (f) {
      if (searcher || failed) { f(searcher); return; }
      if (global.DOSSIER_SEARCH) { settle(); f(searcher); return; }
      waiting.push(f);
      if (requested) return;
      requested = true;
      var s = document.createElement('script');
      s.src = url;
      s.async = true;
      s.onload = settle;
      s.onerror = function () { failed = true; settle(); };
      document.head.appendChild(s);
    };
  }

  // shardLoader returns the loader of the shards of a large dossier's index, which lie in
  // search/ beside the index's first file: each is a script that hands its data to
  // window.DOSSIER_SEARCH_SHARD, so that it loads from file:// too.
  function shardLoader(indexURL) {
    var dir = indexURL.replace(/[^\/]*$/, '') + 'search/', arrived = {};
    global.DOSSIER_SEARCH_SHARD = function (name, data) { arrived[name] = data; };
    return function (name, f) {
      var s = document.createElement('script');
      s.src = dir + name + '.js';
      s.async = true;
      s.onload = function () {
        var data = arrived[name] || null;
        delete arrived[name];
        f(data);
      };
      s.onerror = function () { f(null); };
      document.head.appendChild(s);
    };
  }

  function el(tag, className, text) {
    var e = document.createElement(tag);
    if (className) e.className = className;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function appendSnippet(parent, pieces) {
    pieces.forEach(function (p) {
      parent.appendChild(p.mark ? el('mark', '', p.text) : document.createTextNode(p.text));
    });
  }

  function pageURL(root, q) {
    return root + 'search/index.html?q=' + encodeURIComponent(q);
  }

  function debounce(f, ms) {
    var t = 0;
    return function () {
      clearTimeout(t);
      t = setTimeout(f, ms);
    };
  }

  /* The search page: results for ?q=, updated as one types. */
  function searchPage(input, form, out, loader, root, L) {
    var status = el('p', 'search-status');
    status.setAttribute('role', 'status');
    var list = el('div', 'search-groups');
    out.textContent = '';
    out.appendChild(status);
    out.appendChild(list);
    var q = new URLSearchParams(location.search).get('q') || '';
    input.value = q;
    var shown = null;

    function render() {
      var query = input.value.trim();
      if (query === shown) return;
      shown = query;
      list.textContent = '';
      if (!query) { status.textContent = L.enter; return; }
      status.textContent = L.loading;
      loader(function (searcher) {
        if (query !== shown) return;
        if (!searcher) { status.textContent = L.failed; return; }
        searcher.prepare(query, {}, function (ok) {
          if (query !== shown) return;
          if (!ok) { status.textContent = L.failed; return; }
          var r = searcher.search(query), groups = group(r.results), first = [];
          groups.forEach(function (g) { first = first.concat(g.results.slice(0, pageSize(searcher))); });
          searcher.loadDocs(first, function (ok) {
            if (query !== shown) return;
            if (!ok) { status.textContent = L.failed; return; }
            show(searcher, r, groups, query);
          });
        });
      });
    }

    // show lists the results, pageSize of each kind and a button for the rest. A large
    // dossier's index loads the rest in steps of MORE_SIZE.
    function show(searcher, r, groups, query) {
      var step = searcher.data.v === 3 ? MORE_SIZE : Infinity, size = pageSize(searcher);
      status.textContent = r.results.length ? L.found(r.results.length, query) : L.none(query);
      groups.forEach(function (g, gi) {
        var section = el('section', 'search-group');
        var h = el('h2', '', L.kinds[g.kind] + ' (' + g.results.length + ')');
        h.id = 'search-group-' + gi;
        section.setAttribute('aria-labelledby', h.id);
        section.appendChild(h);
        var ol = el('ol', 'search-list');
        section.appendChild(ol);
        var add = function (from, to) {
          g.results.slice(from, to).forEach(function (res) {
            var li = el('li', 'search-result');
            var a = el('a', 'search-title');
            appendSnippet(a, searcher.mark(res.title, r.terms));
            a.href = root + res.url;
            li.appendChild(a);
            var p = el('p', 'search-snippet');
            markLang(p, res.lang);
            appendSnippet(p, searcher.snippet(res.text, r.terms, 240));
            li.appendChild(p);
            ol.appendChild(li);
          });
        };
        add(0, size);
        if (g.results.length > size) {
          var more = el('button', 'search-more', L.more(g.results.length - size));
          more.type = 'button';
          more.addEventListener('click', function () {
            var next = ol.children.length, to = Math.min(next + step, g.results.length);
            searcher.loadDocs(g.results.slice(next, to), function () {
              add(next, to);
              if (to < g.results.length) more.textContent = L.more(g.results.length - to);
              else section.removeChild(more);
              var a = ol.children[next] && ol.children[next].querySelector('a');
              if (a) a.focus();
            });
          });
          section.appendChild(more);
        }
        list.appendChild(section);
      });
    }

    var update = debounce(function () {
      render();
      try {
        history.replaceState(null, '', '?q=' + encodeURIComponent(input.value.trim()));
      } catch (e) { /* file:// may refuse; the results are shown all the same */ }
    }, 200);
    input.addEventListener('input', update);
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      update();
    });
    render();
  }

  /* The header box: an ARIA 1.2 combobox whose listbox shows the best results. */
  function combobox(input, form, loader, root, L, n) {
    var id = 'search-popup-' + n;
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', id);
    input.setAttribute('autocomplete', 'off');
    var box = el('div', 'search-popup');
    box.id = id;
    box.setAttribute('role', 'listbox');
    box.setAttribute('aria-label', L.suggestions);
    box.hidden = true;
    var status = el('span', 'visually-hidden');
    status.setAttribute('role', 'status');
    form.appendChild(box);
    form.appendChild(status);
    var options = [], active = -1, asked = '';

    function close() {
      box.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
      active = -1;
    }

    function setActive(i) {
      if (active >= 0 && options[active]) options[active].setAttribute('aria-selected', 'false');
      active = i;
      if (i < 0) { input.removeAttribute('aria-activedescendant'); return; }
      options[i].setAttribute('aria-selected', 'true');
      input.setAttribute('aria-activedescendant', options[i].id);
      if (options[i].scrollIntoView) options[i].scrollIntoView({ block: 'nearest' });
    }

    function option(title, href, className) {
      var o = el('div', className || 'search-option');
      o.id = id + '-' + options.length;
      o.setAttribute('role', 'option');
      o.setAttribute('aria-selected', 'false');
      o.setAttribute('data-href', href);
      var t = el('span', 'search-option-title');
      if (typeof title === 'string') t.textContent = title;
      else appendSnippet(t, title);
      o.appendChild(t);
      options.push(o);
      return o;
    }

    function update() {
      var query = input.value;
      asked = query;
      if (query.trim().length < 2) { close(); status.textContent = ''; return; }
      loader(function (searcher) {
        if (query !== asked || !searcher) return;
        searcher.prepare(query, { typing: true }, function (ok) {
          if (query !== asked || !ok) return;
          var r = searcher.search(query, { typing: true });
          searcher.loadDocs(r.results.slice(0, POPUP_SIZE), function (ok) {
            if (query === asked && ok) propose(searcher, r, query);
          });
        });
      });
    }

    function propose(searcher, r, query) {
      box.textContent = '';
      options = [];
      active = -1;
      input.removeAttribute('aria-activedescendant');
      var top = r.results.slice(0, POPUP_SIZE);
      group(top).forEach(function (g, gi) {
        var grp = el('div', 'search-popup-group');
        grp.setAttribute('role', 'group');
        var head = el('div', 'search-popup-kind', L.kinds[g.kind]);
        head.id = id + '-g' + gi;
        head.setAttribute('role', 'presentation');
        grp.setAttribute('aria-labelledby', head.id);
        grp.appendChild(head);
        g.results.forEach(function (res) {
          var o = option(searcher.mark(res.title, r.terms), root + res.url);
          var sn = el('span', 'search-option-snippet');
          markLang(sn, res.lang);
          appendSnippet(sn, searcher.snippet(res.text, r.terms, 90));
          o.appendChild(sn);
          grp.appendChild(o);
        });
        box.appendChild(grp);
      });
      if (r.results.length > 0) {
        box.appendChild(option(L.all(r.results.length), pageURL(root, query.trim()), 'search-option search-option-all'));
      }
      status.textContent = L.options(top.length);
      if (options.length === 0) { close(); return; }
      box.hidden = false;
      input.setAttribute('aria-expanded', 'true');
    }

    var leaving = false;
    function go(o) {
      leaving = true;
      close();
      location.href = o.getAttribute('data-href');
    }
    // Enter on a chosen result follows it; a browser that still submits the form (some send
    // a keypress that the keydown's preventDefault does not stop) must not win.
    form.addEventListener('submit', function (e) {
      if (leaving) e.preventDefault();
    });
    global.addEventListener('pageshow', function () { leaving = false; });

    input.addEventListener('focus', function () { loader(function () {}); });
    input.addEventListener('input', debounce(update, 60));
    input.addEventListener('keydown', function (e) {
      var open = !box.hidden && options.length > 0;
      switch (e.key) {
        case 'ArrowDown':
        case 'Down':
          e.preventDefault();
          if (!open) { update(); return; }
          setActive(active + 1 < options.length ? active + 1 : 0);
          break;
        case 'ArrowUp':
        case 'Up':
          e.preventDefault();
          if (!open) return;
          setActive(active > 0 ? active - 1 : options.length - 1);
          break;
        case 'Enter':
          if (open && active >= 0) { e.preventDefault(); go(options[active]); }
          break; // otherwise the form goes to the search page
        case 'Escape':
        case 'Esc':
          if (open) { e.preventDefault(); close(); } else if (input.value) { e.preventDefault(); input.value = ''; }
          break;
        case 'Tab':
          close();
          break;
      }
    });
    input.addEventListener('blur', close);
    // A press on the list keeps the focus in the box, so that blur does not close the list
    // before the click arrives.
    box.addEventListener('mousedown', function (e) { e.preventDefault(); });
    box.addEventListener('click', function (e) {
      var o = e.target.closest('[role="option"]');
      if (o) go(o);
    });
  }

  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start);
  else start();
})(typeof window !== 'undefined' ? window : this);
