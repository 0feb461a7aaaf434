// Google Benchmark driver of the purego family: its baselines, the same
// calls made from C.
//   c->c            C calls purego_add1 in another translation unit
//   c->c(fnptr)     the same through a function pointer: the baseline of
//                   the callbacks
#include <benchmark/benchmark.h>

extern "C" {
#include "../work.h"
}

static void c_c(benchmark::State &state) {
  int x = 0;
  for (auto _ : state) {
    x = purego_add1(x);
    benchmark::DoNotOptimize(x);
  }
}
BENCHMARK(c_c)->Name("c->c");

// Read through a volatile so the compiler cannot turn it into a direct call.
static int (*volatile add1_ptr)(int) = purego_add1;

static void c_c_fnptr(benchmark::State &state) {
  int x = 0;
  for (auto _ : state) {
    x = add1_ptr(x);
    benchmark::DoNotOptimize(x);
  }
}
BENCHMARK(c_c_fnptr)->Name("c->c(fnptr)");

BENCHMARK_MAIN();
