package export

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"encoding/xml"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"unicode/utf8"

	"dossier/internal/content"
	"dossier/internal/date"
	"dossier/internal/dossier"
	"dossier/internal/markdown"
	"dossier/internal/testdossier"
)

// A seed in the shape of the real ones: a kicker, a title, a byline, paragraphs, a caption.
const testSeed = "Ukraine-Krieg\n\nGipfel in Wostotschny: Kim trifft Putin\n\nVon Anna Beispiel\n\n" +
	"Der nordkoreanische Machthaber Kim Jong-un ist am Dienstag in Russland eingetroffen.\n\n" +
	"Nach Angaben der USA will Russland Artilleriegranaten aus Nordkorea kaufen; Moskau bestreitet das.\n\n" +
	"Foto: © Agentur\n"

func testFS() fstest.MapFS {
	return fstest.MapFS{
		"seeds/s.txt":        {Data: []byte(testSeed)},
		"seeds/v.txt":        {Data: []byte("Ein zweiter Text.\n")},
		"content/dossier.md": {Data: []byte("---\ntitle: \"Russland & Nordkorea\"\nsubtitle: \"Eine Presseschau\"\n---\n")},
		"content/articles/gipfel.md": {Data: []byte(`---
seed: s.txt
title: "Kim trifft Putin"
publisher: "Beispiel-Zeitung"
author: "Anna Beispiel"
published: 2023-09-13
url: "https://example.org/gipfel?a=1&b={2}"
---
`)},
		"content/articles/vage.md": {Data: []byte("---\nseed: v.txt\ntitle: \"Ohne Autor\"\npublisher: \"P\"\npublished: \"~2023-09\"\n---\n")},
		"content/actors/kim-jong-un.md": {Data: []byte(`---
name: "Kim Jong-un"
kind: person
aliases: ["Kim Jong Un"]
role: "Machthaber Nordkoreas"
wikidata: Q56226
links: ["https://de.wikipedia.org/wiki/Kim_Jong-un"]
---
`)},
		"content/actors/russland.md":      {Data: []byte("---\nname: Russland\nkind: state\n---\n")},
		"content/actors/nordkorea.md":     {Data: []byte("---\nname: Nordkorea\nkind: state\n---\n")},
		"content/topics/waffen.md":        {Data: []byte("---\ntitle: Waffenlieferungen\n---\n")},
		"content/events/gipfel.md":        {Data: []byte("---\ndate: 2023-09-13\ntitle: Gipfel\nactors: [kim-jong-un]\ntopics: [waffen]\nsources:\n  - article: gipfel\n    quote: \"ist am Dienstag in Russland eingetroffen\"\n---\nDer **Gipfel**.\n")},
		"content/events/danach.md":        {Data: []byte("---\ndate: \"2023-07/..\"\ntitle: Danach\n---\n")},
		"content/events/verhandlungen.md": {Data: []byte("---\ndate: 2023-07/2023-09\ntitle: \"Gespräche \\\"über\\\" Waffen, <b>\"\n---\n")},
		"content/notes/granaten.md": {Data: []byte(`---
article: gipfel
quote: "Russland Artilleriegranaten aus Nordkorea kaufen"
kind: factcheck
rating: "belegt"
actors: [russland]
topics: [waffen]
---
Später bestätigt; siehe [Kim](actor:kim-jong-un).
`)},
		"content/notes/kontext.md": {Data: []byte("---\narticle: gipfel\nquote: \"Kim Jong-un\"\nprefix: \"Machthaber \"\n---\nKontext.\n")},
	}
}

func mustDossier(tb testing.TB, fsys fstest.MapFS) *dossier.Dossier {
	tb.Helper()
	c, errs := content.Load(fsys, content.Config{})
	d, more := dossier.Resolve(c, fsys, dossier.Config{})
	if errs.Append(more); errs.Err() != nil {
		tb.Fatal(errs.Err())
	}
	return d
}

