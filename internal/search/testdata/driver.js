// driver.js runs static/search.js in Node for internal/search's tests, without a page:
//   node driver.js INDEX.js SEARCH.js REQUEST.json
// The request may ask for the folding and stem of words, the words of texts, the
// results of queries and their snippets; the answer is JSON on standard output.
'use strict';
const fs = require('fs');
const vm = require('vm');

const [indexPath, searchPath, requestPath] = process.argv.slice(2);
const context = vm.createContext({ window: {} });
if (indexPath) vm.runInContext(fs.readFileSync(indexPath, 'utf8'), context, { filename: indexPath });
vm.runInContext(fs.readFileSync(searchPath, 'utf8'), context, { filename: searchPath });
const S = context.window.DossierSearch;
const request = JSON.parse(fs.readFileSync(requestPath, 'utf8'));
const answer = {};
if (request.words) {
  answer.words = request.words.map((w) => {
    const f = S.fold(w);
    return { fold: f, stem: S.stem(f) };
  });
}
if (request.texts) answer.texts = request.texts.map((t) => S.words(t).map((w) => w.s));
if (request.snippets) {
  const searcher = new S.Searcher(context.window.DOSSIER_SEARCH);
  answer.snippets = request.snippets.map((q) => {
    const r = searcher.search(q.q);
    return r.results.map((x) => ({ text: x.text, pieces: searcher.snippet(x.text, r.terms, q.max) }));
  });
}
if (request.queries) {
  const searcher = new S.Searcher(context.window.DOSSIER_SEARCH);
  answer.queries = request.queries.map((q) => {
    const r = searcher.search(q.q, { typing: !!q.typing });
    return {
      results: r.results.map((x) => ({
        url: x.url,
        kind: x.kind,
        marked: searcher.snippet(x.text, r.terms, 200).filter((p) => p.mark).map((p) => p.text),
      })),
      groups: S.group(r.results).map((g) => g.kind),
    };
  });
}
process.stdout.write(JSON.stringify(answer));
