/* The work of the directives family: sum a 64-byte buffer the caller
 * owns. The same function under four names, so that each can be declared
 * to cgo with its own directives. Its own translation unit, so that no
 * caller can inline it. */
#ifndef DIRECTIVES_WORK_H
#define DIRECTIVES_WORK_H

#include <stdint.h>

#define DIRECTIVES_LEN 64

uint32_t dir_plain(const uint8_t *p);
uint32_t dir_noescape(const uint8_t *p);
uint32_t dir_nocallback(const uint8_t *p);
uint32_t dir_both(const uint8_t *p);

#endif
