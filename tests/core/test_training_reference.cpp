// Training against numpy (tests/reference/training_reference.py): random networks on random custom
// points, full-batch (the batch as large as the set, every point a train point), 10 epochs of sgd,
// momentum and adam, with and without L1/L2; then the circle data set learned by a 2-8-8-1 tanh
// network, and mini-batches in the order the seed fixes.
//
// Tolerance: |ours - numpy| <= 1e-9 * (1 + |numpy|) (reference_cases.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <sstream>

#include "core/document/session.h"
#include "core/model/random_fill.h"
#include "core/training/data_set.h"
#include "core/training/training.h"
#include "reference_cases.h"

using namespace mlp;

#ifndef MLP_TRAINING_REFERENCE_CASES
#error "MLP_TRAINING_REFERENCE_CASES must name the file written by tests/reference/training_reference.py"
#endif

namespace {

struct TrainingCase {
    int index = -1;
    Document doc;
    int epochs = 0;
    std::vector<Matrix> w_after;
    std::vector<std::vector<double>> b_after;
};

std::vector<TrainingCase> read_training_cases(const char* path) {
    std::ifstream file(path);
    REQUIRE_MESSAGE(file.good(), "cannot open ", path);
    std::vector<TrainingCase> cases;
    TrainingCase c;
    std::string line;
    while (std::getline(file, line)) {
        std::istringstream in(line);
        std::string tag;
        in >> tag;
        Document& doc = c.doc;
        if (tag == "case") {
            c = TrainingCase();
            in >> c.index;
        } else if (tag == "shape") {
            std::vector<int> shape;
            int n;
            while (in >> n) shape.push_back(n);
            doc.network = make_network(shape);
            doc.inputs = Matrix(1, shape[0]);
            c.w_after.resize(shape.size() - 1);
            c.b_after.resize(shape.size() - 1);
        } else if (tag == "act") {
            std::string name;
            for (Activation& act : doc.network.activations) {
                in >> name;
                REQUIRE(parse_activation(name, &act));
            }
        } else if (tag == "W" || tag == "b" || tag == "W_after" || tag == "b_after") {
            int l;
            in >> l;
            const std::vector<double> v = mlp_test::read_numbers(in);
            const Matrix& w = doc.network.weights[l - 1];
            if (tag == "W") doc.network.weights[l - 1].values = v;
            if (tag == "b") doc.network.biases[l - 1] = v;
            if (tag == "W_after") c.w_after[l - 1] = mlp_test::to_matrix(v, w.rows, w.cols);
            if (tag == "b_after") c.b_after[l - 1] = v;
        } else if (tag == "features") {
            std::string names;
            in >> names;
            REQUIRE(parse_features(names, ',', &doc.data.features) == "");
        } else if (tag == "points") {
            int n;
            in >> n;
            const std::vector<double> v = mlp_test::read_numbers(in);
            REQUIRE(v.size() == 3u * n);
            doc.data.kind = DataKind::Custom;
            doc.data.test = 0;  // every point trains
            for (int k = 0; k < n; ++k) doc.data.custom.push_back({v[3 * k], v[3 * k + 1], v[3 * k + 2]});
            doc.training.batch = n;  // one batch: an epoch is one full-batch step
        } else if (tag == "settings") {
            std::string loss, reduce, opt, reg;
            in >> loss >> reduce >> doc.learning_rate >> opt >> reg >> doc.training.regularization_rate >> c.epochs;
            REQUIRE(parse_loss(loss, &doc.loss));
            REQUIRE(parse_reduction(reduce, &doc.reduction));
            REQUIRE(parse_optimizer(opt, &doc.training.optimizer));
            REQUIRE(parse_regularization(reg, &doc.training.regularization));
        } else if (tag == "end") {
            cases.push_back(c);
        }
    }
    return cases;
}

// A network of `shape` with He-uniform weights from `seed` (random_fill.h), tanh hidden layers.
Document random_network(const std::vector<int>& shape, uint64_t seed) {
    Document doc;
    doc.network = make_network(shape);
    RandomFill fill(seed);
    for (size_t l = 0; l < doc.network.weights.size(); ++l) {
        for (double& w : doc.network.weights[l].values) w = fill.weight(shape[l], false);
        doc.network.activations[l] = Activation::Tanh;
    }
    doc.network.activations.back() = Activation::Linear;
    doc.inputs = Matrix(1, shape[0]);
    return doc;
}

}  // namespace

