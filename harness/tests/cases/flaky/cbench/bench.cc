// The C side of the flaky family: one benchmark that works, one that
// crashes with SIGSEGV on purpose, and one whose name holds a newline,
// which Google Benchmark's list of its benchmarks cannot carry.
#include <benchmark/benchmark.h>
#include <csignal>

static void c_ok(benchmark::State &state) {
  int x = 0;
  for (auto _ : state) benchmark::DoNotOptimize(x++);
}
BENCHMARK(c_ok)->Name("c-ok");

static void c_crash(benchmark::State &state) {
  for (auto _ : state) std::raise(SIGSEGV);
}
BENCHMARK(c_crash)->Name("c-crash");

static void c_newline(benchmark::State &state) {
  int x = 0;
  for (auto _ : state) benchmark::DoNotOptimize(x++);
}
BENCHMARK(c_newline)->Name("c-two\nlines");

BENCHMARK_MAIN();