func testWords() Words {
	return Words{
		Lang: "de", Quote: func(s string) string { return "„" + s + "“" }, Date: date.Date.German,
		In: "In:", Commented: "Kommentiert in:", LineShort: "Z.", URL: "URL:",
		NoteKinds: map[string]string{"context": "Kontext", "factcheck": "Faktencheck", "correction": "Korrektur", "translation": "Übersetzung", "source": "Quelle"},
	}
}

func mustFiles(tb testing.TB, d *dossier.Dossier, cfg Config) map[string][]byte {
	tb.Helper()
	files, err := Files(d, cfg)
	if err != nil {
		tb.Fatal(err)
	}
	m := map[string][]byte{}
	for i, f := range files {
		if i > 0 && files[i-1].Path >= f.Path {
			tb.Errorf("files not sorted: %s before %s", files[i-1].Path, f.Path)
		}
		m[f.Path] = f.Data
	}
	return m
}

func TestCitationText(t *testing.T) {
	d := mustDossier(t, testFS())
	for _, tc := range []struct {
		name     string
		base     string
		article  string
		from, to int
		source   string
		page     string
	}{
		{"whole page", "", "gipfel", 0, 0,
			"Beispiel, Anna: „Kim trifft Putin“. In: Beispiel-Zeitung, 13. September 2023. URL: https://example.org/gipfel?a=1&b={2}.",
			"„Kim trifft Putin“. Kommentiert in: Russland & Nordkorea. Eine Presseschau."},
		{"line range with base URL", "https://dossier.example/sub/", "gipfel", 7, 9,
			"Beispiel, Anna: „Kim trifft Putin“. In: Beispiel-Zeitung, 13. September 2023. URL: https://example.org/gipfel?a=1&b={2}.",
			"„Kim trifft Putin“. Kommentiert in: Russland & Nordkorea. Eine Presseschau, Z. 7–9. URL: https://dossier.example/sub/articles/gipfel.html#L7-L9."},
		{"one line, no author, circa", "", "vage", 7, 7,
			"„Ohne Autor“. In: P, um September 2023.",
			"„Ohne Autor“. Kommentiert in: Russland & Nordkorea. Eine Presseschau, Z. 7."},
	} {
		t.Run(tc.name, func(t *testing.T) {
			src, page := CitationText(d, Config{BaseURL: tc.base, Words: testWords()}, d.Article(tc.article), tc.from, tc.to)
			if src != tc.source {
				t.Errorf("source citation\n got %s\nwant %s", src, tc.source)
			}
			if page != tc.page {
				t.Errorf("page citation\n got %s\nwant %s", page, tc.page)
			}
		})
	}
}

func TestSplitName(t *testing.T) {
	for _, tc := range []struct{ in, inverted string }{
		{"Christiane Kühl", "Kühl, Christiane"},
		{"Ursula von der Leyen", "von der Leyen, Ursula"},
		{"Hans-Peter Meier-Schulz", "Meier-Schulz, Hans-Peter"},
		{"Reuters", "Reuters"},
		{"Sophie Müller (laut Autorenkasten)", "Sophie Müller (laut Autorenkasten)"},
	} {
		if got := splitName(tc.in).inverted(); got != tc.inverted {
			t.Errorf("splitName(%q).inverted() = %q, want %q", tc.in, got, tc.inverted)
		}
	}
	if got := splitAuthors("Anna Beispiel und Bert Muster"); len(got) != 2 || got[1] != "Bert Muster" {
		t.Errorf("splitAuthors = %q", got)
	}
}

