#pragma once
// A small sscanf for the page, in place of the C library's (src/platform/libc_scanning.cpp says
// why: bytes). It reads what Dear ImGui asks of sscanf and nothing more: literal characters and
// white space as scanf matches them, and the conversions
//   %d %i %u %x %X  (an optional width, "l"/"ll" for 64-bit: ImGui's "%lld" and "%llu"),
//   %f %e %g        ("l" for double), read by the given strtod,
//   %c %n %%.
// Anything else ends the scan, as a matching failure would. Like sscanf it returns the number of
// values stored, or -1 (EOF) when the text ends before the first conversion. No Emscripten here:
// the native tests compare it with the C library's sscanf.
#include <cstdarg>

namespace platform {

using StrtodFunction = double (*)(const char* text, char** end);

int scan_format(const char* text, const char* format, va_list args, StrtodFunction strtod_function);

}  // namespace platform
