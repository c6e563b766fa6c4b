#include "app/plane_pictures.h"

#include <algorithm>
#include <chrono>

#include "app/palette.h"
#include "app/rgba_texture.h"

namespace app {

namespace {

PlaneRgb rgb(Colour c) { return {c.r, c.g, c.b}; }

double now_ms() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

}  // namespace

const PlaneColours& plane_colours() {
    static const PlaneColours colours{rgb(palette::kNegative), rgb(palette::kNodeFill), rgb(palette::kPositive)};
    return colours;
}

void PlanePictures::begin_frame(bool running, double now) {
    running_ = running;
    now_ms_ = now;
}

bool PlanePictures::update(const mlp::Session& session) {
    const mlp::DataSet* data = session.data_set();
    if (!data) return false;
    // A picture of another shape (a node added in the frame a run ended) cannot wait: the
    // diagram would look up nodes it does not have.
    const std::vector<mlp::Matrix>& layers = image_.pass().a;
    const std::vector<int>& shape = session.network().shape;
    bool same_shape = version_ > 0 && layers.size() + 1 == shape.size();
    for (size_t l = 0; same_shape && l < layers.size(); ++l) same_shape = layers[l].cols == shape[l + 1];
    const double weights = static_cast<double>(session.network().weight_count());  // a cell's multiply-adds
    // During a run a picture is computed in parts, kPictureSliceMs a frame, the last whole one
    // shown meanwhile; otherwise (an edit, a step, a new shape) at once.
    const bool in_parts = running_ && same_shape;
    if (in_parts && image_.pending()) {
        if (parts_frame_ms_ == now_ms_) return true;  // a part a frame: the first caller computes it
    } else {
        image_.cancel();  // a picture in parts of a run that ended: this one is due at once
        if (same_shape && (schedule_.current(session.revision()) || !schedule_.due(now_ms_, running_))) return true;
        job_revision_ = session.revision();
        job_started_ms_ = now_ms_;
        job_ms_ = 0.0;
        job_cells_ = schedule_.grid_cells(weights, kPlaneCells);
        const double t0 = now_ms();
        // In parts on a copy of the network (the run changes it every frame), else at once on it.
        if (in_parts)
            image_.begin(session.document(), data->classification, job_cells_);
        else
            image_.compute(session.document(), data->classification, job_cells_);
        job_ms_ += now_ms() - t0;
    }
    parts_frame_ms_ = now_ms_;
    const double t0 = now_ms();
    const bool done = image_.advance(schedule_.cells_within(kPictureSliceMs, weights));  // true at once after compute
    job_ms_ += now_ms() - t0;
    if (!done) return true;
    // The picture's time: its passes, and the colouring of the plot and the thumbnails the last
    // time (done when they are drawn, after this).
    schedule_.record(job_revision_, job_started_ms_, job_ms_ + colour_ms_, weights * job_cells_ * job_cells_, job_ms_);
    colour_ms_ = 0.0;
    classification_ = data->classification;
    loss_ = session.document().loss;
    ++version_;
    return true;
}

double PlanePictures::reserved_ms() const {
    if (!running_ || !(image_.pending() || schedule_.due(now_ms_, true))) return 0.0;
    return std::min(schedule_.ms_per_picture(), kPictureSliceMs);
}

unsigned PlanePictures::plot_texture() {
    if (plot_.version != version_ || plot_.id == 0) {
        const double t0 = now_ms();
        image_.colour(classification_, plane_colours().low, plane_colours().mid, plane_colours().high);
        upload_rgba_texture(&plot_.id, image_.size(), image_.size(), image_.rgba().data(), TextureFilter::Linear);
        plot_.version = version_;
        colour_ms_ += now_ms() - t0;
    }
    return plot_.id;
}

unsigned PlanePictures::atlas_texture(const std::vector<mlp::NodeRef>& nodes,
                                      const NodeAtlas** atlas) {
    bool same_nodes = nodes.size() == atlas_nodes_.size();
    for (size_t k = 0; same_nodes && k < nodes.size(); ++k)
        same_nodes = nodes[k].layer == atlas_nodes_[k].layer && nodes[k].index == atlas_nodes_[k].index;
    if (!same_nodes || atlas_.version != version_ || atlas_.id == 0) {
        const double t0 = now_ms();
        atlas_nodes_ = nodes;
        node_atlas_.build(image_, loss_, classification_, nodes, plane_colours());
        upload_rgba_texture(&atlas_.id, node_atlas_.width(), node_atlas_.height(), node_atlas_.rgba().data(), TextureFilter::Linear);
        atlas_.version = version_;
        colour_ms_ += now_ms() - t0;
    }
    *atlas = &node_atlas_;
    return atlas_.id;
}

unsigned PlanePictures::enlarged_texture(int layer, int node) {
    const bool same = layer == enlarged_node_.layer && node == enlarged_node_.index;
    if (!same || enlarged_.version != version_ || enlarged_.id == 0) {
        enlarged_node_ = {layer, node};
        const int n = image_.size();
        enlarged_rgba_.resize(static_cast<size_t>(n) * n * 4);
        node_picture_rgba(image_, loss_, classification_, layer, node, n, plane_colours(), enlarged_rgba_.data(), n * 4);
        upload_rgba_texture(&enlarged_.id, n, n, enlarged_rgba_.data(), TextureFilter::Linear);
        enlarged_.version = version_;
    }
    return enlarged_.id;
}

void PlanePictures::release_gl_objects() {
    plot_ = {};
    atlas_ = {};
    enlarged_ = {};
}

}  // namespace app
