// The pictures over the input plane and their GL textures, shared by the Data panel's plot and
// the diagram's node thumbnails: one forward pass over the plot's grid (PlaneImage) gives the
// plot and every node's picture; the thumbnails go up as one atlas texture (node_pictures.h), the
// hovered node's picture, full size, as one more.
//
// A frame calls begin_frame first (before the run trains: reserved_ms tells the training pace
// what the picture will take), then whoever shows a picture calls update (the first call of the
// frame does the work, when picture_schedule.h says it is due and the document changed).
#pragma once

#include <cstdint>
#include <vector>

#include "app/node_pictures.h"
#include "app/picture_schedule.h"
#include "app/plane_image.h"
#include "core/document/session.h"

namespace app {

// The pictures' colour map: class 0 (or -1) orange, class 1 (or +1) blue, the sign colours of the
// palette (Okabe-Ito, colour-blind safe), white between.
const PlaneColours& plane_colours();

class PlanePictures {
public:
    void begin_frame(bool running, double now_ms);
    // What the picture takes of this frame's training budget: during a run, its time when it is
    // due, at most a part's (kPictureSliceMs).
    double reserved_ms() const;
    // Computes the pictures again when due; false when the session has no data set.
    bool update(const mlp::Session& session);
    const PlaneImage& image() const { return image_; }
    // The plot's texture (the network's prediction, paled under the points).
    unsigned plot_texture();
    // The atlas texture of these nodes' thumbnails; *atlas gives each one's slot (k: nodes[k]).
    unsigned atlas_texture(const std::vector<mlp::NodeRef>& nodes, const NodeAtlas** atlas);
    // Node (layer, node)'s picture, as many pixels wide as the grid has cells.
    unsigned enlarged_texture(int layer, int node);
    const PictureSchedule& schedule() const { return schedule_; }
    // The textures died with the WebGL context: made again when next asked for.
    void release_gl_objects();

private:
    bool running_ = false;
    double now_ms_ = 0.0;
    PictureSchedule schedule_;
    PlaneImage image_;
    double parts_frame_ms_ = -1.0;  // the frame (its now_ms) that computed the last part
    // The picture being computed in parts: the revision it is of, when it began, its time so far,
    // its grid.
    uint64_t job_revision_ = 0;
    double job_started_ms_ = 0.0;
    double job_ms_ = 0.0;
    int job_cells_ = 0;
    uint64_t version_ = 0;  // counts the pictures computed: a texture made of an older one is stale
    double colour_ms_ = 0.0;  // the colouring and upload of the last picture's textures
    bool classification_ = false;
    mlp::Loss loss_ = mlp::Loss::Mse;

    struct Texture {
        unsigned id = 0;
        uint64_t version = 0;  // of the pictures it holds
    };
    Texture plot_, atlas_, enlarged_;
    NodeAtlas node_atlas_;
    std::vector<mlp::NodeRef> atlas_nodes_;
    mlp::NodeRef enlarged_node_;
    std::vector<uint8_t> enlarged_rgba_;
};

}  // namespace app
