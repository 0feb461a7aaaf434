// Google Benchmark driver of the call family: the C-side variants.
//   c->c            C calls call_add1 in another translation unit
//   c->c(fnptr)     the same through a function pointer: the baseline of
//                   every callback (go->c->go, c->go)
//   c->go(main)     C calls the exported Go CallGoAdd1 of a c-archive, on
//                   the C main thread
//   c->go(cthread)  the same from a thread made by pthread_create
#include <benchmark/benchmark.h>
#include <pthread.h>

extern "C" {
#include "../work.h"
#include "libexport.h"
}

static void c_c(benchmark::State &state) {
  int x = 0;
  for (auto _ : state) {
    x = call_add1(x);
    benchmark::DoNotOptimize(x);
  }
}
BENCHMARK(c_c)->Name("c->c");

// Read through a volatile so the compiler cannot turn it into a direct call.
static int (*volatile add1_ptr)(int) = call_add1;

static void c_c_fnptr(benchmark::State &state) {
  int x = 0;
  for (auto _ : state) {
    x = add1_ptr(x);
    benchmark::DoNotOptimize(x);
  }
}
BENCHMARK(c_c_fnptr)->Name("c->c(fnptr)");

static void c_go_loop(benchmark::State &state) {
  int x = CallGoAdd1(0);  // the first call binds this thread to an M
  for (auto _ : state) {
    x = CallGoAdd1(x);
    benchmark::DoNotOptimize(x);
  }
}

static void c_go_main(benchmark::State &state) { c_go_loop(state); }
BENCHMARK(c_go_main)->Name("c->go(main)");

static void *c_go_thread(void *arg) {
  c_go_loop(*static_cast<benchmark::State *>(arg));
  return nullptr;
}

// The timed loop runs wholly on a thread that C made; the State's timer
// starts and stops on that thread, so thread creation is not timed.
static void c_go_cthread(benchmark::State &state) {
  pthread_t t;
  if (pthread_create(&t, nullptr, c_go_thread, &state) != 0) {
    state.SkipWithError("pthread_create failed");
    return;
  }
  pthread_join(t, nullptr);
}
BENCHMARK(c_go_cthread)->Name("c->go(cthread)");

// One call into Go before any benchmark: it returns once the Go runtime
// has started. gccgo's runtime starts on a thread of its own, which shared
// the pinned CPU with the first tenth of a second or so of c->c, doubling
// its real time (3.7 ns against 1.84 ns of CPU time).
int main(int argc, char **argv) {
  CallGoAdd1(0);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
