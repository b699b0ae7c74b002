package render

import "html/template"

// safeHTML marks markup built in this package from escaped text as safe for templates.
func safeHTML(s string) template.HTML { return template.HTML(s) }
