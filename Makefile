# make site: build the dossier into public/.  make test: run every test.
GO ?= go

.PHONY: site serve test check bench fuzz clean large

site:
	$(GO) run ./cmd/dossier build -src . -out public

serve:
	$(GO) run ./cmd/dossier serve -src .

check:
	$(GO) run ./cmd/dossier check -src . -strict

test:
	$(GO) vet ./...
	$(GO) test -race -timeout 30m ./...

# The largest page of a synthetic dossier of 10,000 articles is at most 300 KB (slow).
large:
	$(GO) test ./internal/render -run TestLargestPage -large 10000 -timeout 30m -v

bench:
	$(GO) test -run='^$$' -bench=. -benchmem ./...

# Each fuzz target for a while; FUZZTIME=1m make fuzz
FUZZTIME ?= 20s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list='^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "$$pkg $$t"; $(GO) test -run='^$$' -fuzz="^$$t$$" -fuzztime=$(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

clean:
	rm -rf public
