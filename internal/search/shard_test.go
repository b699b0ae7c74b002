package search

import (
	"reflect"
	"testing"
)

// TestJSSearchSharded holds the sharded index to the single one: on the shipped dossier,
// search.js gives the same results, in the same order, with the same marked words, and a
// query loads only the shards it needs.
func TestJSSearchSharded(t *testing.T) {
	docs := shippedDocs(t)
	var req nodeRequest
	for _, q := range []string{"Schoigu", "Munition", "Pjongjang", "Kim Jong Un", "Ukraine-Krieg", "russische Soldaten", "Artilleriemunition", "xyzzy"} {
		req.Queries = append(req.Queries, nodeQuery{Q: q}, nodeQuery{Q: q[:len(q)-2], Typing: true})
	}
	req.Snippets = []snippetTest{{"Munition", 80}, {"Schoigu", 240}}
	one := runNodeIndex(t, docs, req, false)
	sharded := runNodeIndex(t, docs, req, true)
	_, shards, err := Sharded(docs)
	if err != nil {
		t.Fatal(err)
	}
	for i, q := range req.Queries {
		a, b := one.Queries[i], sharded.Queries[i]
		if !reflect.DeepEqual(a.Results, b.Results) || !reflect.DeepEqual(a.Groups, b.Groups) {
			t.Errorf("search(%q, typing %v): sharded index gives %d results in %v, want %d in %v", q.Q, q.Typing, len(b.Results), b.Groups, len(a.Results), a.Groups)
		}
		if len(b.Shards) >= len(shards) {
			t.Errorf("search(%q): loaded all %d shards", q.Q, len(b.Shards))
		}
		t.Logf("search(%q, typing %v): %d results, %d of %d shards", q.Q, q.Typing, len(b.Results), len(b.Shards), len(shards))
	}
	if !reflect.DeepEqual(one.Snippets, sharded.Snippets) {
		t.Errorf("snippets differ between the single and the sharded index")
	}
}

func TestShardedDeterministic(t *testing.T) {
	docs := smallDocs()
	first, shards, err := Sharded(docs)
	if err != nil {
		t.Fatal(err)
	}
	again, shards2, err := Sharded(docs)
	if err != nil {
		t.Fatal(err)
	}
	if string(first) != string(again) || !reflect.DeepEqual(shards, shards2) {
		t.Error("Sharded gives other bytes for the same docs")
	}
}
