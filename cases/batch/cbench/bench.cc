// Google Benchmark driver of the batch family: the C-side baseline.
//   c->c/n=N   C calls batch_item once per item, N items per op
// The counter "items" tells the harness how many items one op is, so that
// it reports ns/item from the same real time as ns/op.
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <string>

extern "C" {
#include "../work.h"
}

static uint8_t items[BATCH_ITEM * BATCH_MAX];

static void c_c(benchmark::State &state, int n) {
  uint32_t sum = 0;
  for (auto _ : state) {
    sum += batch_all(items, n);
    benchmark::DoNotOptimize(sum);
  }
  state.counters["items"] = n;
}

int main(int argc, char **argv) {
  for (size_t i = 0; i < sizeof items; i++) items[i] = (uint8_t)(i * 7);
  for (int n = 1; n <= BATCH_MAX; n *= 2)
    benchmark::RegisterBenchmark(("c->c/n=" + std::to_string(n)).c_str(), c_c,
                                 n);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
