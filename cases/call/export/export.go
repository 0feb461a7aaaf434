// Command export is built with -buildmode=c-archive: it gives the Google
// Benchmark driver in ../cbench a Go function to call for c->go.
package main

import "C"

//export CallGoAdd1
func CallGoAdd1(x C.int) C.int { return x + 1 }

func main() {}