TEST_CASE("full-batch training agrees with numpy after 10 epochs: sgd, momentum and adam, with L1 and L2") {
    const std::vector<TrainingCase> cases = read_training_cases(MLP_TRAINING_REFERENCE_CASES);
    REQUIRE(cases.size() >= 100);
    mlp_test::Agreement agree;
    int per_optimizer[kOptimizerCount] = {};
    for (const TrainingCase& c : cases) {
        CAPTURE(c.index);
        REQUIRE(validate(c.doc) == "");
        Session session;
        REQUIRE(session.replace(c.doc) == "");
        // The same points reach the network as numpy computed its features from.
        REQUIRE(session.data_set()->train_rows.size() == c.doc.data.custom.size());
        REQUIRE(session.train(c.epochs) == "");
        CHECK(session.document().training.epoch == c.epochs);
        ++per_optimizer[static_cast<int>(c.doc.training.optimizer)];
        const Network& net = session.document().network;
        for (size_t l = 0; l < c.w_after.size(); ++l) {
            for (size_t k = 0; k < c.w_after[l].values.size(); ++k)
                if (!agree.check(net.weights[l].values[k], c.w_after[l].values[k]))
                    FAIL_CHECK("W" << l + 1 << " value " << k << ": ours " << net.weights[l].values[k] << ", numpy "
                                   << c.w_after[l].values[k]);
            for (size_t k = 0; k < c.b_after[l].size(); ++k)
                if (!agree.check(net.biases[l][k], c.b_after[l][k]))
                    FAIL_CHECK("b" << l + 1 << " value " << k << ": ours " << net.biases[l][k] << ", numpy "
                                   << c.b_after[l][k]);
        }
    }
    for (int count : per_optimizer) CHECK(count >= 30);
    MESSAGE("compared " << agree.compared << " weights and biases of " << cases.size()
                        << " networks after 10 epochs with numpy (sgd, momentum, adam; none, l1, l2); worst relative "
                           "difference "
                        << agree.worst);
}

TEST_CASE("train(n) in one call or n calls of one epoch gives the same weights; undo returns them exactly") {
    for (Optimizer opt : {Optimizer::Sgd, Optimizer::Momentum, Optimizer::Adam}) {
        CAPTURE(optimizer_name(opt));
        Document doc = random_network({2, 4, 1}, 7);
        doc.data.kind = DataKind::Gauss;
        doc.data.points = 60;
        doc.training.optimizer = opt;
        doc.training.batch = 7;
        Session once, stepwise;
        REQUIRE(once.replace(doc) == "");
        REQUIRE(stepwise.replace(doc) == "");
        REQUIRE(once.train(5) == "");
        for (int e = 0; e < 5; ++e) REQUIRE(stepwise.train(1) == "");
        CHECK(once.document().network == stepwise.document().network);
        CHECK(once.document().training.epoch == 5);
        once.undo();
        CHECK(once.document() == doc);
    }
}

TEST_CASE("a run's points, epochs and batches spanning calls, give train(n)'s weights; the run's end finishes the epoch") {
    for (Optimizer opt : {Optimizer::Sgd, Optimizer::Momentum, Optimizer::Adam}) {
        CAPTURE(optimizer_name(opt));
        Document doc = random_network({2, 4, 1}, 11);
        doc.data.kind = DataKind::Circle;
        doc.data.points = 60;  // 30 train points in batches of 7: 5 batches an epoch, the last of 2
        doc.training.optimizer = opt;
        doc.training.batch = 7;
        Session whole, batched;
        REQUIRE(whole.replace(doc) == "");
        REQUIRE(batched.replace(doc) == "");
        REQUIRE(whole.train(3) == "");
        batched.begin_training_run();
        // 10 points a call: epochs end inside calls, and calls end inside epochs and batches.
        for (int call = 0; call < 7; ++call) REQUIRE(batched.train_points(10) == "");
        CHECK(batched.document().training.epoch == 2);  // 70 points: 2 epochs, a batch and 3 of the next
        CHECK_FALSE(batched.document().network == whole.document().network);
        // The open batch's 3 points are not in the weights yet: they are those of 2 epochs and a
        // batch, trained in one call.
        Session to_batch;
        REQUIRE(to_batch.replace(doc) == "");
        REQUIRE(to_batch.train_points(2 * 30 + 7) == "");
        CHECK(batched.document().network == to_batch.document().network);
        REQUIRE(batched.end_training_run() == "");  // finishes the third epoch
        CHECK(batched.document().training.epoch == 3);
        CHECK(batched.document().network == whole.document().network);
        // The run is one undo step, back to the start exactly.
        batched.undo();
        CHECK(batched.document() == doc);
    }
}

