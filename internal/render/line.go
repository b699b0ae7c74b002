package render

import (
	"bytes"
	"html"
	"slices"
	"strings"

	"dossier/internal/dossier"
)

// writeLineHTML writes the text of a seed line with its mentions linked and its anchored
// passages highlighted. It is safe markup: every piece of text is escaped here. Passages
// may overlap each other and mentions; the output nests properly: a <mark> holds links,
// never the reverse, and an element split by another's boundary is closed and reopened.
func (r *Renderer) writeLineHTML(b *bytes.Buffer, l *dossier.Line, root string) {
	text, mentions, anchors := l.Text, l.Mentions(), l.Anchors()
	if len(mentions) == 0 && len(anchors) == 0 { // most lines
		escaper.WriteString(b, text)
		return
	}
	var buf [16]int
	cuts := append(buf[:0], 0, len(text))
	for _, m := range mentions {
		cuts = append(cuts, m.Start, m.End)
	}
	for _, a := range anchors {
		cuts = append(cuts, a.Start, a.End)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	var open []*dossier.Anchor // anchors of the open <mark>
	var link *dossier.Mention
	var started []*dossier.Anchor // whose id has been written
	closeLink := func() {
		if link != nil {
			b.WriteString("</a>")
			link = nil
		}
	}
	closeMark := func() {
		closeLink()
		if open != nil {
			b.WriteString("</mark>")
			open = nil
		}
	}
	for i := 0; i+1 < len(cuts); i++ {
		s, e := cuts[i], cuts[i+1]
		var active []*dossier.Anchor
		for _, a := range anchors {
			if a.Start <= s && e <= a.End && a.Start < a.End {
				active = append(active, a)
			}
		}
		var m *dossier.Mention
		for j := range mentions {
			if mentions[j].Start <= s && e <= mentions[j].End {
				m = &mentions[j]
			}
		}
		if !slices.Equal(active, open) {
			closeMark()
			if len(active) > 0 {
				open = active
				b.WriteString(`<mark class="` + markClass(active) + `"`)
				var ids []string
				for _, a := range active {
					if !slices.Contains(started, a) {
						started = append(started, a)
						ids = append(ids, a.ID())
					}
				}
				if len(ids) > 0 {
					b.WriteString(` id="` + ids[0] + `"`)
				}
				b.WriteString(">")
				for _, id := range ids[min(1, len(ids)):] {
					b.WriteString(`<span id="` + id + `"></span>`)
				}
			}
		}
		if m != link {
			closeLink()
			if m != nil {
				link = m
				b.WriteString(`<a class="mention" href="` + root + actorPath(m.Actor.ID) + `">`)
			}
		}
		escaper.WriteString(b, text[s:e])
		// Anchors ending here get their reference marks right after the passage.
		var ending []*dossier.Anchor
		for _, a := range anchors {
			if a.End == e {
				ending = append(ending, a)
			}
		}
		if len(ending) > 0 {
			closeMark()
			for _, a := range ending {
				b.WriteString(r.refHTML(a, root))
			}
		}
	}
	closeMark()
}

// escaper escapes text as html.EscapeString does, writing it where it goes.
var escaper = strings.NewReplacer(`&`, "&amp;", `'`, "&#39;", `<`, "&lt;", `>`, "&gt;", `"`, "&#34;")

func markClass(active []*dossier.Anchor) string {
	for _, a := range active {
		if a.Note != nil {
			return "note-mark"
		}
	}
	return "cite-mark"
}

// refHTML is the small link from a passage to its note or event.
func (r *Renderer) refHTML(a *dossier.Anchor, root string) string {
	if a.Note != nil {
		return `<sup class="ref"><a href="#note-` + a.Note.ID + `" aria-describedby="note-` + a.Note.ID + `">` + itoa(a.Note.Number) + `</a></sup>`
	}
	return `<sup class="ref"><a class="event-ref" href="` + root + r.eventPath(a.Event.ID) + `" title="` + html.EscapeString(a.Event.Title) + `">◆<span class="visually-hidden"> ` + html.EscapeString(a.Event.Title) + `</span></a></sup>`
}
