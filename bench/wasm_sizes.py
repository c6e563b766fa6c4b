#!/usr/bin/python3
"""Where the bytes of the page's wasm go: its code by origin, its data, the rest.

    /usr/bin/python3 bench/wasm_sizes.py NAMED.wasm > sizes.json

NAMED.wasm is the page linked with --profiling-funcs (./build.sh bench relinks it so), which keeps
function names and changes nothing else. Functions are grouped by their names: a function that
the compiler inlined into another counts where it ended up (the main loop, run_frame, holds much
of the app). "gzip" is each group's code compressed alone at level 9, an estimate: the groups'
figures add up to a little more than the whole file compresses to.
"""
import json
import re
import sys
import zlib

SECTIONS = {0: "custom", 1: "type", 2: "import", 3: "function", 4: "table", 5: "memory", 6: "global",
            7: "export", 8: "start", 9: "element", 10: "code", 11: "data", 12: "data count"}


def leb128(data, i):
    result = shift = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, i


def name_string(data, i):
    n, i = leb128(data, i)
    return data[i:i + n], i + n


def read_module(data):
    """Sections, the function bodies, the number of imported functions, and function names."""
    pos, sections, bodies, names, imported = 8, [], [], {}, 0
    while pos < len(data):
        sid = data[pos]
        size, start = leb128(data, pos + 1)
        sections.append((sid, start, size))
        pos = start + size
    for sid, start, size in sections:
        if sid == 2:  # imports: count the functions, which come first in the function index space
            count, i = leb128(data, start)
            for _ in range(count):
                _, i = name_string(data, i)
                _, i = name_string(data, i)
                kind = data[i]
                i += 1
                if kind == 0:
                    _, i = leb128(data, i)
                    imported += 1
                elif kind == 1:  # table: element type, limits
                    i += 1
                    flags, i = leb128(data, i)
                    _, i = leb128(data, i)
                    if flags & 1:
                        _, i = leb128(data, i)
                elif kind == 2:  # memory: limits
                    flags, i = leb128(data, i)
                    _, i = leb128(data, i)
                    if flags & 1:
                        _, i = leb128(data, i)
                elif kind == 3:  # global: type, mutability
                    i += 2
        elif sid == 10:
            count, i = leb128(data, start)
            for _ in range(count):
                n, i = leb128(data, i)
                bodies.append(data[i:i + n])
                i += n
        elif sid == 0:
            custom, i = name_string(data, start)
            if custom != b"name":
                continue
            end = start + size
            while i < end:
                sub = data[i]
                sub_size, j = leb128(data, i + 1)
                if sub == 1:  # function names
                    count, k = leb128(data, j)
                    for _ in range(count):
                        index, k = leb128(data, k)
                        text, k = name_string(data, k)
                        names[index] = text.decode("utf-8", "replace")
                i = j + sub_size
    return sections, bodies, imported, names


GROUPS = [  # (group, what it is), in the order of the table; see origin()
    ("Dear ImGui", "ImGui's core, widgets, tables, draw lists, fonts (stb_truetype), its SDL2 and OpenGL3 backends"),
    ("SDL2", "SDL's video, events and surfaces (blitters included) for Emscripten"),
    ("main loop and app", "run_frame (the app's UI, inlined into it at -Oz) and the app's functions"),
    ("core", "src/core: the network, forward pass, link codec, JSON, undo, diagram geometry"),
    ("script API", "the exported functions of window.mlpExplorer (load() inlines the decoders)"),
    ("nlohmann-json", "the JSON import's SAX parser"),
    ("fmt", "shortest round-trip numbers (Dragonbox)"),
    ("libc++", "the C++ standard library (vectors, strings...)"),
    ("malloc", "the allocator (emmalloc)"),
    ("libc and other", "printf (snprintf), math, memcpy..., and what has no name of the above"),
]


def origin(name):
    name = name.replace("(anonymous namespace)::", "")
    head = name.split("(", 1)[0]
    if re.match(r"(ImGui|Im[A-Z]|stb|STB|ImGui_Impl)", head) or "ImGui" in head:
        return "Dear ImGui"
    if re.match(r"(SDL|Emscripten_|Blit|SDL_|Map1to|Blit_|BlitRGB)", head) or head.startswith("SDL"):
        return "SDL2"
    if head.startswith("mlp_"):
        return "script API"
    if "nlohmann" in head:
        return "nlohmann-json"
    if "fmt::" in head:
        return "fmt"
    if head.startswith("mlp::"):
        return "core"
    if head.startswith("app::") or head.startswith("platform::") or "run_frame" in head or head == "main":
        return "main loop and app"
    if head.startswith("std::"):
        return "libc++"
    if head.startswith("emmalloc_") or head in ("dlmalloc", "dlfree", "dlrealloc", "dlcalloc", "dlmemalign", "internal_memalign", "sbrk",
                "emscripten_builtin_malloc", "emscripten_builtin_free", "malloc", "free", "realloc"):
        return "malloc"
    return "libc and other"


def main():
    data = open(sys.argv[1], "rb").read()
    sections, bodies, imported, names = read_module(data)
    groups = {g: {"group": g, "what": what, "raw": 0, "functions": 0, "code": [], "largest": []} for g, what in GROUPS}
    for k, body in enumerate(bodies):
        name = names.get(imported + k, "?")
        g = groups[origin(name)]
        g["raw"] += len(body)
        g["functions"] += 1
        g["code"].append(body)
        g["largest"].append((len(body), name))
    out = {"file_bytes": len(data),
           "sections": {SECTIONS.get(sid, str(sid)): size for sid, _, size in sections if sid != 0},
           "groups": []}
    for g in groups.values():
        g["gzip"] = len(zlib.compress(b"".join(g.pop("code")), 9))
        g["largest"] = [{"bytes": n, "name": name[:100]} for n, name in sorted(g["largest"], reverse=True)[:5]]
        out["groups"].append(g)
    data_sections = [(start, size) for sid, start, size in sections if sid == 11]
    out["data_gzip"] = sum(len(zlib.compress(data[s:s + n], 9)) for s, n in data_sections)
    json.dump(out, sys.stdout, indent=1)


if __name__ == "__main__":
    main()
