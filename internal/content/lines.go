package content

import "bytes"

// cutLine returns the first line of b with its line break, and what follows. last reports
// that the line has no line break: it is all that is left of b.
func cutLine(b []byte) (line, rest []byte, last bool) {
	if i := bytes.IndexByte(b, '\n'); i >= 0 {
		return b[:i+1], b[i+1:], false
	}
	return b, nil, true
}
