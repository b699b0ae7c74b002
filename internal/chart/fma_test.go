package chart

import (
	"os"
	"os/exec"
	"regexp"
	"testing"
)

// TestNoFusedMultiplyAdd compiles the package for arm64 and fails for every floating-point
// multiply-add the compiler fused, which would make the charts differ in the last bit
// (and so, now and then, in a written digit) between arm64 and amd64 machines. Where it
// fails, convert the product with float64() before it is added, as layout.go explains.
func TestNoFusedMultiplyAdd(t *testing.T) {
	if testing.Short() {
		t.Skip("compiles the package for arm64")
	}
	gobin, err := exec.LookPath("go")
	if err != nil {
		t.Skip("no go command")
	}
	cmd := exec.Command(gobin, "build", "-gcflags=-S", "-o", os.DevNull, ".")
	cmd.Env = append(os.Environ(), "GOARCH=arm64", "GOOS=linux", "CGO_ENABLED=0")
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("go build for arm64: %v\n%s", err, out)
	}
	// A line of the listing: 0x0078 00120 (/…/axis.go:150)	FMADDD	F4, F1, F3, F3
	fused := regexp.MustCompile(`\(([^()\s]+:\d+)\)\s+(FN?M(?:ADD|SUB)[SD])\s`)
	for _, m := range fused.FindAllSubmatch(out, -1) {
		t.Errorf("%s: fused %s", m[1], m[2])
	}
}
