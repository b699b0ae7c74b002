package content

import (
	"regexp"
	"strconv"

	"dossier/internal/diag"
)

var yamlLineRE = regexp.MustCompile(`^yaml: (?:line (\d+): )?`)

// yamlPos turns a yaml.v3 syntax error into a position in the file.
func yamlPos(file string, offset int, err error) diag.Pos {
	m := yamlLineRE.FindStringSubmatch(err.Error())
	line := 1
	if m != nil && m[1] != "" {
		line, _ = strconv.Atoi(m[1])
	}
	return diag.Pos{File: file, Line: offset + line, Col: 1}
}

func yamlMsg(err error) string { return yamlLineRE.ReplaceAllString(err.Error(), "") }