// TestCSLJSON checks the CSL-JSON downloads against the fields and types of the CSL
// schema (csl-data.json): id and type required, type one of CSL's, names and dates in
// their structures.
func TestCSLJSON(t *testing.T) {
	d := mustDossier(t, testFS())
	files := mustFiles(t, d, Config{BaseURL: "https://dossier.example/", Words: testWords()})
	var items []map[string]any
	if err := json.Unmarshal(files["cite/gipfel.json"], &items); err != nil {
		t.Fatal(err)
	}
	if len(items) != 2 {
		t.Fatalf("%d items, want the source and the page", len(items))
	}
	checkCSL(t, items)
	src, page := items[0], items[1]
	if src["type"] != "article-newspaper" || src["container-title"] != "Beispiel-Zeitung" || src["URL"] != "https://example.org/gipfel?a=1&b={2}" {
		t.Errorf("source item %v", src)
	}
	if au := src["author"].([]any)[0].(map[string]any); au["family"] != "Beispiel" || au["given"] != "Anna" {
		t.Errorf("author %v", au)
	}
	if dp := src["issued"].(map[string]any)["date-parts"]; !jsonEqual(dp, [][]int{{2023, 9, 13}}) {
		t.Errorf("issued %v", dp)
	}
	if page["type"] != "webpage" || page["URL"] != "https://dossier.example/articles/gipfel.html" || page["container-title"] != "Russland & Nordkorea. Eine Presseschau" {
		t.Errorf("page item %v", page)
	}
	// A circa date keeps its precision and says circa.
	var vage []map[string]any
	json.Unmarshal(files["cite/vage.json"], &vage)
	if iss := vage[0]["issued"].(map[string]any); iss["circa"] != true || !jsonEqual(iss["date-parts"], [][]int{{2023, 9}}) || iss["edtf"] != "2023-09~" {
		t.Errorf("circa issued %v", iss)
	}
	// A note's citation cites the note's line and its source.
	var note []map[string]any
	if err := json.Unmarshal(files["cite/notes/granaten.json"], &note); err != nil {
		t.Fatal(err)
	}
	checkCSL(t, note)
	if note[0]["note"] != "Z. 9" || note[0]["URL"] != "https://dossier.example/articles/gipfel.html#note-granaten" || note[1]["id"] != "gipfel" {
		t.Errorf("note citation %v", note)
	}
}

// cslTypes are the item types of CSL 1.0.2.
var cslTypes = strings.Fields(`article article-journal article-magazine article-newspaper bill book broadcast chapter
	classic collection dataset document entry entry-dictionary entry-encyclopedia event figure graphic hearing interview
	legal_case legislation manuscript map motion_picture musical_score pamphlet paper-conference patent performance
	periodical personal_communication post post-weblog regulation report review review-book software song speech
	standard thesis treaty webpage`)

// cslFields are the fields of csl-data.json this export may write, with their JSON kinds.
var cslFields = map[string]string{"id": "string", "type": "string", "title": "string", "container-title": "string",
	"publisher": "string", "author": "names", "issued": "date", "URL": "string", "language": "string", "note": "string"}

func checkCSL(t *testing.T, items []map[string]any) {
	t.Helper()
	for _, it := range items {
		if it["id"] == nil || it["type"] == nil {
			t.Errorf("item without id or type: %v", it)
		}
		if !contains(cslTypes, it["type"]) {
			t.Errorf("type %v is not a CSL type", it["type"])
		}
		for k, v := range it {
			switch cslFields[k] {
			case "string":
				if _, ok := v.(string); !ok {
					t.Errorf("%s = %v, want a string", k, v)
				}
			case "names":
				for _, n := range v.([]any) {
					m := n.(map[string]any)
					if m["family"] == nil && m["literal"] == nil {
						t.Errorf("name %v has neither family nor literal", m)
					}
				}
			case "date":
				m := v.(map[string]any)
				dp, ok := m["date-parts"].([]any)
				if !ok || len(dp) < 1 || len(dp) > 2 {
					t.Errorf("date %v: date-parts must hold one or two points", m)
				}
				for _, p := range dp {
					if n := len(p.([]any)); n < 1 || n > 3 {
						t.Errorf("date part %v: 1 to 3 numbers", p)
					}
				}
			default:
				t.Errorf("field %q is not a CSL field", k)
			}
		}
	}
}

func contains(list []string, v any) bool {
	for _, s := range list {
		if s == v {
			return true
		}
	}
	return false
}

func jsonEqual(a any, b any) bool {
	ja, _ := json.Marshal(a)
	jb, _ := json.Marshal(b)
	return bytes.Equal(ja, jb)
}

