// A fuzz target without libFuzzer: runs LLVMFuzzerTestOneInput once on each file named on the
// command line (directories are walked, in name order). ./build.sh test replays the committed
// regression inputs (tests/fuzz/regressions/) and the seeds this way in the plain, the ASan+UBSan
// and the valgrind runs; a failed check aborts, as under libFuzzer.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size);

namespace fs = std::filesystem;

int main(int argc, char** argv) {
    std::vector<fs::path> files;
    for (int i = 1; i < argc; ++i) {
        const fs::path path(argv[i]);
        if (fs::is_directory(path)) {
            for (const fs::directory_entry& e : fs::recursive_directory_iterator(path))
                if (e.is_regular_file()) files.push_back(e.path());
        } else if (fs::is_regular_file(path)) {
            files.push_back(path);
        } else {
            std::fprintf(stderr, "%s: no such file or directory\n", argv[i]);
            return 2;
        }
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& file : files) {
        std::ifstream in(file, std::ios::binary);
        const std::vector<char> bytes{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        // A copy of exactly `size` bytes, as libFuzzer gives, so reading past the end is caught.
        std::vector<uint8_t> input(bytes.begin(), bytes.end());
        LLVMFuzzerTestOneInput(input.empty() ? nullptr : input.data(), input.size());
    }
    std::printf("%s: %zu inputs replayed\n", fs::path(argv[0]).filename().c_str(), files.size());
    return 0;
}
