package export

import "dossier/internal/dossier"

// The schema.org JSON-LD of the pages: an article's page is a WebPage based on the source
// article (a NewsArticle), with a ClaimReview for each fact-check note that gives a
// rating; an actor's page is about a Person, Organization, Country or
// NewsMediaOrganization with sameAs to its Wikidata item and pages.

const schemaContext = "https://schema.org"

type ldThing = map[string]any

// ArticleLD returns the JSON-LD of a's page, to be put into the page in a
// <script type="application/ld+json">: it is indented, and <, > and & are escaped, so no
// text of the dossier can end the script (and no "}}" looks like a template's action).
func ArticleLD(d *dossier.Dossier, cfg Config, a *dossier.Article) ([]byte, error) {
	x := exporter{d: d, cfg: cfg}
	page := articlePage(a.ID)
	pageURL := x.url(page, page)
	source := ldThing{
		"@type":    "NewsArticle",
		"@id":      pageURL + "#source",
		"headline": a.Title,
	}
	if a.URL != "" {
		source["url"] = a.URL
	}
	if !a.Published.IsZero() {
		source["datePublished"] = a.Published.ISO()
	}
	if a.Publisher != "" {
		source["publisher"] = ldThing{"@type": "Organization", "name": a.Publisher}
	}
	var authors []ldThing
	for _, au := range splitAuthors(a.Author) {
		authors = append(authors, ldThing{"@type": "Person", "name": au})
	}
	if authors != nil {
		source["author"] = authors
	}
	if a.Language != "" {
		source["inLanguage"] = a.Language
	}
	webPage := ldThing{
		"@type":      "WebPage",
		"@id":        pageURL,
		"url":        pageURL,
		"name":       a.Title,
		"inLanguage": cfg.Words.Lang,
		"isPartOf":   x.website(page),
		"isBasedOn":  ldThing{"@id": pageURL + "#source"},
		"citation":   ldThing{"@id": pageURL + "#source"},
	}
	var about []ldThing
	for _, c := range a.Actors {
		about = append(about, ldThing{"@type": actorType(c.Kind), "name": c.Name, "url": x.url(actorPage(c.ID), page)})
	}
	if about != nil {
		webPage["about"] = about
	}
	graph := []ldThing{webPage, source}
	for _, n := range a.Notes {
		if cr := x.claimReview(n, pageURL); cr != nil {
			graph = append(graph, cr)
		}
	}
	return marshal(ldThing{"@context": schemaContext, "@graph": graph})
}

// website is the dossier as a schema.org WebSite, from a page at from.
func (x exporter) website(from string) ldThing {
	return ldThing{"@type": "WebSite", "name": x.d.Site.Title, "url": x.url("index.html", from)}
}

// claimReview returns n as a ClaimReview if it is a fact-check with a rating, as Google's
// rules for fact-checks want it: claimReviewed, reviewRating with alternateName (the
// rating in words), url, author; the claim appears in the source article.
func (x exporter) claimReview(n *dossier.Note, pageURL string) ldThing {
	if n.Kind != "factcheck" || n.Rating == "" || n.Anchor == nil {
		return nil
	}
	a := n.Anchor.Article
	l := a.Lines[n.Anchor.Line-1]
	claim := ldThing{"@type": "Claim", "appearance": ldThing{"@id": pageURL + "#source"}}
	if !a.Published.IsZero() {
		claim["datePublished"] = a.Published.ISO()
	}
	return ldThing{
		"@type":         "ClaimReview",
		"url":           pageURL + "#note-" + n.ID,
		"claimReviewed": l.Text[n.Anchor.Start:n.Anchor.End],
		"reviewRating":  ldThing{"@type": "Rating", "alternateName": n.Rating},
		"author":        ldThing{"@type": "Organization", "name": x.d.Site.Title, "url": x.url("index.html", articlePage(a.ID))},
		"itemReviewed":  claim,
		"inLanguage":    x.cfg.Words.Lang,
	}
}

// actorType is the schema.org type of an actor of kind.
func actorType(kind string) string {
	switch kind {
	case "person":
		return "Person"
	case "state":
		return "Country"
	case "media":
		return "NewsMediaOrganization"
	}
	return "Organization"
}

// ActorLD returns the JSON-LD of a's page.
func ActorLD(d *dossier.Dossier, cfg Config, a *dossier.Actor) ([]byte, error) {
	x := exporter{d: d, cfg: cfg}
	page := actorPage(a.ID)
	thing := ldThing{
		"@context":         schemaContext,
		"@type":            actorType(a.Kind),
		"@id":              x.url(page, page) + "#actor",
		"name":             a.Name,
		"mainEntityOfPage": ldThing{"@type": "ProfilePage", "url": x.url(page, page), "isPartOf": x.website(page)},
	}
	if a.Role != "" {
		thing["description"] = a.Role
	}
	var aliases []string
	for _, al := range a.Aliases {
		aliases = append(aliases, al.ID)
	}
	if aliases != nil {
		thing["alternateName"] = aliases
	}
	if s := sameAs(a); s != nil {
		thing["sameAs"] = s
	}
	return marshal(thing)
}

// sameAs are the addresses of other descriptions of a: its Wikidata item, then its links.
func sameAs(a *dossier.Actor) []string {
	var s []string
	if a.Wikidata != "" {
		s = append(s, "https://www.wikidata.org/wiki/"+a.Wikidata)
	}
	for _, l := range a.Links {
		s = append(s, l.ID)
	}
	return s
}
