// Google Benchmark driver of the libraries family: the C-side baselines,
// the same library calls made from C.
//   crc32(c)/bytes=N    zlib's crc32 of N bytes, one call per op
//   sha256(c)/bytes=N   OpenSSL's SHA-256 of N bytes, one call per op
// The counter "bytes" (N) tells the harness to report ns/byte from the
// same real time as ns/op.
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdlib>
#include <string>

extern "C" {
#include "../work.h"
}

static uint8_t *input;

static void run(benchmark::State &state, uint32_t (*f)(const uint8_t *, size_t),
                size_t n) {
  uint32_t sum = 0;
  for (auto _ : state) {
    sum += f(input, n);
    benchmark::DoNotOptimize(sum);
  }
  state.counters["bytes"] = (double)n;
}

int main(int argc, char **argv) {
  input = static_cast<uint8_t *>(std::malloc(LIB_MAX));
  for (size_t i = 0; i < LIB_MAX; i++) input[i] = (uint8_t)(i * 7 + (i >> 8));
  static const struct {
    const char *name;
    uint32_t (*f)(const uint8_t *, size_t);
  } libs[] = {{"crc32(c)", lib_crc32}, {"sha256(c)", lib_sha256}};
  for (const auto &l : libs)
    for (size_t n = 1; n <= LIB_MAX; n *= 16)
      benchmark::RegisterBenchmark(
          (std::string(l.name) + "/bytes=" + std::to_string(n)).c_str(), run,
          l.f, n);
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  std::free(input);
  return 0;
}
