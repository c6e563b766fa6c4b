// The link format, version 1 (docs/design.md, "The link"; docs/link-format.md for people who write
// links by hand): the whole document in the URL fragment as key=value pairs joined by '&', e.g.
// "v=1&shape=3,5,2&x=3,4,5&w1=...&w2=...", with targets and the loss settings
// "&y=1,0&loss=ce&reduce=sum&lr=0.1" (loss.h), a data set and its training
// "&data=circle&noise=0.1&batch=25&opt=adam&epoch=40" (data_settings.h), for an exercise
// "&hide=z3.2.2,a3.2.2" (exercise.h),
// and last a title and a note, percent-encoded (document_text.h): "&title=XOR&note=Two+inputs".
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "core/document/document.h"
#include "core/formats/decode_result.h"

namespace mlp {

constexpr int kLinkVersion = 1;

// The fragment text without the leading '#'. Keys with default values (zero biases, the default
// activations, no targets, mse, mean, lr 0.03, no data set, each data and training setting at its
// default) are left out, so the exercise encodes to exactly the design's link.
std::string encode_link(const Document& doc);

// encode_link for a document that keeps changing (the page's address bar, state().hash): keeps
// the text of every row and formats again only the rows whose numbers changed since the last
// call. Formatting is most of the cost (about 90 ns a number), so a slider drag on a network of
// a million weights costs one row, not a million numbers. The result equals encode_link's.
class LinkEncoder {
public:
    const std::string& encode(const Document& doc);
    const std::string& link() const { return link_; }  // what encode returned last

private:
    struct CachedRow {
        std::vector<double> values;  // the numbers `text` was made from
        std::string text;            // those numbers joined by ','
    };
    std::vector<CachedRow> rows_;  // inputs' rows, every weight row, every bias vector, targets' rows, custom points
    // The `hide` text and what it was made from.
    std::vector<HiddenValue> hidden_;
    std::vector<int> hidden_shape_;
    int hidden_samples_ = 0;
    std::string hidden_text_;
    std::string link_;
};

// Reads a link fragment: the leading '#' is optional; keys and values may be percent-encoded
// (and '+' means a space, as URLSearchParams reads them); spaces around numbers are allowed.
// Keys that are not part of the format are ignored with a warning; a key given twice is an error.
// Every size is checked against limits.h before anything is allocated for it: the fragment's
// length first, then the shape (check_shape), then the counts of every row, sample, bias vector
// and activation list, found by counting separators. Only then are the matrices allocated and
// the numbers parsed (in place, without copies). The error names the key and what was expected,
// e.g. "w3: row 2 has 3 numbers; expected 2 (layer 2 has 2 nodes)".
DecodeResult decode_link(std::string_view fragment);

}  // namespace mlp
