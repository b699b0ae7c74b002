package markdown

// Source returns the markdown the body was parsed from, which the caller must not change:
// the Web Annotation export gives it beside the HTML.
func (d *Doc) Source() []byte {
	if d == nil {
		return nil
	}
	return d.source
}
