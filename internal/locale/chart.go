package locale

// Chart are the words of the pictures drawn at build time (package chart): titles,
// the descriptions screen readers read, the network's table. Months are the Dates'.
type Chart struct {
	Timeline, Network string // default titles
	MonthsShort       [12]string
	Enlarged          string // caption of the zoom panel, after its span
	Events            Plural // "mit 49 Ereignissen": the form after "with"
	Mentions          Plural
	Actors, Links     Plural                               // in NetworkDesc
	TimelineDesc      func(from, to, events string) string // the overview
	ZoomDesc          func(from, to, events string) string // appended for the zoom panel
	MiniDesc          func(from, to, events string) string
	NetworkDesc       func(actors, links, top string) string // top may be empty
	More              Plural                                 // nodes left out

	ColActor, ColMentions, ColWith string // the network table's column heads
}
