// The JSON of state(): the design's fields, exact numbers, and strings that stay valid JSON.
#include <doctest/doctest.h>

#include <string>

#include "core/document/session.h"
#include "core/formats/json_writer.h"
#include "core/formats/state_json.h"

using namespace mlp;

TEST_CASE("state JSON of the exercise has every field of the design") {
    Session session;
    std::string json = session.state_json();
    CHECK(json.rfind("{\"format\":\"mlp-explorer/1\",\"shape\":[3,5,2,3,2,2,2,1],", 0) == 0);
    CHECK(json.find("\"activations\":[\"relu\",\"relu\",\"relu\",\"relu\",\"relu\",\"relu\",\"linear\"]") != std::string::npos);
    CHECK(json.find("\"weights\":[[[0,0,1],[0,1,0],[1,0,0],[1,1,0],[0,1,1]],[[1,1,-1,0,0],[0,0,1,1,-1]],") != std::string::npos);
    CHECK(json.find("\"biases\":[[0,0,0,0,0],[0,0],") != std::string::npos);
    CHECK(json.find("\"inputs\":[[3,4,5],[5,4,3]]") != std::string::npos);
    // z of layer 3 for both samples: [7,5,8] and [9,-5,16]; a clips the -5.
    CHECK(json.find("[[7,5,8],[9,-5,16]]") != std::string::npos);
    CHECK(json.find("[[7,5,8],[9,0,16]]") != std::string::npos);
    CHECK(json.find("\"hash\":\"#v=1&shape=3,5,2,3,2,2,2,1&") != std::string::npos);
    CHECK(json.find("\"error\":null,\"warnings\":[]}") != std::string::npos);
}

TEST_CASE("strings in JSON are escaped and stay valid UTF-8") {
    std::string out;
    JsonWriter w(&out);
    w.begin_array();
    w.string("a\"b\\c\n\x01</script>");
    w.string("caf\xc3\xa9");
    w.string("bad \xff\xfe byte");
    w.end_array();
    CHECK(out == "[\"a\\\"b\\\\c\\u000a\\u0001</script>\",\"caf\xc3\xa9\",\"bad \xEF\xBF\xBD\xEF\xBF\xBD byte\"]");
}
