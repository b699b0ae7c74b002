package search

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// ShardFile is a file of a sharded index; Name is relative to the folder of the index's
// first file, "static/search/" in a built site: "p12.js" or "d480.js".
type ShardFile struct {
	Name string
	Data []byte
}

// Shard sizes: a query loads the postings shards of its terms and the document shards of
// the results it shows, 20 per kind on the search page, 8 in the header box. Small shards
// keep a common term from bringing its neighbours along: in the synthetic dossier of
// 10,000 articles (430,000 paragraphs of a small vocabulary, so every term is common) the
// heaviest queries measured load 290 KB gzipped, most under 180 KB.
const (
	docsPerShard  = 16       // documents of a document shard
	postShardSize = 16 << 10 // bytes of postings above which a postings shard is closed
)

// Sharded returns the search index of docs split for a large site (format 2 in the
// package documentation): a first file that sets window.DOSSIER_SEARCH and holds the
// terms, and shards that search.js loads when a query needs them. Docs keep the order
// given, as in Index.
func Sharded(docs []Doc) (first []byte, shards []ShardFile, err error) {
	ix, err := analyse(docs)
	if err != nil {
		return nil, nil, err
	}
	meta := struct {
		V       int      `json:"v"`
		Kinds   []string `json:"kinds"`
		Stop    []string `json:"stop"`
		N       int      `json:"n"`
		Runs    [][2]int `json:"runs"`
		DShard  int      `json:"dshard"`
		Terms   []string `json:"terms"`
		DF      []int    `json:"df"`
		PShards []int    `json:"pshards"`
	}{V: 2, Kinds: kinds[:], Stop: strings.Fields(stopList), N: len(docs), DShard: docsPerShard, Terms: ix.terms}
	for _, k := range ix.kind {
		if n := len(meta.Runs); n > 0 && meta.Runs[n-1][0] == k {
			meta.Runs[n-1][1]++
		} else {
			meta.Runs = append(meta.Runs, [2]int{k, 1})
		}
	}
	meta.DF = make([]int, len(ix.terms))

	// Postings: consecutive terms, so that the completions of a word, which share its
	// beginning, are mostly in one shard.
	var b []byte
	flush := func() {
		b = append(b, "]);\n"...)
		shards = append(shards, ShardFile{"p" + strconv.Itoa(len(meta.PShards)-1) + ".js", b})
		b = nil
	}
	for t, ps := range ix.post {
		meta.DF[t] = len(ps)
		if b == nil {
			meta.PShards = append(meta.PShards, t)
			b = shardStart("p", len(meta.PShards)-1)
		} else {
			b = append(b, ',')
		}
		js, _ := ps.MarshalJSON()
		b = append(b, js...)
		if len(b) >= postShardSize {
			flush()
		}
	}
	if b != nil {
		flush()
	}

	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	for from := 0; from < len(docs); from += docsPerShard {
		buf.Reset()
		buf.Write(shardStart("d", from/docsPerShard))
		for i := from; i < min(from+docsPerShard, len(docs)); i++ {
			if i > from {
				buf.WriteByte(',')
			}
			d := docs[i]
			if err := enc.Encode([]any{ix.kind[i], d.Title, d.URL, d.Text}); err != nil {
				return nil, nil, fmt.Errorf("search: %w", err)
			}
			buf.Truncate(buf.Len() - 1) // the encoder's newline
		}
		buf.WriteString("]);\n")
		shards = append(shards, ShardFile{"d" + strconv.Itoa(from/docsPerShard) + ".js", bytes.Clone(buf.Bytes())})
	}

	js, err := json.Marshal(meta)
	if err != nil {
		return nil, nil, fmt.Errorf("search: %w", err)
	}
	first = append([]byte("window.DOSSIER_SEARCH="), js...)
	return append(first, ";\n"...), shards, nil
}

// shardStart begins a shard's script: a call that hands its data to search.js.
func shardStart(kind string, n int) []byte {
	return []byte("window.DOSSIER_SEARCH_SHARD(\"" + kind + strconv.Itoa(n) + "\",[")
}
