// Command export is built with -buildmode=c-archive: it gives the Google
// Benchmark driver in ../cbench a Go function to call back.
package main

import "C"

//export MainAdd1
func MainAdd1(x C.int) C.int { return x + 1 }

func main() {}