func TestBibTeXAndRIS(t *testing.T) {
	d := mustDossier(t, testFS())
	files := mustFiles(t, d, Config{Words: testWords()})
	bib := string(files["cite/gipfel.bib"])
	for _, want := range []string{
		"@article{gipfel,\n", "  author = {Beispiel, Anna},\n", "  title = {Kim trifft Putin},\n",
		"  journaltitle = {Beispiel-Zeitung},\n", "  date = {2023-09-13},\n", "  year = {2023},\n",
		"  url = {https://example.org/gipfel?a=1&b=%7B2%7D},\n", "@online{gipfel-dossier,\n",
		"  organization = {Russland \\& Nordkorea. Eine Presseschau},\n",
	} {
		if !strings.Contains(bib, want) {
			t.Errorf("BibTeX lacks %q:\n%s", want, bib)
		}
	}
	if strings.Count(bib, "{") != strings.Count(bib, "}")+strings.Count(bib, `\}`)-strings.Count(bib, `\{`) {
		t.Errorf("BibTeX braces unbalanced:\n%s", bib)
	}
	if !strings.Contains(string(files["cite/vage.bib"]), "date = {2023-09~}") {
		t.Errorf("circa date not in EDTF:\n%s", files["cite/vage.bib"])
	}
	ris := string(files["cite/gipfel.ris"])
	records := parseRIS(t, ris)
	if len(records) != 2 {
		t.Fatalf("%d RIS records, want 2:\n%s", len(records), ris)
	}
	r := records[0]
	for tag, want := range map[string]string{"TY": "NEWS", "AU": "Beispiel, Anna", "TI": "Kim trifft Putin", "T2": "Beispiel-Zeitung", "PY": "2023", "DA": "2023/09/13/", "UR": "https://example.org/gipfel?a=1&b={2}"} {
		if got := r[tag]; len(got) != 1 || got[0] != want {
			t.Errorf("RIS %s = %q, want %q", tag, got, want)
		}
	}
	if records[1]["TY"][0] != "ELEC" {
		t.Errorf("page record type %q, want ELEC", records[1]["TY"])
	}
}

// parseRIS reads RIS as reference managers do: TAG, two spaces, hyphen, space, value; a
// record ends with ER.
func parseRIS(t *testing.T, s string) []map[string][]string {
	t.Helper()
	var recs []map[string][]string
	cur := map[string][]string{}
	for _, line := range strings.SplitAfter(s, "\r\n") {
		if line == "" {
			continue
		}
		if !strings.HasSuffix(line, "\r\n") || len(line) < 8 || line[2:6] != "  - " {
			t.Fatalf("bad RIS line %q", line)
		}
		tag, val := line[:2], strings.TrimSuffix(line[6:], "\r\n")
		if tag == "ER" {
			recs = append(recs, cur)
			cur = map[string][]string{}
			continue
		}
		cur[tag] = append(cur[tag], val)
	}
	return recs
}

func TestArticleLD(t *testing.T) {
	d := mustDossier(t, testFS())
	b, err := ArticleLD(d, Config{Words: testWords()}, d.Article("gipfel"))
	if err != nil {
		t.Fatal(err)
	}
	if bytes.ContainsAny(b, "<>") {
		t.Errorf("JSON-LD has < or > unescaped: %s", b)
	}
	var ld struct {
		Context string           `json:"@context"`
		Graph   []map[string]any `json:"@graph"`
	}
	if err := json.Unmarshal(b, &ld); err != nil {
		t.Fatal(err)
	}
	types := map[string]map[string]any{}
	for _, n := range ld.Graph {
		types[n["@type"].(string)] = n
	}
	page, src, cr := types["WebPage"], types["NewsArticle"], types["ClaimReview"]
	if ld.Context != "https://schema.org" || page == nil || src == nil || cr == nil {
		t.Fatalf("JSON-LD %s", b)
	}
	requireProps(t, "WebPage", page, "@id", "url", "name", "isBasedOn", "citation", "isPartOf")
	requireProps(t, "NewsArticle", src, "headline", "datePublished", "author", "publisher", "url")
	if page["isBasedOn"].(map[string]any)["@id"] != src["@id"] {
		t.Errorf("isBasedOn %v does not name the NewsArticle %v", page["isBasedOn"], src["@id"])
	}
	// Google's rules for ClaimReview: claimReviewed, reviewRating.alternateName and url
	// are required; author and itemReviewed recommended.
	requireProps(t, "ClaimReview", cr, "claimReviewed", "reviewRating", "url", "author", "itemReviewed")
	if cr["claimReviewed"] != "Russland Artilleriegranaten aus Nordkorea kaufen" || cr["reviewRating"].(map[string]any)["alternateName"] != "belegt" {
		t.Errorf("ClaimReview %v", cr)
	}
	if cr["url"] != "../articles/gipfel.html#note-granaten" {
		t.Errorf("ClaimReview url %v", cr["url"])
	}
	if n := strings.Count(string(b), `"ClaimReview"`); n != 1 {
		t.Errorf("%d ClaimReviews, want 1 (the context note is none)", n)
	}
}

