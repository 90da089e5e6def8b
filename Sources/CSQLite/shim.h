#ifndef SHEET_CSQLITE_SHIM_H
#define SHEET_CSQLITE_SHIM_H

#include <sqlite3.h>

// SQLITE_TRANSIENT is a macro casting -1 to a function pointer, which Swift does not import.
// Binding text or blobs with it makes SQLite copy the bytes before the bind call returns, so a
// Swift buffer may go away right after.
static inline sqlite3_destructor_type sheet_sqlite_transient(void) { return SQLITE_TRANSIENT; }

#endif
