package export

import (
	"bytes"
	"encoding/csv"
	"encoding/xml"
	"strconv"
	"strings"
	"time"

	"dossier/internal/date"
	"dossier/internal/dossier"
)

// timelineJS is the JSON TimelineJS 3 reads (timeline.knightlab.com/docs/json-format):
// a title slide and one slide per event, its date at its precision.
type timelineJS struct {
	Title  tjsSlide   `json:"title"`
	Events []tjsSlide `json:"events"`
}

type tjsSlide struct {
	UniqueID  string    `json:"unique_id,omitempty"`
	StartDate *tjsDate  `json:"start_date,omitempty"`
	EndDate   *tjsDate  `json:"end_date,omitempty"`
	Text      tjsText   `json:"text"`
	Media     *tjsMedia `json:"media,omitempty"`
	Group     string    `json:"group,omitempty"`
	// EDTF is the date as the editor wrote it, in EDTF: TimelineJS shows display_date and
	// ignores what it does not know.
	EDTF string `json:"edtf,omitempty"`
}

type tjsDate struct {
	Year        string `json:"year"`
	Month       string `json:"month,omitempty"`
	Day         string `json:"day,omitempty"`
	DisplayDate string `json:"display_date,omitempty"`
}

type tjsText struct {
	Headline string `json:"headline"`
	Text     string `json:"text,omitempty"`
}

type tjsMedia struct {
	URL     string `json:"url"`
	Caption string `json:"caption,omitempty"`
	Credit  string `json:"credit,omitempty"`
	Link    string `json:"link,omitempty"`
}

func tjsPoint(parts []int) *tjsDate {
	d := &tjsDate{Year: strconv.Itoa(parts[0])}
	if len(parts) > 1 {
		d.Month = strconv.Itoa(parts[1])
	}
	if len(parts) > 2 {
		d.Day = strconv.Itoa(parts[2])
	}
	return d
}

// firstDay returns the first day of the year, month or day parts.
func firstDay(parts []int) time.Time {
	p := append(append([]int{}, parts...), 1, 1)
	return time.Date(p[0], time.Month(max(p[1], 1)), max(p[2], 1), 0, 0, 0, 0, time.UTC)
}

func (x exporter) timelineJS() ([]byte, error) {
	t := timelineJS{Title: tjsSlide{Text: tjsText{Headline: x.d.Site.Title, Text: x.d.Site.Subtitle}}, Events: []tjsSlide{}}
	for _, e := range x.d.Events {
		from, to, _, _ := e.Date.Parts()
		if from == nil {
			continue
		}
		s := tjsSlide{UniqueID: e.ID, StartDate: tjsPoint(from), Text: tjsText{Headline: e.Title}, EDTF: e.Date.EDTF()}
		// A date before or after a period has no parts of its own beyond the period's:
		// the slide stands where the timeline sorts it, and says what it means.
		if st := e.Date.Start(); !st.Equal(firstDay(from)) { // after a period: the day after it
			s.StartDate = tjsPoint([]int{st.Year(), int(st.Month()), st.Day()})
		}
		s.StartDate.DisplayDate = x.cfg.Words.Date(e.Date)
		if to != nil {
			s.EndDate = tjsPoint(to)
		}
		if x.cfg.BodyHTML != nil {
			h, err := x.cfg.BodyHTML(e.Body)
			if err != nil {
				return nil, err
			}
			s.Text.Text = h
		}
		if len(e.Topics) > 0 {
			s.Group = e.Topics[0].Title
		}
		if len(e.Sources) > 0 {
			src := e.Sources[0]
			l := src.Article.Lines[src.Line-1].Text
			u := x.url(articlePage(src.Article.ID), EventsJSONPath) + "#L" + strconv.Itoa(src.Line)
			s.Media = &tjsMedia{URL: u, Link: u, Caption: l[src.Start:src.End], Credit: src.Article.Publisher}
		}
		t.Events = append(t.Events, s)
	}
	return marshal(t)
}

// The network in GraphML (graphml.graphdrawing.org): actors as nodes with their label,
// kind and count of mentions, co-mentions in a paragraph as undirected edges weighted by
// their count, the key Gephi reads as an edge's weight.

type gmlDoc struct {
	XMLName        xml.Name `xml:"graphml"`
	NS             string   `xml:"xmlns,attr"`
	XSI            string   `xml:"xmlns:xsi,attr"`
	SchemaLocation string   `xml:"xsi:schemaLocation,attr"`
	Keys           []gmlKey `xml:"key"`
	Graph          gmlGraph `xml:"graph"`
}

type gmlKey struct {
	ID   string `xml:"id,attr"`
	For  string `xml:"for,attr"`
	Name string `xml:"attr.name,attr"`
	Type string `xml:"attr.type,attr"`
}

type gmlGraph struct {
	ID          string    `xml:"id,attr"`
	EdgeDefault string    `xml:"edgedefault,attr"`
	Nodes       []gmlNode `xml:"node"`
	Edges       []gmlEdge `xml:"edge"`
}

type gmlNode struct {
	ID   string    `xml:"id,attr"`
	Data []gmlData `xml:"data"`
}

