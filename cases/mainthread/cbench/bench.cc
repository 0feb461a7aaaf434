// Google Benchmark driver of the mainthread family: a callback from C into
// Go, on the process's main thread, while the process has maps=N memory
// mappings more than it starts with.
//   c->c(fnptr)               C calls C through a function pointer: the
//                             baseline of every callback
//   c->go(main)               C calls the exported Go MainAdd1 of a
//                             c-archive, on the main thread's own stack
//   c->go(main,coroutine)     the same from a stack C made (makecontext),
//                             as a coroutine library does, on the main thread
//   c->go(cthread,coroutine)  the same on a thread made by pthread_create
// The counter "mappings" is the count of lines in /proc/self/maps while
// the loop ran.
#include <benchmark/benchmark.h>
#include <pthread.h>
#include <sys/syscall.h>
#include <ucontext.h>
#include <unistd.h>

#include <string>

extern "C" {
#include "../work.h"
#include "libexport.h"
}

static const int map_counts[] = {10, 100, 1000, 10000};

// Read through a volatile so the compiler cannot turn it into a direct call.
static int (*volatile add1_ptr)(int) = mainthread_add1;

static void c_c_fnptr(benchmark::State &state) {
  int x = 0;
  for (auto _ : state) {
    x = add1_ptr(x);
    benchmark::DoNotOptimize(x);
  }
}

static void c_go_loop(benchmark::State &state) {
  int x = MainAdd1(0);  // the first call binds this thread to an M
  for (auto _ : state) {
    x = MainAdd1(x);
    benchmark::DoNotOptimize(x);
  }
}

// The coroutine: the timed loop on a stack of its own, entered with
// swapcontext and left when the loop ends (uc_link).
static ucontext_t co_caller, co_callee;
static char co_stack[1 << 20];
static benchmark::State *co_state;

static void co_body() { c_go_loop(*co_state); }

static void on_coroutine(benchmark::State &state) {
  co_state = &state;
  getcontext(&co_callee);
  co_callee.uc_stack.ss_sp = co_stack;
  co_callee.uc_stack.ss_size = sizeof co_stack;
  co_callee.uc_link = &co_caller;
  makecontext(&co_callee, co_body, 0);
  swapcontext(&co_caller, &co_callee);
}

static void *on_thread(void *arg) {
  on_coroutine(*static_cast<benchmark::State *>(arg));
  return nullptr;
}

enum where { C_C, MAIN, MAIN_COROUTINE, CTHREAD_COROUTINE };

static void run(benchmark::State &state, where w, int maps) {
  if (syscall(SYS_gettid) != getpid()) {
    state.SkipWithError("not on the main thread");
    return;
  }
  if (mainthread_map(maps) != 0) {
    state.SkipWithError("mmap or mprotect failed");
    return;
  }
  int lines = mainthread_count_maps();
  pthread_t t;
  switch (w) {
    case C_C:
      c_c_fnptr(state);
      break;
    case MAIN:
      c_go_loop(state);
      break;
    case MAIN_COROUTINE:
      on_coroutine(state);
      break;
    case CTHREAD_COROUTINE:
      // the State's timer starts and stops on that thread, so thread
      // creation is not timed
      if (pthread_create(&t, nullptr, on_thread, &state) != 0)
        state.SkipWithError("pthread_create failed");
      else
        pthread_join(t, nullptr);
      break;
  }
  mainthread_unmap();
  state.counters["mappings"] = lines;
}

int main(int argc, char **argv) {
  // returns once the Go runtime has started: gccgo's starts on a thread of
  // its own that would share the pinned CPU with the first benchmark
  MainAdd1(0);
  static const struct {
    const char *name;
    where w;
  } variants[] = {{"c->c(fnptr)", C_C},
                  {"c->go(main)", MAIN},
                  {"c->go(main,coroutine)", MAIN_COROUTINE},
                  {"c->go(cthread,coroutine)", CTHREAD_COROUTINE}};
  for (const auto &v : variants)
    for (int n : map_counts)
      benchmark::RegisterBenchmark(
          (std::string(v.name) + "/maps=" + std::to_string(n)).c_str(), run,
          v.w, n);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
