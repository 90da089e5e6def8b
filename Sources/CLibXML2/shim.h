#ifndef SHEET_CLIBXML2_SHIM_H
#define SHEET_CLIBXML2_SHIM_H

// libxml2's streaming pull parser. The XLSX import uses only this API (no DOM, no DTD loading,
// no entity substitution, no network).
//
// Debian builds libxml2 with ICU, and <libxml/encoding.h> then includes ICU's headers, which
// clash with the copy of ICU that Foundation carries. We never touch libxml2's encoding
// handlers' fields, so the headers are read as if ICU were off.
#include <libxml/xmlversion.h>
#ifdef LIBXML_ICU_ENABLED
#undef LIBXML_ICU_ENABLED
#endif
#include <libxml/xmlreader.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>

#endif