type gmlEdge struct {
	ID     string    `xml:"id,attr"`
	Source string    `xml:"source,attr"`
	Target string    `xml:"target,attr"`
	Data   []gmlData `xml:"data"`
}

type gmlData struct {
	Key   string `xml:"key,attr"`
	Value string `xml:",chardata"`
}

// edge is a co-mention of two actors, each pair once.
type edge struct {
	from, to *dossier.Actor
	weight   int
}

func (x exporter) edges() []edge {
	var es []edge
	for _, a := range x.d.Actors {
		for _, c := range a.Related {
			if a.ID < c.ID {
				es = append(es, edge{a, c.Actor, c.Count})
			}
		}
	}
	return es
}

func (x exporter) graphML() ([]byte, error) {
	g := gmlDoc{
		NS: "http://graphml.graphdrawing.org/xmlns", XSI: "http://www.w3.org/2001/XMLSchema-instance",
		SchemaLocation: "http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd",
		Keys: []gmlKey{
			{"label", "node", "label", "string"}, {"kind", "node", "kind", "string"},
			{"mentions", "node", "mentions", "int"}, {"url", "node", "url", "string"},
			{"weight", "edge", "weight", "double"},
		},
		Graph: gmlGraph{ID: "co-mentions", EdgeDefault: "undirected"},
	}
	for _, a := range x.d.Actors {
		g.Graph.Nodes = append(g.Graph.Nodes, gmlNode{ID: a.ID, Data: []gmlData{
			{"label", a.Name}, {"kind", a.Kind}, {"mentions", strconv.Itoa(len(a.Mentions))},
			{"url", x.url(actorPage(a.ID), GraphMLPath)},
		}})
	}
	for i, e := range x.edges() {
		g.Graph.Edges = append(g.Graph.Edges, gmlEdge{ID: "e" + strconv.Itoa(i), Source: e.from.ID, Target: e.to.ID,
			Data: []gmlData{{"weight", strconv.Itoa(e.weight)}}})
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(g); err != nil {
		return nil, err
	}
	b.WriteString("\n")
	return b.Bytes(), nil
}

// networkJSON is the network as d3-force reads it: nodes with ids, links by node id.
type networkJSON struct {
	Nodes []nwNode `json:"nodes"`
	Links []nwLink `json:"links"`
}

type nwNode struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	Kind     string `json:"kind"`
	Mentions int    `json:"mentions"`
	URL      string `json:"url"`
}

type nwLink struct {
	Source string `json:"source"`
	Target string `json:"target"`
	Weight int    `json:"weight"`
}

func (x exporter) networkJSON() ([]byte, error) {
	n := networkJSON{Nodes: []nwNode{}, Links: []nwLink{}}
	for _, a := range x.d.Actors {
		n.Nodes = append(n.Nodes, nwNode{a.ID, a.Name, a.Kind, len(a.Mentions), x.url(actorPage(a.ID), NetworkJSONPath)})
	}
	for _, e := range x.edges() {
		n.Links = append(n.Links, nwLink{e.from.ID, e.to.ID, e.weight})
	}
	return marshal(n)
}

// writeCSV writes rows as RFC 4180 CSV: CRLF line ends, fields quoted where they must be.
func writeCSV(rows [][]string) []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.WriteAll(rows) // into memory: no error
	return b.Bytes()
}

func (x exporter) actorsCSV() []byte {
	rows := [][]string{{"id", "name", "kind", "aliases", "role", "mentions", "articles", "wikidata", "links", "url"}}
	for _, a := range x.d.Actors {
		var aliases, links, arts []string
		for _, al := range a.Aliases {
			aliases = append(aliases, al.ID)
		}
		for _, l := range a.Links {
			links = append(links, l.ID)
		}
		for _, art := range a.Articles {
			arts = append(arts, art.ID)
		}
		rows = append(rows, []string{a.ID, a.Name, a.Kind, strings.Join(aliases, "; "), a.Role,
			strconv.Itoa(len(a.Mentions)), strings.Join(arts, "; "), a.Wikidata, strings.Join(links, " "),
			x.url(actorPage(a.ID), ActorsCSVPath)})
	}
	return writeCSV(rows)
}

func (x exporter) eventsCSV() []byte {
	rows := [][]string{{"id", "date", "date_text", "earliest", "latest", "title", "actors", "topics", "sources", "url"}}
	iso := func(d date.Date, end bool) string {
		if end {
			return d.End().Format("2006-01-02")
		}
		return d.Start().Format("2006-01-02")
	}
	for _, e := range x.d.Events {
		var actors, topics, sources []string
		for _, a := range e.Actors {
			actors = append(actors, a.ID)
		}
		for _, t := range e.Topics {
			topics = append(topics, t.ID)
		}
		for _, s := range e.Sources {
			sources = append(sources, s.Article.ID+"#L"+strconv.Itoa(s.Line))
		}
		rows = append(rows, []string{e.ID, e.Date.EDTF(), x.cfg.Words.Date(e.Date), iso(e.Date, false), iso(e.Date, true),
			e.Title, strings.Join(actors, "; "), strings.Join(topics, "; "), strings.Join(sources, "; "),
			x.url(timelinePagePath, EventsCSVPath) + "#e-" + e.ID})
	}
	return writeCSV(rows)
}
