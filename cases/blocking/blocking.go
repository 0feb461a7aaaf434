// Package blocking holds the blocking family: the values the threads
// family holds fixed, swept. How long a blocking C call blocks (does the
// runtime hand its P off and grow a thread, and from what block time?),
// and how many workers a pool locked to its threads has (at what size, if
// any, does it limit threads and cost no more than direct calls?).
package blocking

// Goroutines is how many goroutines each burst starts, as in threads.
const Goroutines = 64

// BlockMicros are the block times swept, in microseconds.
var BlockMicros = []int{10, 100, 1000, 10000, 100000}

// PoolBlockMicros is the block time of the pool sweep's blocking calls.
const PoolBlockMicros = 1000
