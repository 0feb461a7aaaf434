// Google Benchmark driver of the data family: the same work in C, with
// nothing crossing, as the baselines of the Go variants.
//   c->c(dup+free)       malloc, copy 64 bytes, free: what CString+free does
//   c->c(sum)            sum 64 bytes: what every bytes(...) variant does
//   c->c(struct-value)   a 64-byte struct by value
//   c->c(struct-pointer) the same by pointer
//   c->c(1ptr)           one pointer argument
//   c->c(8ptr)           eight pointer arguments
#include <benchmark/benchmark.h>

extern "C" {
#include "../work.h"
}

static uint8_t buf[DATA_LEN];
static struct data_rec rec;
static int64_t arr[8];

static void dup_free(benchmark::State &state) {
  uint32_t s = 0;
  for (auto _ : state) {
    s += data_dup_free(data_cstring, DATA_LEN);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(dup_free)->Name("c->c(dup+free)");

static void sum(benchmark::State &state) {
  uint32_t s = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(buf);
    s += data_sum(buf, DATA_LEN);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(sum)->Name("c->c(sum)");

static void rec_value(benchmark::State &state) {
  uint32_t s = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(rec);
    s += data_rec_value(rec);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(rec_value)->Name("c->c(struct-value)");

static void rec_pointer(benchmark::State &state) {
  uint32_t s = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(rec);
    s += data_rec_pointer(&rec);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(rec_pointer)->Name("c->c(struct-pointer)");

static void ptr1(benchmark::State &state) {
  uint32_t s = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(arr);
    s += data_ptr1(&arr[0]);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(ptr1)->Name("c->c(1ptr)");

static void ptr8(benchmark::State &state) {
  uint32_t s = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(arr);
    s += data_ptr8(&arr[0], &arr[1], &arr[2], &arr[3], &arr[4], &arr[5],
                   &arr[6], &arr[7]);
    benchmark::DoNotOptimize(s);
  }
}
BENCHMARK(ptr8)->Name("c->c(8ptr)");

BENCHMARK_MAIN();
