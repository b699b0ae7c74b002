package locale

// Dates are the words dates are written with at each precision (package date writes
// them): "19. Juni 2024", "um 1982", "1982, 1983 oder 1984", "vor Juli 2023".
type Dates struct {
	Months [12]string
	DayDot string // after the day of the month: "19. Juni" in German
	Or     string // before the last of a list of years: "1982, 1983 oder 1984"

	Circa, Before, After, Between, And Phrase
	Probably                           string // before an uncertain date: "vermutlich"
}

// A Phrase is a word written before a date. German declines it before a day ("vor Juli
// 2023", "vor dem 19. Juni 2024"), so it has a second form for days.
type Phrase struct{ Period, Day string }