TEST_CASE("train(n) after a run's batches finishes the open epoch as the first of the n") {
    Document doc = random_network({2, 3, 1}, 5);
    doc.data.kind = DataKind::Xor;
    doc.data.points = 40;
    doc.training.batch = 4;  // 20 train points: 5 batches an epoch
    Session whole, batched;
    REQUIRE(whole.replace(doc) == "");
    REQUIRE(batched.replace(doc) == "");
    REQUIRE(whole.train(2) == "");
    REQUIRE(batched.train_points(2 * 4 + 1) == "");  // 2 batches and a point of the third
    CHECK(batched.document().training.epoch == 0);
    REQUIRE(batched.train(2) == "");
    CHECK(batched.document().training.epoch == 2);
    CHECK(batched.document().network == whole.document().network);
}

TEST_CASE("an edit inside a run's epoch drops the epoch's order: the next batches start epoch e again") {
    Document doc = random_network({2, 3, 1}, 9);
    doc.data.kind = DataKind::Xor;
    doc.data.points = 40;
    doc.training.batch = 4;
    Session session;
    REQUIRE(session.replace(doc) == "");
    session.begin_training_run();
    REQUIRE(session.train_points(2 * 4 + 2) == "");  // inside the third batch
    session.set_learning_rate(0.01);  // another edit: the page's run ends with it
    CHECK(session.end_training_run() == "");  // nothing to finish: the document changed
    CHECK(session.document().training.epoch == 0);
    // From here, a whole epoch 0 (5 batches), as a fresh session of the same document trains it.
    Session fresh;
    REQUIRE(fresh.replace(session.document()) == "");
    REQUIRE(session.train(1) == "");
    REQUIRE(fresh.train(1) == "");
    CHECK(session.document().training.epoch == 1);
    CHECK(session.document().network == fresh.document().network);
}

TEST_CASE("the loss and accuracy in parts are evaluate's, of the network as it was at begin()") {
    Document doc = random_network({2, 5, 2}, 21);
    doc.loss = Loss::CrossEntropy;
    doc.data.kind = DataKind::Spiral;
    doc.data.points = 300;
    doc.data.test = 0.3;
    Session session;
    REQUIRE(session.replace(doc) == "");
    const DataSet& data = *session.data_set();
    const TrainingMetrics whole = *session.training_metrics();
    EvaluationInParts parts;
    parts.begin(session.document());
    REQUIRE(session.train(1) == "");  // the network changes meanwhile
    TrainingMetrics m;
    int calls = 1;
    while (!parts.advance(data, 37, &m)) ++calls;  // parts cross from the train points to the test points
    CHECK(calls == 9);  // 300 points: 8 parts of 37 and 4
    CHECK_FALSE(parts.pending());
    CHECK(m.train_count == whole.train_count);
    CHECK(m.test_count == whole.test_count);
    CHECK(m.train_loss == doctest::Approx(whole.train_loss).epsilon(1e-12));
    CHECK(m.test_loss == doctest::Approx(whole.test_loss).epsilon(1e-12));
    CHECK(m.train_accuracy == whole.train_accuracy);
    CHECK(m.test_accuracy == whole.test_accuracy);
    CHECK(m.test_loss != doctest::Approx(session.training_metrics()->test_loss).epsilon(1e-12));
}