func requireProps(t *testing.T, typ string, m map[string]any, props ...string) {
	t.Helper()
	for _, p := range props {
		if v, ok := m[p]; !ok || v == "" || v == nil {
			t.Errorf("%s lacks %s: %v", typ, p, m)
		}
	}
}

func TestActorLD(t *testing.T) {
	d := mustDossier(t, testFS())
	for _, tc := range []struct {
		id, typ string
		sameAs  []string
	}{
		{"kim-jong-un", "Person", []string{"https://www.wikidata.org/wiki/Q56226", "https://de.wikipedia.org/wiki/Kim_Jong-un"}},
		{"russland", "Country", nil},
	} {
		b, err := ActorLD(d, Config{Words: testWords()}, d.Actor(tc.id))
		if err != nil {
			t.Fatal(err)
		}
		var m map[string]any
		if err := json.Unmarshal(b, &m); err != nil {
			t.Fatal(err)
		}
		requireProps(t, tc.typ, m, "@context", "@type", "name", "mainEntityOfPage")
		if m["@type"] != tc.typ || !jsonEqual(m["sameAs"], tc.sameAs) && tc.sameAs != nil {
			t.Errorf("%s: %s", tc.id, b)
		}
		if tc.sameAs == nil && m["sameAs"] != nil {
			t.Errorf("%s: sameAs without wikidata or links: %s", tc.id, b)
		}
	}
}

func TestAnnotations(t *testing.T) {
	d := mustDossier(t, testFS())
	html := func(doc *markdown.Doc) (string, error) { return "<p>" + string(doc.Source()) + "</p>", nil }
	files := mustFiles(t, d, Config{Words: testWords(), BodyHTML: html})
	c := checkAnnotations(t, d, files[AnnotationsPath], func(a *dossier.Article) string { return testSeed })
	byID := map[string]annotation{}
	for _, an := range c.First.Items {
		byID[an.ID[strings.Index(an.ID, "#note-")+6:]] = an
	}
	an := byID["kontext"]
	if an.ID != "../articles/gipfel.html#note-kontext" || an.Target.Source != "../articles/gipfel.html" || an.Motivation != "commenting" {
		t.Errorf("annotation %+v", an)
	}
	q := byID["granaten"].Target.Selector[0]
	if q.Prefix != "fen.\n\nNach Angaben der USA will " || q.Suffix != "; Moskau bestreitet das.\n\nFoto: " {
		t.Errorf("TextQuoteSelector prefix %q suffix %q", q.Prefix, q.Suffix)
	}
	var tags, formats []string
	for _, b := range byID["granaten"].Body {
		if b.Purpose == "tagging" {
			tags = append(tags, b.Value)
		}
		if b.Format != "" {
			formats = append(formats, b.Format)
		}
	}
	if strings.Join(tags, ",") != "Waffenlieferungen,Russland" || strings.Join(formats, ",") != "text/markdown,text/html" {
		t.Errorf("tags %q, formats %q", tags, formats)
	}
}

