// Numbers as the UI shows them: short, with a true minus sign, exact for the integers of the
// exercise ("-5", "0.25", "1.23e+06").
#pragma once

#include <string>

namespace app {

// At most `digits` significant digits; integers print without a fraction.
std::string format_value(double v, int digits = 4);

}  // namespace app
