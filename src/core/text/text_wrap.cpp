#include "core/text/text_wrap.h"

#include <algorithm>

namespace mlp {

std::vector<std::string_view> wrap_text(std::string_view text, float width,
                                        FunctionRef<float(std::string_view)> measure) {
    std::vector<std::string_view> lines;
    const float space = measure(" ");
    size_t paragraph = 0;
    for (;;) {
        const size_t end = std::min(text.find('\n', paragraph), text.size());
        const std::string_view para = text.substr(paragraph, end - paragraph);
        // Words are the pieces between spaces; a line is a run of words and the spaces between.
        size_t line_start = std::string_view::npos, line_end = 0;
        float line_w = 0;
        size_t i = 0;
        while (i < para.size()) {
            if (para[i] == ' ') {
                ++i;
                continue;
            }
            size_t word_end = para.find(' ', i);
            if (word_end == std::string_view::npos) word_end = para.size();
            const float word_w = measure(para.substr(i, word_end - i));
            const float gap = line_start == std::string_view::npos ? 0.0f : space * static_cast<float>(i - line_end);
            if (line_start != std::string_view::npos && line_w + gap + word_w > width) {
                lines.push_back(para.substr(line_start, line_end - line_start));
                line_start = std::string_view::npos;
            }
            if (line_start == std::string_view::npos) {
                line_start = i;
                line_w = word_w;
            } else {
                line_w += gap + word_w;
            }
            line_end = word_end;
            i = word_end;
        }
        lines.push_back(line_start == std::string_view::npos ? para.substr(0, 0)
                                                             : para.substr(line_start, line_end - line_start));
        if (end >= text.size()) break;
        paragraph = end + 1;
    }
    return lines;
}

}  // namespace mlp
