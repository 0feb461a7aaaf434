/* The C half of the recovery family: a C function that calls one exported
 * Go callback, picked by which. */
#include "_cgo_export.h"

__attribute__((noinline)) int recover_call(int which, int x)
{
	switch (which) {
	case 0:
		return goPlain(x);
	case 1:
		return goDeferRecover(x);
	default:
		return goPanicRecover(x);
	}
}
