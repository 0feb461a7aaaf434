// Google Benchmark driver of the directives family: the baseline.
//   c->c   C calls dir_plain with a pointer to a buffer on its stack
#include <benchmark/benchmark.h>

extern "C" {
#include "../work.h"
}

static void c_c(benchmark::State &state) {
  uint32_t s = 0;
  uint8_t seed = 0;
  for (auto _ : state) {
    uint8_t buf[DIRECTIVES_LEN] = {0};
    buf[0] = seed++;
    s += dir_plain(buf);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(c_c)->Name("c->c");

BENCHMARK_MAIN();
