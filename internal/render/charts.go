package render

import (
	"fmt"
	"html/template"
	"slices"
	"time"

	"dossier/internal/chart"
	"dossier/internal/dossier"
)

const networkPath = "network/index.html"

// The timeline picture enlarges the two years the articles cover.
var (
	zoomFrom = time.Date(2023, 1, 1, 0, 0, 0, 0, time.UTC)
	zoomTo   = time.Date(2024, 12, 31, 0, 0, 0, 0, time.UTC)
)

// topicColours gives the seven topics with the most events a colour each; the others
// share the eighth. It returns the colours and the legend that names them.
func topicColours(topics []*dossier.Topic, l *Labels) (map[*dossier.Topic]int, []string) {
	colour := map[*dossier.Topic]int{}
	ranked := rankTopics(topics)
	var legend []string
	for i, t := range ranked {
		if i < 7 {
			colour[t] = i
			legend = append(legend, t.Title)
		} else {
			colour[t] = 7
		}
	}
	if len(ranked) > 7 {
		legend = append(legend, l.OtherTopics)
	}
	return colour, legend
}

// rankTopics orders topics by their number of events, most first; ties keep their order.
func rankTopics(ts []*dossier.Topic) []*dossier.Topic {
	out := slices.Clone(ts)
	slices.SortStableFunc(out, func(a, b *dossier.Topic) int { return len(b.Events) - len(a.Events) })
	return out
}

func (r *Renderer) chartEvents(events []*dossier.Event, root string) []chart.Event {
	out := make([]chart.Event, 0, len(events))
	for _, e := range events {
		c := -1
		if len(e.Topics) > 0 {
			c = r.topicColour[e.Topics[0]]
		}
		out = append(out, chart.Event{
			ID: e.ID, Title: e.Title, URL: root + r.eventPath(e.ID),
			Start: e.Date.Start(), End: e.Date.End(), Label: r.dateText(e), Topic: c,
		})
	}
	return out
}

// timelineChart draws the timeline twice: for wide screens and, with larger type
// relative to its width, for phones; the stylesheet shows one of them.
func (r *Renderer) timelineChart(root string) template.HTML {
	events := r.chartEvents(r.d.Events, root)
	cfg := chart.TimelineConfig{Title: r.l.TimelinePicture, ZoomFrom: zoomFrom, ZoomTo: zoomTo, Legend: r.topicLegend, Locale: r.loc}
	wide, narrow := cfg, cfg
	wide.ID, wide.Width = "tl", 720
	narrow.ID, narrow.Width = "tl-n", 360
	return both(chart.Timeline(events, wide), chart.Timeline(events, narrow))
}

// both wraps a picture drawn for wide screens and one drawn for phones.
func both(wide, narrow template.HTML) template.HTML {
	return `<div class="wide">` + wide + `</div><div class="narrow">` + narrow + `</div>`
}

func (r *Renderer) miniTimeline(events []*dossier.Event, root string) template.HTML {
	if len(events) == 0 {
		return ""
	}
	if len(events) > r.lim.miniEvents {
		return r.densityChart(events, "mt", 600, root)
	}
	return chart.MiniTimeline(r.chartEvents(events, root), chart.TimelineConfig{
		ID: "mt", Title: r.l.TimelinePicture, ZoomFrom: zoomFrom, ZoomTo: zoomTo, Locale: r.loc,
	})
}

var actorGroups = map[string]int{"person": 0, "state": 1, "organisation": 2, "media": 3}

// network returns the actors and their co-mentions as the chart draws them.
func (r *Renderer) network(root string) ([]chart.Node, []chart.Edge, chart.NetworkConfig) {
	var nodes []chart.Node
	var edges []chart.Edge
	for _, a := range r.d.Actors {
		if len(a.Mentions) == 0 {
			continue
		}
		nodes = append(nodes, chart.Node{ID: a.ID, Label: a.Name, URL: root + actorPath(a.ID), Weight: len(a.Mentions), Group: actorGroups[a.Kind]})
		for _, c := range a.Related {
			if a.ID < c.ID { // each pair once
				edges = append(edges, chart.Edge{From: a.ID, To: c.ID, Weight: c.Count})
			}
		}
	}
	cfg := chart.NetworkConfig{ID: "nw", Title: r.l.NetworkPicture, Width: 760, Height: 600, Locale: r.loc,
		Legend: []string{r.l.ActorKinds["person"], r.l.ActorKinds["state"], r.l.ActorKinds["organisation"], r.l.ActorKinds["media"]}}
	return nodes, edges, cfg
}

// The network pictures show at most this many actors, the most often named: more circles
// than these do not stay apart in 760 by 600 or 360 by 420 px, and the force layout costs
// the square of their number (a dossier of a thousand actors spent 0.7 s of CPU on a
// picture no one could read). The table below them lists every actor.
const (
	wideNetworkNodes   = 100
	narrowNetworkNodes = 30
)

func (r *Renderer) networkPage(p Page) (any, error) {
	p.Title = r.l.Network
	nodes, edges, cfg := r.network(p.Root)
	wide, narrow := cfg, cfg
	wide.MaxNodes = wideNetworkNodes
	narrow.ID, narrow.Width, narrow.Height, narrow.MaxNodes = "nw-n", 360, 420, narrowNetworkNodes
	picture := both(chart.Network(nodes, edges, wide)+r.networkShown(len(nodes), wide.MaxNodes),
		chart.Network(nodes, edges, narrow)+r.networkShown(len(nodes), narrow.MaxNodes))
	v := NetworkPage{Page: p, Picture: picture}
	if rows := chart.NetworkRows(nodes, edges, cfg); len(rows) > r.lim.networkPaged {
		v.Table = chart.RowsTable(rows[:r.lim.networkPerPage], cfg)
		v.Pager = r.pager(p.Root, 1, pageCount(len(rows), r.lim.networkPerPage), networkPage, r.pw.Prev, r.pw.Next)
	} else {
		v.Table = chart.RowsTable(rows, cfg)
	}
	return v, nil
}

// networkShown says that a picture of at most shown actors leaves some of all out.
func (r *Renderer) networkShown(all, shown int) template.HTML {
	if all <= shown {
		return ""
	}
	return template.HTML(`<p class="chart-note">` + template.HTMLEscapeString(fmt.Sprintf(r.l.NetworkShown, shown, all)) + `</p>`)
}