// checkAnnotations parses a Web Annotation collection and checks each annotation's
// selectors against the seed text of its note's article: the position selector's range
// holds the exact text, which prefix and suffix surround.
func checkAnnotations(t *testing.T, d *dossier.Dossier, data []byte, seedText func(*dossier.Article) string) annoCollection {
	t.Helper()
	var c annoCollection
	if err := json.Unmarshal(data, &c); err != nil {
		t.Fatal(err)
	}
	if c.Context != "http://www.w3.org/ns/anno.jsonld" || c.Type != "AnnotationCollection" || c.First.Type != "AnnotationPage" {
		t.Errorf("collection %s %s %s", c.Context, c.Type, c.First.Type)
	}
	anchored := 0
	for _, n := range d.Notes {
		if n.Anchor != nil {
			anchored++
		}
	}
	if c.Total != anchored || len(c.First.Items) != anchored {
		t.Fatalf("%d annotations (total %d), want one per anchored note: %d", len(c.First.Items), c.Total, anchored)
	}
	for i, an := range c.First.Items {
		n := d.Notes[i]
		if an.Type != "Annotation" || an.Motivation == "" || an.Creator.Name == "" || len(an.Body) == 0 || an.Body[0].Type != "TextualBody" {
			t.Errorf("annotation %d: %+v", i, an)
		}
		if !strings.HasSuffix(an.ID, "#note-"+n.ID) {
			t.Errorf("annotation %d id %q, want note %s", i, an.ID, n.ID)
		}
		if len(an.Target.Selector) != 2 || an.Target.Selector[0].Type != "TextQuoteSelector" || an.Target.Selector[1].Type != "TextPositionSelector" {
			t.Fatalf("annotation %d selectors %+v", i, an.Target.Selector)
		}
		q, p := an.Target.Selector[0], an.Target.Selector[1]
		text := []rune(seedText(n.Anchor.Article))
		if *p.Start < 0 || *p.End > len(text) || *p.Start >= *p.End {
			t.Fatalf("note %s: position %d–%d outside the seed", n.ID, *p.Start, *p.End)
		}
		if got := string(text[*p.Start:*p.End]); got != q.Exact {
			t.Errorf("note %s: the position selector selects %q, the quote selector %q", n.ID, got, q.Exact)
		}
		before, after := string(text[:*p.Start]), string(text[*p.End:])
		if !strings.HasSuffix(before, q.Prefix) || !strings.HasPrefix(after, q.Suffix) {
			t.Errorf("note %s: prefix %q or suffix %q do not surround the passage", n.ID, q.Prefix, q.Suffix)
		}
		if utf8.RuneCountInString(q.Prefix) > contextRunes || utf8.RuneCountInString(q.Suffix) > contextRunes {
			t.Errorf("note %s: prefix or suffix longer than %d", n.ID, contextRunes)
		}
	}
	return c
}

