package chart

import "fmt"

// words are what the charts write in the page's language.
type words struct {
	timeline, network   string // default titles
	monthsShort, months [12]string
	enlarged            string // caption of the zoom panel, after its span
	events              func(n int) string
	mentions            func(n int) string
	paragraphs          func(n int) string
	timelineDesc        func(from, to, events string) string // the overview
	zoomDesc            func(from, to, events string) string // appended for the zoom panel
	miniDesc            func(from, to, events string) string
	networkDesc         func(nodes, edges int, top string) string
	more                func(n int) string // nodes left out by MaxNodes

	colActor, colMentions, colWith string // the network table's column heads
}

// wordsFor returns the words of lang: English for "en", German otherwise.
func wordsFor(lang string) *words {
	if lang == "en" {
		return english
	}
	return german
}

func plural(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return fmt.Sprintf("%d %s", n, many)
}

var german = &words{
	timeline:    "Zeitleiste",
	network:     "Netz der Akteure",
	monthsShort: [12]string{"Jan.", "Feb.", "März", "Apr.", "Mai", "Juni", "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez."},
	months: [12]string{"Januar", "Februar", "März", "April", "Mai", "Juni",
		"Juli", "August", "September", "Oktober", "November", "Dezember"},
	enlarged:   "vergrößert",
	events:     func(n int) string { return plural(n, "Ereignis", "Ereignissen") }, // dative: "mit 49 Ereignissen"
	mentions:   func(n int) string { return plural(n, "Erwähnung", "Erwähnungen") },
	paragraphs: func(n int) string { return "in " + plural(n, "Absatz", "Absätzen") + " gemeinsam genannt" },
	timelineDesc: func(from, to, events string) string {
		return fmt.Sprintf("Zeitleiste von %s bis %s mit %s.", from, to, events)
	},
	zoomDesc: func(from, to, events string) string {
		return fmt.Sprintf(" Darunter vergrößert: %s bis %s mit %s.", from, to, events)
	},
	miniDesc: func(from, to, events string) string {
		return fmt.Sprintf("Kleine Zeitleiste von %s bis %s mit %s.", from, to, events)
	},
	networkDesc: func(nodes, edges int, top string) string {
		s := fmt.Sprintf("Netz aus %s und %s, die im selben Absatz genannt werden.",
			plural(nodes, "Akteur", "Akteuren"), plural(edges, "Verbindung", "Verbindungen"))
		if top != "" {
			s += " Am häufigsten erwähnt: " + top + "."
		}
		return s
	},
	more:        func(n int) string { return fmt.Sprintf("%d weitere nicht gezeigt", n) },
	colActor:    "Akteur",
	colMentions: "Erwähnungen",
	colWith:     "Am häufigsten genannt mit (Absätze)",
}

var english = &words{
	timeline:    "Timeline",
	network:     "Network of actors",
	monthsShort: [12]string{"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"},
	months: [12]string{"January", "February", "March", "April", "May", "June",
		"July", "August", "September", "October", "November", "December"},
	enlarged:   "enlarged",
	events:     func(n int) string { return plural(n, "event", "events") },
	mentions:   func(n int) string { return plural(n, "mention", "mentions") },
	paragraphs: func(n int) string { return "named together in " + plural(n, "paragraph", "paragraphs") },
	timelineDesc: func(from, to, events string) string {
		return fmt.Sprintf("Timeline from %s to %s with %s.", from, to, events)
	},
	zoomDesc: func(from, to, events string) string {
		return fmt.Sprintf(" Enlarged below: %s to %s with %s.", from, to, events)
	},
	miniDesc: func(from, to, events string) string {
		return fmt.Sprintf("Small timeline from %s to %s with %s.", from, to, events)
	},
	networkDesc: func(nodes, edges int, top string) string {
		s := fmt.Sprintf("Network of %s and %s between those named in the same paragraph.",
			plural(nodes, "actor", "actors"), plural(edges, "link", "links"))
		if top != "" {
			s += " Most mentioned: " + top + "."
		}
		return s
	},
	more:        func(n int) string { return fmt.Sprintf("%d more not shown", n) },
	colActor:    "Actor",
	colMentions: "Mentions",
	colWith:     "Most often named with (paragraphs)",
}
