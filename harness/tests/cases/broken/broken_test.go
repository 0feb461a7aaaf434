// Package broken does not compile, on purpose: the harness must report it
// and go on with the other families.
package broken

import "testing"

func BenchmarkBroken(b *testing.B) {
	this is not Go
}
