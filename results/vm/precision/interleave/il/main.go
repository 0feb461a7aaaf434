// usage: go build -o il . && GOMAXPROCS=1 ./il i|b|p SAMPLES CHUNK_US [KIND]
//
// An interleaving study: go->c against its baselines, c->c (a loop in C,
// entered once a chunk) and go->go, in chunks that alternate within one
// sample (mode i), in blocks of a third of a sample each (mode b), or one
// kind for a whole sample (mode p KIND, for a process of its own).
// Prints a line a sample: ns/op of go->go, c->c, go->c.
package main

/*
__attribute__((noinline)) static int add1(int x) { return x + 1; }
static int cloop(int n) {
	int x = 0;
	for (int i = 0; i < n; i++) {
		x = add1(x);
		__asm__ volatile("" : "+r"(x));
	}
	return x;
}
static int cadd1(int x) { return add1(x); }
*/
import "C"

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

//go:noinline
func add1(x int) int { return x + 1 }

var sink int

func gg(n int) time.Duration {
	t := time.Now()
	x := 0
	for i := 0; i < n; i++ {
		x = add1(x)
	}
	sink += x
	return time.Since(t)
}

func cc(n int) time.Duration {
	t := time.Now()
	sink += int(C.cloop(C.int(n)))
	return time.Since(t)
}

func gc(n int) time.Duration {
	t := time.Now()
	x := 0
	for i := 0; i < n; i++ {
		x = int(C.cadd1(C.int(x)))
	}
	sink += x
	return time.Since(t)
}

func main() {
	mode := os.Args[1]
	samples, _ := strconv.Atoi(os.Args[2])
	chunkUs, _ := strconv.ParseFloat(os.Args[3], 64)
	const sampleS = 0.03
	fns := []func(int) time.Duration{gg, cc, gc}
	per := []float64{1.3, 1.3, 30} // ns an op, roughly, to size chunks
	k := make([]int, 3)
	for j := range k {
		k[j] = int(chunkUs * 1000 / per[j])
	}
	for j := range fns {
		fns[j](k[j] * 20)
	}
	only := -1
	if mode == "p" {
		only, _ = strconv.Atoi(os.Args[4])
	}
	for s := 0; s < samples; s++ {
		var t [3]time.Duration
		var n [3]int
		switch mode {
		case "i":
			for (t[0] + t[1] + t[2]).Seconds() < sampleS {
				for j := range fns {
					t[j] += fns[j](k[j])
					n[j] += k[j]
				}
			}
		case "b":
			for j := range fns {
				for t[j].Seconds() < sampleS/3 {
					t[j] += fns[j](k[j])
					n[j] += k[j]
				}
			}
		case "p":
			for t[only].Seconds() < sampleS {
				t[only] += fns[only](k[only])
				n[only] += k[only]
			}
		}
		for j := range fns {
			v := 0.0
			if n[j] > 0 {
				v = float64(t[j].Nanoseconds()) / float64(n[j])
			}
			fmt.Printf("%.4f ", v)
		}
		fmt.Println()
	}
}
