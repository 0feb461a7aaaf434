/* The C half of every handles variant: C is handed an id and gives it
 * back to Go in a callback, as a C library holding a Go object would. */
#include "_cgo_export.h"

__attribute__((noinline)) uint32_t handles_call(uintptr_t id)
{
	return goLookup(id);
}

__attribute__((noinline)) uint32_t handles_echo(uintptr_t id)
{
	return goEcho(id);
}
