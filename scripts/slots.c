/* slots: the program of scripts/slots-study.sh (which builds it).
 *
 * usage: slots SLOTS SLOT_MS BRACKET_MS
 *
 * In one process, SLOTS slots of SLOT_MS milliseconds, each between two
 * brackets of BRACKET_MS: the brackets time the kind of loop the
 * harness's probe is (six independent chains of adds and xors, every ALU
 * busy: harness/load.c), the slots in turn the loops of three of the
 * cases' C baselines: call's c->c (a direct call), call's c->c(fnptr)
 * (the same through a function pointer read through a volatile) and
 * data's c->c(1ptr) (a call with one pointer argument, its result
 * summed). Prints a CSV line a slot: slot,loop,before_ns,loop_ns,
 * after_ns, each ns per iteration of its loop, where a bracket's is the
 * speed of the machine just before and just after the slot.
 *
 * The called functions are noinline and the loops' values pass through
 * empty asm statements, as the cases' DoNotOptimize does, so that the
 * compiler keeps every call (objdump -d shows a call in each loop). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

__attribute__((noinline)) int slots_add1(int x) { return x + 1; }

static int (*volatile add1_ptr)(int) = slots_add1;

__attribute__((noinline)) uint32_t slots_ptr1(const int64_t *a)
{
	return (uint32_t)*a;
}

static int64_t arr[8];

static double now_ns(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec * 1e9 + (double)t.tv_nsec;
}

enum { INNER = 1000 };

/* INNER iterations of each loop, a function each so that no loop
 * dispatches on its kind. */
__attribute__((noinline)) static void loop_direct(void)
{
	int x = 0;
	for (int i = 0; i < INNER; i++) {
		x = slots_add1(x);
		__asm__ volatile("" : "+r"(x));
	}
}

__attribute__((noinline)) static void loop_fnptr(void)
{
	int x = 0;
	for (int i = 0; i < INNER; i++) {
		x = add1_ptr(x);
		__asm__ volatile("" : "+r"(x));
	}
}

__attribute__((noinline)) static void loop_ptr1(void)
{
	uint32_t s = 0;
	for (int i = 0; i < INNER; i++) {
		__asm__ volatile("" : : "r"(arr) : "memory");
		s += slots_ptr1(&arr[0]);
		__asm__ volatile("" : "+r"(s));
	}
}

__attribute__((noinline)) static void loop_alu(void)
{
	uint64_t a = 1, b = 2, c = 3, d = 4, e = 5, f = 6;
	for (int i = 0; i < INNER; i++) {
		a += b ^ 7;
		b ^= c + 11;
		c += d ^ 13;
		d ^= e + 17;
		e += f ^ 19;
		f ^= a + 23;
		__asm__ volatile("" : "+r"(a), "+r"(b), "+r"(c), "+r"(d),
				 "+r"(e), "+r"(f));
	}
}

/* c->c, c->c(fnptr), c->c(1ptr), then the bracket's */
static void (*const loops[])(void) = {loop_direct, loop_fnptr, loop_ptr1,
				      loop_alu};

/* ns per iteration of loop kind k, run for about ms milliseconds. */
static double timed(int k, double ms)
{
	double start = now_ns(), t;
	long n = 0;
	do {
		loops[k]();
		n += INNER;
		t = now_ns();
	} while (t - start < ms * 1e6);
	return (t - start) / (double)n;
}

int main(int argc, char **argv)
{
	if (argc != 4) {
		fprintf(stderr, "usage: slots SLOTS SLOT_MS BRACKET_MS\n");
		return 2;
	}
	long slots = strtol(argv[1], NULL, 10);
	double slot_ms = strtod(argv[2], NULL), bracket_ms = strtod(argv[3], NULL);
	if (slots < 1 || !(slot_ms > 0) || !(bracket_ms > 0)) {
		fprintf(stderr, "slots: SLOTS, SLOT_MS and BRACKET_MS must be "
				"positive numbers\n");
		return 2;
	}
	static const char *const names[] = {"c->c", "c->c(fnptr)",
					    "c->c(1ptr)"};
	printf("slot,loop,before_ns,loop_ns,after_ns\n");
	double before = timed(3, bracket_ms);
	for (long i = 0; i < slots; i++) {
		int k = (int)(i % 3);
		double v = timed(k, slot_ms), after = timed(3, bracket_ms);
		printf("%ld,%s,%.4f,%.4f,%.4f\n", i + 1, names[k], before, v,
		       after);
		before = after;
	}
	return 0;
}