func TestOpenData(t *testing.T) {
	d := mustDossier(t, testFS())
	files := mustFiles(t, d, Config{Words: testWords()})

	var tl struct {
		Title  map[string]any `json:"title"`
		Events []struct {
			StartDate *tjsDate       `json:"start_date"`
			EndDate   *tjsDate       `json:"end_date"`
			Text      tjsText        `json:"text"`
			Media     map[string]any `json:"media"`
			EDTF      string         `json:"edtf"`
		} `json:"events"`
	}
	if err := json.Unmarshal(files[EventsJSONPath], &tl); err != nil {
		t.Fatal(err)
	}
	if len(tl.Events) != 3 {
		t.Fatalf("%d TimelineJS events, want 3", len(tl.Events))
	}
	for _, e := range tl.Events {
		if e.StartDate == nil || e.StartDate.Year == "" || e.Text.Headline == "" {
			t.Errorf("TimelineJS requires start_date.year and a headline: %+v", e)
		}
	}
	v := tl.Events[0] // 2023-07/2023-09 sorts first
	if v.StartDate.Month != "7" || v.StartDate.Day != "" || v.EndDate == nil || v.EndDate.Month != "9" || v.EDTF != "2023-07/2023-09" || v.StartDate.DisplayDate != "Juli – September 2023" {
		t.Errorf("range at its precision: %+v %+v %q", v.StartDate, v.EndDate, v.EDTF)
	}
	if a := tl.Events[1]; a.StartDate.Month != "8" || a.StartDate.Day != "1" || a.StartDate.DisplayDate != "nach Juli 2023" || a.EDTF != "2023-07/.." {
		t.Errorf("after July 2023: %+v %q", a.StartDate, a.EDTF)
	}
	if g := tl.Events[2]; g.StartDate.Day != "13" || g.Media["url"] != "../articles/gipfel.html#L7" || g.Media["caption"] != "ist am Dienstag in Russland eingetroffen" {
		t.Errorf("event with source %+v", g)
	}

	checkGraphML(t, files[GraphMLPath], len(d.Actors))

	var nw networkJSON
	if err := json.Unmarshal(files[NetworkJSONPath], &nw); err != nil {
		t.Fatal(err)
	}
	ids := map[string]bool{}
	for _, n := range nw.Nodes {
		ids[n.ID] = true
	}
	if len(nw.Nodes) != len(d.Actors) {
		t.Errorf("%d nodes, want %d", len(nw.Nodes), len(d.Actors))
	}
	for _, l := range nw.Links {
		if !ids[l.Source] || !ids[l.Target] || l.Weight < 1 {
			t.Errorf("link %+v", l)
		}
	}

	actors := readCSV(t, files[ActorsCSVPath])
	if len(actors) != len(d.Actors)+1 || actors[0][0] != "id" {
		t.Fatalf("actors.csv: %d rows", len(actors))
	}
	events := readCSV(t, files[EventsCSVPath])
	if len(events) != 4 || events[1][1] != "2023-07/2023-09" || events[1][3] != "2023-07-01" || events[1][4] != "2023-09-30" || events[1][5] != `Gespräche "über" Waffen, <b>` {
		t.Errorf("events.csv: %q", events)
	}
}

func readCSV(t *testing.T, data []byte) [][]string {
	t.Helper()
	if !bytes.HasSuffix(data, []byte("\r\n")) {
		t.Errorf("CSV rows must end in CRLF (RFC 4180)")
	}
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// checkGraphML parses GraphML and checks what its schema and Gephi require: every data
// key declared for its element, unique node ids, edges between nodes; and, where xmllint
// is installed (always in CI), that the file is well-formed XML to it too.
func checkGraphML(t *testing.T, data []byte, nodes int) {
	t.Helper()
	var g gmlDoc
	if err := xml.Unmarshal(data, &g); err != nil {
		t.Fatal(err)
	}
	if g.XMLName.Space != "http://graphml.graphdrawing.org/xmlns" || g.Graph.EdgeDefault != "undirected" {
		t.Errorf("graphml namespace %q, edgedefault %q", g.XMLName.Space, g.Graph.EdgeDefault)
	}
	keys := map[string]string{}
	for _, k := range g.Keys {
		keys[k.ID] = k.For
	}
	ids := map[string]bool{}
	for _, n := range g.Graph.Nodes {
		if ids[n.ID] {
			t.Errorf("node %q twice", n.ID)
		}
		ids[n.ID] = true
		for _, d := range n.Data {
			if keys[d.Key] != "node" {
				t.Errorf("node %s: key %q not declared for nodes", n.ID, d.Key)
			}
		}
	}
	if len(ids) != nodes {
		t.Errorf("%d nodes, want %d", len(ids), nodes)
	}
	for _, e := range g.Graph.Edges {
		if !ids[e.Source] || !ids[e.Target] {
			t.Errorf("edge %s between unknown nodes", e.ID)
		}
		if len(e.Data) != 1 || keys[e.Data[0].Key] != "edge" {
			t.Errorf("edge %s data %v", e.ID, e.Data)
		}
	}
	xmllint, err := exec.LookPath("xmllint")
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("xmllint is needed in CI (libxml2-utils)")
		}
		t.Log("xmllint not installed; GraphML checked by Go only")
		return
	}
	f := filepath.Join(t.TempDir(), "network.graphml")
	os.WriteFile(f, data, 0o644)
	if out, err := exec.Command(xmllint, "--noout", "--nonet", f).CombinedOutput(); err != nil {
		t.Errorf("xmllint: %v\n%s", err, out)
	}
}