TEST_CASE("an epoch with mini-batches is the steps of the seed's order, batch by batch") {
    Document doc = random_network({2, 3, 1}, 3);
    doc.data.kind = DataKind::Xor;
    doc.data.points = 23;
    doc.data.seed = 99;
    doc.training.batch = 4;
    doc.training.epoch = 12;  // the order of epoch 12
    Session session;
    REQUIRE(session.replace(doc) == "");
    const DataSet data = *session.data_set();
    REQUIRE(session.train(1) == "");

    std::vector<int> order;
    epoch_order(doc.data.seed, 12, data.train_rows, &order);
    std::vector<int> sorted = order;
    std::sort(sorted.begin(), sorted.end());
    CHECK(sorted == data.train_rows);  // every train point once
    CHECK(order != data.train_rows);   // shuffled
    Network net = doc.network;
    for (size_t start = 0; start < order.size(); start += 4) {
        const int count = static_cast<int>(std::min<size_t>(4, order.size() - start));
        Matrix x(count, 2), y(count, 1);
        for (int s = 0; s < count; ++s) {
            x.at(s, 0) = data.inputs.at(order[start + s], 0);
            x.at(s, 1) = data.inputs.at(order[start + s], 1);
            y.at(s, 0) = data.targets.at(order[start + s], 0);
        }
        ForwardPass f;
        forward_pass(net, x, &f);
        BackwardPass g;
        backward_pass(net, x, y, doc.loss, doc.reduction, f, &g);
        for (size_t l = 0; l < net.weights.size(); ++l) {
            for (size_t k = 0; k < net.weights[l].values.size(); ++k)
                net.weights[l].values[k] -= doc.learning_rate * g.dw[l].values[k];
            for (size_t k = 0; k < net.biases[l].size(); ++k) net.biases[l][k] -= doc.learning_rate * g.db[l][k];
        }
    }
    CHECK(session.document().network == net);
    CHECK(session.document().training.epoch == 13);
}

TEST_CASE("the circle data set: a 2-8-8-1 tanh network reaches 95 % test accuracy within 500 epochs") {
    // bce on a linear output (p = sigmoid(a_L)), the default learning rate 0.03, batch 10, sgd;
    // 500 points without noise, half of them held out for testing.
    Document doc = random_network({2, 8, 8, 1}, 1);
    doc.data.kind = DataKind::Circle;
    doc.loss = Loss::BinaryCrossEntropy;
    Session session;
    REQUIRE(session.replace(doc) == "");
    const double start_loss = session.training_metrics()->train_loss;
    int epochs = 0;
    double accuracy = 0.0;
    while (epochs < 500) {
        REQUIRE(session.train(10) == "");
        epochs += 10;
        accuracy = session.training_metrics()->test_accuracy;
        if (accuracy >= 0.95) break;
    }
    const TrainingMetrics& m = *session.training_metrics();
    CHECK(m.test_count == 250);
    CHECK(m.train_loss < start_loss);
    CHECK(accuracy >= 0.95);
    MESSAGE("circle, 2-8-8-1 tanh, bce, sgd lr 0.03 batch 10: test accuracy " << accuracy << " after " << epochs
                                                                              << " epochs (train loss " << start_loss
                                                                              << " -> " << m.train_loss << ")");
}

TEST_CASE("a batch spanning calls, as the page trains a big network: the weights change once its last point is in") {
    for (Optimizer opt : {Optimizer::Sgd, Optimizer::Adam}) {
        CAPTURE(optimizer_name(opt));
        Document doc = random_network({2, 5, 5, 1}, 3);
        doc.data.kind = DataKind::Spiral;
        doc.data.points = 40;
        doc.training.optimizer = opt;
        doc.training.batch = 10;  // 20 train points: 2 batches an epoch
        Session whole, parts;
        REQUIRE(whole.replace(doc) == "");
        REQUIRE(parts.replace(doc) == "");
        REQUIRE(whole.train(2) == "");
        parts.begin_training_run();
        // 3 points a call: nothing changes until a batch's tenth point, not even the revision.
        const uint64_t revision = parts.revision();
        for (int call = 0; call < 3; ++call) REQUIRE(parts.train_points(3) == "");
        CHECK(parts.document().network == doc.network);
        CHECK(parts.revision() == revision);
        REQUIRE(parts.train_points(3) == "");  // points 10 to 12: the first batch ends
        CHECK_FALSE(parts.document().network == doc.network);
        CHECK(parts.revision() != revision);
        for (int call = 0; call < 10; ++call) REQUIRE(parts.train_points(3) == "");  // 42 points
        CHECK(parts.document().training.epoch == 2);
        REQUIRE(parts.end_training_run() == "");  // finishes the third epoch's open batch and the epoch
        CHECK(parts.document().training.epoch == 3);
        REQUIRE(whole.train(1) == "");
        CHECK(parts.document().network == whole.document().network);
        // The run is one undo step, though its first calls changed nothing.
        parts.undo();
        CHECK(parts.document() == doc);
    }
}
