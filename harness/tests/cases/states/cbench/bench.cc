// The C side of the states family: c-one does the work of one, and
// spins for 60 ms on its first iteration in the processes that
// $CGOBENCH_STALL_AT names (a comma-separated list, from 1), counted in
// the file $CGOBENCH_STALL_FILE names with ".c" added: a first call
// that outlasts the benchmark's min time, as the Go side's Stalls. It
// spins rather than sleeps: Google Benchmark judges its min time by
// CPU time, so a sleeping first call never ends a run at one iteration.
#include <benchmark/benchmark.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>

// Whether this process is one that $CGOBENCH_STALL_AT names; raises the
// count in the file by one.
static bool stalls() {
  const char *file = std::getenv("CGOBENCH_STALL_FILE");
  const char *at = std::getenv("CGOBENCH_STALL_AT");
  if (!file || !at) return false;
  std::string path = std::string(file) + ".c";
  long n = 0;
  std::ifstream(path) >> n;
  std::ofstream(path) << n + 1;
  std::stringstream list(at);
  for (std::string k; std::getline(list, k, ',');)
    if (k == std::to_string(n + 1)) return true;
  return false;
}

__attribute__((noinline)) static long add1(long x) { return x + 1; }

// Spins for 60 ms of CPU time.
static void spin() {
  auto end = std::chrono::steady_clock::now() + std::chrono::milliseconds(60);
  while (std::chrono::steady_clock::now() < end) {
  }
}

static void c_one(benchmark::State &state) {
  // once a process, whichever of Google Benchmark's runs comes first
  static bool stall = stalls();
  long x = 0;
  for (auto _ : state) {
    if (stall) {
      // inside the timed loop: the stalled first call under test
      spin();
      stall = false;
    }
    for (int j = 0; j < 100; j++) x = add1(x);
    benchmark::DoNotOptimize(x);
  }
}
BENCHMARK(c_one)->Name("c-one");

BENCHMARK_MAIN();