// TestShippedDossier exports the repository's own dossier and checks every annotation's
// selectors against the seed files as they are on disk.
func TestShippedDossier(t *testing.T) {
	root := testdossier.Root()
	fsys := os.DirFS(root)
	c, errs := content.Load(fsys, content.Config{})
	d, more := dossier.Resolve(c, fsys, dossier.Config{})
	if errs.Append(more); errs.Err() != nil {
		t.Fatal(errs.Err())
	}
	files := mustFiles(t, d, Config{Words: testWords()})
	checkAnnotations(t, d, files[AnnotationsPath], func(a *dossier.Article) string {
		b, err := os.ReadFile(filepath.Join(root, "seeds", a.Seed.Name))
		if err != nil {
			t.Fatal(err)
		}
		s := strings.TrimPrefix(strings.ReplaceAll(string(b), "\r\n", "\n"), "\uFEFF")
		return s
	})
	for _, a := range d.Articles {
		for _, ext := range []string{"bib", "ris", "json"} {
			if len(files[CitePath(a.ID, ext)]) == 0 {
				t.Errorf("no %s", CitePath(a.ID, ext))
			}
		}
		if _, err := ArticleLD(d, Config{Words: testWords()}, a); err != nil {
			t.Error(err)
		}
	}
	checkGraphML(t, files[GraphMLPath], len(d.Actors))
	again := mustFiles(t, d, Config{Words: testWords()})
	for p, b := range files {
		if !bytes.Equal(b, again[p]) {
			t.Errorf("%s differs between two exports", p)
		}
	}
}

// TestAnnotationsChunked holds the annotations, written item by item on all cores, to
// the bytes of marshal of the whole collection, the plain way: for the test dossier, the
// shipped one and a dossier of more notes than a chunk holds.
func TestAnnotationsChunked(t *testing.T) {
	plain := func(x exporter) []byte {
		c := x.annoCollection()
		offsets := map[*dossier.Article][]int{}
		for _, n := range x.d.Notes {
			if n.Anchor == nil {
				continue
			}
			a := n.Anchor.Article
			if offsets[a] == nil {
				offsets[a] = lineOffsets(a)
			}
			an, err := x.annotation(n, offsets[a])
			if err != nil {
				t.Fatal(err)
			}
			c.First.Items = append(c.First.Items, an)
		}
		c.Total = len(c.First.Items)
		b, err := marshal(c)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	shipped, errs := content.Load(os.DirFS(testdossier.Root()), content.Config{})
	ds, more := dossier.Resolve(shipped, os.DirFS(testdossier.Root()), dossier.Config{})
	if errs.Append(more); errs.Err() != nil {
		t.Fatal(errs.Err())
	}
	many := testFS()
	for i := range 1200 { // more than two chunks
		many[fmt.Sprintf("content/notes/n%04d.md", i)] = &fstest.MapFile{Data: []byte(fmt.Sprintf(
			"---\narticle: gipfel\nquote: \"Kim Jong-un\"\nprefix: \"Machthaber \"\n---\nNotiz %d <&> \"\u2028\".\n", i))}
	}
	html := func(doc *markdown.Doc) (string, error) { return "<p>" + string(doc.Source()) + "</p>", nil }
	for name, x := range map[string]exporter{
		"test":       {d: mustDossier(t, testFS()), cfg: Config{Words: testWords(), BodyHTML: html}},
		"base URL":   {d: mustDossier(t, testFS()), cfg: Config{Words: testWords(), BaseURL: "https://example.org/d/"}},
		"shipped":    {d: ds, cfg: Config{Words: testWords()}},
		"many notes": {d: mustDossier(t, many), cfg: Config{Words: testWords(), BodyHTML: html}},
		"no notes":   {d: mustDossier(t, fstest.MapFS{"content/dossier.md": {Data: []byte("---\ntitle: Leer\n---\n")}}), cfg: Config{Words: testWords()}},
	} {
		got, err := x.annotations()
		if err != nil {
			t.Fatal(err)
		}
		if want := plain(x); !bytes.Equal(got, want) {
			t.Errorf("%s: chunked annotations differ from marshal of the whole collection:\n%.600s\nwant\n%.600s", name, got, want)
		}
	}
}
