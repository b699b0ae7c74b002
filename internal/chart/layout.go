package chart

import "math"

// The force layout below, like all of this package's arithmetic, is written so that it
// gives the same bits on every platform: only +, -, *, / and Sqrt, which IEEE 754 rounds
// exactly, no trigonometry, and every product that is then added converted with
// float64(), which the Go spec says forbids fusing the two into one multiply-add
// instruction (as the compiler otherwise does on arm64, ppc64, s390x and riscv64). A force
// layout amplifies a difference in the last bit over its steps, so this matters most here;
// TestNoFusedMultiplyAdd checks the whole package.

// The golden angle's cosine and sine: each node of the initial spiral is turned by it
// from the one before, which spreads them evenly over a disc (Vogel's sunflower).
const (
	goldenCos = -0.73736887807831974
	goldenSin = 0.67549029426152385
)

// A link is an undirected edge between nodes a < b, by index.
type link struct {
	a, b   int
	weight int
}

// A frame is the rectangle the layout places node centres in.
type frame struct{ x0, y0, x1, y1 float64 }

// layout places n nodes of the given radii, joined by links, in f with the
// Fruchterman–Reingold algorithm: every pair of nodes repels, every link attracts by its
// weight, a weak pull holds all to the centre, and the step each node may move cools
// from a tenth of the frame to nothing over a number of iterations fixed by n. Nodes start on
// a sunflower spiral in index order, heaviest first, so the layout depends on nothing but
// its input. Then overlaps between circles are pushed apart.
func layout(n int, links []link, radius []float64, f frame) (xs, ys []float64) {
	xs, ys = make([]float64, n), make([]float64, n)
	if n == 0 {
		return xs, ys
	}
	w, h := f.x1-f.x0, f.y1-f.y0
	cx, cy := f.x0+float64(w/2), f.y0+float64(h/2)
	if n == 1 {
		xs[0], ys[0] = cx, cy
		return xs, ys
	}
	// Sunflower: node i at radius ∝ √i, turned by the golden angle from node i-1;
	// stretched to the frame's aspect.
	c, s := 1.0, 0.0
	for i := range n {
		rho := math.Sqrt((float64(i) + 0.5) / float64(n))
		xs[i] = cx + float64(float64(rho*c)*w*0.45)
		ys[i] = cy + float64(float64(rho*s)*h*0.45)
		c, s = float64(c*goldenCos)-float64(s*goldenSin), float64(s*goldenCos)+float64(c*goldenSin)
	}

	maxW := 1
	for _, l := range links {
		maxW = max(maxW, l.weight)
	}
	k := math.Sqrt(w*h/float64(n)) * 0.8
	k2 := float64(k * k)
	minGap := 0.2 * k
	gravity := 0.6 / math.Sqrt(float64(n))
	// 300 steps settle a dossier's few dozen actors; a big graph gets fewer, so that the
	// O(n²) repulsion stays at a few million pairs in all.
	iterations := min(300, max(80, 4_000_000/(n*n)))
	dx, dy := make([]float64, n), make([]float64, n)
	for it := range iterations {
		clear(dx)
		clear(dy)
		for i := range n {
			xi, yi, ri := xs[i], ys[i], radius[i]
			var fxi, fyi float64
			for j := i + 1; j < n; j++ {
				ex, ey := xi-xs[j], yi-ys[j]
				d := math.Sqrt(float64(ex*ex) + float64(ey*ey))
				if d < 0.01 {
					// Coincident: push apart along a direction fixed by the indexes.
					ex, ey, d = 0.01, 0.01*float64(j-i), 0.01*math.Sqrt(1+float64(float64(j-i)*float64(j-i)))
				}
				// Repel as if the circles' edges were the points, so big nodes keep room.
				gap := max(d-ri-radius[j], minGap)
				force := k2 / float64(gap*d)
				fx, fy := float64(ex*force), float64(ey*force)
				fxi += fx
				fyi += fy
				dx[j] -= fx
				dy[j] -= fy
			}
			dx[i] += fxi
			dy[i] += fyi
		}
		for _, l := range links {
			ex, ey := xs[l.a]-xs[l.b], ys[l.a]-ys[l.b]
			d := math.Sqrt(float64(ex*ex) + float64(ey*ey))
			strength := 0.3 + float64(1.2*math.Sqrt(float64(l.weight)/float64(maxW)))
			force := float64(d*strength) / k
			fx, fy := float64(ex*force), float64(ey*force)
			dx[l.a] -= fx
			dy[l.a] -= fy
			dx[l.b] += fx
			dy[l.b] += fy
		}
		temp := float64(w*0.1) * (1 - float64(it)/float64(iterations))
		temp = max(temp, 0.5)
		for i := range n {
			// Pull to the centre, scaled to the frame's aspect.
			dx[i] -= float64(float64((xs[i]-cx)*gravity) * k / w * 2)
			dy[i] -= float64(float64((ys[i]-cy)*gravity) * k / h * 2)
			d := math.Sqrt(float64(dx[i]*dx[i]) + float64(dy[i]*dy[i]))
			if d > 0 {
				step := min(d, temp) / d
				xs[i] += float64(dx[i] * step)
				ys[i] += float64(dy[i] * step)
			}
			xs[i] = min(max(xs[i], f.x0), f.x1)
			ys[i] = min(max(ys[i], f.y0), f.y1)
		}
	}
	fit(xs, ys, radius, f)
	separate(xs, ys, radius, f)
	return xs, ys
}

// fit stretches the layout to fill f, each centre kept its radius inside.
func fit(xs, ys, radius []float64, f frame) {
	minX, maxX, minY, maxY := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	rmax := 0.0
	for i := range xs {
		minX, maxX = min(minX, xs[i]), max(maxX, xs[i])
		minY, maxY = min(minY, ys[i]), max(maxY, ys[i])
		rmax = max(rmax, radius[i])
	}
	scale := func(v, lo, hi, to0, to1 float64) float64 {
		if hi-lo < 1e-9 {
			return (to0 + to1) / 2
		}
		return to0 + float64(float64((v-lo)/(hi-lo))*(to1-to0))
	}
	for i := range xs {
		xs[i] = scale(xs[i], minX, maxX, f.x0+rmax, f.x1-rmax)
		ys[i] = scale(ys[i], minY, maxY, f.y0+rmax, f.y1-rmax)
	}
}

// separate pushes overlapping circles apart, keeping each inside f.
func separate(xs, ys, radius []float64, f frame) {
	const pad = 3.0
	for range 60 {
		moved := false
		for i := range xs {
			for j := i + 1; j < len(xs); j++ {
				ex, ey := xs[j]-xs[i], ys[j]-ys[i]
				d := math.Sqrt(float64(ex*ex) + float64(ey*ey))
				need := radius[i] + radius[j] + pad
				if d >= need {
					continue
				}
				if d < 0.01 {
					ex, ey, d = 0.01, 0.01*float64(j-i), 0.01*math.Sqrt(1+float64(float64(j-i)*float64(j-i)))
				}
				push := (need - d) / 2 / d
				px, py := float64(ex*push), float64(ey*push)
				xs[i] -= px
				ys[i] -= py
				xs[j] += px
				ys[j] += py
				moved = true
			}
		}
		for i := range xs {
			xs[i] = min(max(xs[i], f.x0+radius[i]), f.x1-radius[i])
			ys[i] = min(max(ys[i], f.y0+radius[i]), f.y1-radius[i])
		}
		if !moved {
			return
		}
	}
}
