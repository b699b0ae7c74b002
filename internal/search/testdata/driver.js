// driver.js runs static/search.js in Node for internal/search's tests, without a page:
//   node driver.js INDEX.js SEARCH.js REQUEST.json [SHARDS]
// The request may ask for the folding and stem of words, the words of texts, the
// results of queries and their snippets; the answer is JSON on standard output. SHARDS is
// the folder of a sharded index's shards, loaded (at once) as the queries need them.
'use strict';
const fs = require('fs');
const path = require('path');
const vm = require('vm');

const [indexPath, searchPath, requestPath, shardDir] = process.argv.slice(2);
const context = vm.createContext({ window: {} });
if (indexPath) vm.runInContext(fs.readFileSync(indexPath, 'utf8'), context, { filename: indexPath });
vm.runInContext(fs.readFileSync(searchPath, 'utf8'), context, { filename: searchPath });
const S = context.window.DossierSearch;
const request = JSON.parse(fs.readFileSync(requestPath, 'utf8'));

// loaded lists the shards loaded, for the test to count what a query fetched.
const loaded = [];
function loadShard(name, f) {
  const file = path.join(shardDir, name + '.js');
  let data = null;
  context.window.DOSSIER_SEARCH_SHARD = (n, d) => { if (n === name) data = d; };
  vm.runInContext(fs.readFileSync(file, 'utf8'), context, { filename: file });
  loaded.push(name);
  f(data);
}

// search answers a query as the page does: the shards it needs loaded first, then every
// result's document.
function search(searcher, q, options) {
  let r = null;
  searcher.prepare(q, options, (ok) => {
    if (!ok) throw new Error('prepare ' + q);
    r = searcher.search(q, options);
    searcher.loadDocs(r.results, (ok) => { if (!ok) throw new Error('loadDocs ' + q); });
  });
  if (!r) throw new Error('search did not call back at once: ' + q);
  return r;
}
const answer = {};
if (request.words) {
  answer.words = request.words.map((w) => {
    const f = S.fold(w);
    return { fold: f, stem: S.stem(f), english: S.englishStem(f) };
  });
}
if (request.texts) answer.texts = request.texts.map((t) => S.words(t).map((w) => w.s));
if (request.snippets) {
  const searcher = new S.Searcher(context.window.DOSSIER_SEARCH, loadShard);
  answer.snippets = request.snippets.map((q) => {
    const r = search(searcher, q.q);
    return r.results.map((x) => ({ text: x.text, pieces: searcher.snippet(x.text, r.terms, q.max) }));
  });
}
if (request.queries) {
  const searcher = new S.Searcher(context.window.DOSSIER_SEARCH, loadShard);
  answer.queries = request.queries.map((q) => {
    loaded.length = 0;
    const r = search(searcher, q.q, { typing: !!q.typing });
    return {
      shards: loaded.slice(),
      results: r.results.map((x) => ({
        url: x.url,
        title: x.title,
        kind: x.kind,
        lang: x.lang,
        marked: searcher.snippet(x.text, r.terms, 200).filter((p) => p.mark).map((p) => p.text),
      })),
      groups: S.group(r.results).map((g) => g.kind),
    };
  });
}
process.stdout.write(JSON.stringify(answer));
