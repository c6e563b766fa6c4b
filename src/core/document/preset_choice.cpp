#include "core/document/preset_choice.h"

#include <vector>

#include "core/document/default_network.h"
#include "core/document/document_loader.h"
#include "core/document/presets.h"

namespace mlp {

void open_preset(Session* session, Preset preset) {
    switch (preset) {
        case Preset::Exercise: session->start_from(exercise_document(), kExerciseName); break;
        case Preset::Xor: session->start_from(xor_document(), kXorName); break;
        case Preset::YehBackprop: session->start_from(yeh_backprop_document(), kYehName); break;
        case Preset::LondonBackprop: session->start_from(london_backprop_document(), kLondonName); break;
        case Preset::ExerciseWithTargets:
            session->start_from(exercise_with_targets_document(), kExerciseWithTargetsName);
            break;
    }
}

bool open_random_preset(Session* session, std::string_view shape_text, std::string_view seed_text, bool integers) {
    std::vector<int> shape;
    uint64_t seed = 0;
    Document doc;
    std::string err = parse_shape(shape_text, &shape);
    if (err.empty()) err = parse_seed(seed_text, &seed);
    if (err.empty()) err = random_document(shape, seed, integers, &doc);
    if (err.empty()) err = session->start_from(std::move(doc), random_preset_name(shape, seed, integers));
    if (!err.empty()) {
        session->refuse_opening("the random network cannot be made: " + err, kKeptNetworkNote);
        return false;
    }
    return true;
}

}  // namespace mlp
