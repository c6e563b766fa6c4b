// A file of points the learner imports as a custom data set (data_settings.h, DataKind::Custom):
// untrusted text, read whole or not at all.
//
// CSV: one point per line, "x1,x2,target" (spaces around a number are allowed, a '\r' before the
// line's end too), blank lines skipped; a first line whose fields are not all numbers is a header
// ("x1,x2,label") and is skipped.
// JSON: an array of points, each an array of three numbers: [[1.5, -2, 1], [0, 0.25, 0]].
// Which it is: JSON when the first character that is not white space is '['.
//
// Every number within -1e6..1e6, at most kMaxCustomPoints points and kMaxPointsFileBytes bytes:
// both are checked before anything is allocated. An error names the row and column (CSV: the line
// and the field, 1-based; JSON: the point, the number and the line and column of the text).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/training/data_settings.h"

namespace mlp {

// "" and *out the points, or what is wrong (and *out left as it was):
//   row 4, column 2: "abc" is not a number; expected a number from -1e6 to 1e6
//   row 7: 2 numbers; expected 3 (x1, x2, target)
std::string parse_points_file(std::string_view text, std::vector<DataPoint>* out);

}  // namespace mlp
