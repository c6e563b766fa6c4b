#include "app/number_format.h"

#include <cmath>
#include <cstdio>

namespace app {

std::string format_value(double v, int digits) {
    if (v == 0.0) v = 0.0;  // no "-0"
    char buf[48];
    std::snprintf(buf, sizeof buf, "%.*g", digits, v);
    std::string text(buf);
    // U+2212 MINUS SIGN reads better than a hyphen next to digits, as on the worksheet.
    if (!text.empty() && text[0] == '-') text.replace(0, 1, "\xE2\x88\x92");
    return text;
}

}  // namespace app
