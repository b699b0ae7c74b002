package content

import "bytes"

// splitFrontMatter cuts data into its front matter, between a `---` line and the next, and
// the body after it, as adrg/frontmatter.Parse does with a `---` format: blank lines may
// precede the opening line, every line is compared with the white space around it
// trimmed, and an opening line that ends the file without a line break opens nothing.
// Without closed front matter, ok is false and body is data. Doing it here spares a
// reader and a copy of every file; TestSplitFrontMatter compares the two.
func splitFrontMatter(data []byte) (fm, body []byte, ok bool) {
	rest := data
	for {
		line, next, last := cutLine(rest)
		if last {
			return nil, data, false
		}
		rest = next
		if t := bytes.TrimSpace(line); len(t) > 0 {
			if string(t) != "---" {
				return nil, data, false
			}
			break
		}
	}
	start := len(data) - len(rest)
	for {
		end := len(data) - len(rest)
		line, next, last := cutLine(rest)
		rest = next
		if string(bytes.TrimSpace(line)) == "---" {
			return data[start:end], rest, true
		}
		if last {
			return nil, data, false
		}
	}
}

// cutLine returns the first line of b with its line break, and what follows. last reports
// that the line has no line break: it is all that is left of b.
func cutLine(b []byte) (line, rest []byte, last bool) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i+1], b[i+1:], false
	}
	return b, nil, true
}
