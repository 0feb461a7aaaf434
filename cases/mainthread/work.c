#include "work.h"

#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

__attribute__((noinline)) int mainthread_add1(int x)
{
	return x + 1;
}

static char *region;
static size_t region_len;

int mainthread_map(int n)
{
	long page = sysconf(_SC_PAGESIZE);
	mainthread_unmap();
	if (n <= 0)
		return 0;
	region_len = (size_t)page * (size_t)n;
	region = mmap(NULL, region_len, PROT_READ | PROT_WRITE,
		      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (region == MAP_FAILED) {
		region = NULL;
		return -1;
	}
	for (int i = 1; i < n; i += 2)
		if (mprotect(region + (size_t)page * (size_t)i, (size_t)page,
			     PROT_READ) != 0)
			return -1;
	return 0;
}

void mainthread_unmap(void)
{
	if (region)
		munmap(region, region_len);
	region = NULL;
}

int mainthread_count_maps(void)
{
	FILE *f = fopen("/proc/self/maps", "r");
	if (!f)
		return -1;
	int lines = 0, c;
	while ((c = getc(f)) != EOF)
		lines += c == '\n';
	fclose(f);
	return lines;
}
