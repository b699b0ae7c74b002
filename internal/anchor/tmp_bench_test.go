package anchor

import (
	"os"
	"testing"
)

func BenchmarkFoldTmp(b *testing.B) {
	data, _ := os.ReadFile(article)
	s := string(data)
	b.SetBytes(int64(len(s)))
	for b.Loop() {
		fold(s)
	}
}
